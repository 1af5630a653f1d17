import type { Kysely } from 'kysely';

// Findings by dyad (GET /findings?dyad=CN-US, the dyad page) in commitment order: without it the
// store walks the primary key until it has found a page of the pair's findings, which in a large
// store meant reading most of the table (100 ms on SQLite with 330k findings).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('finding_dyad_idx').on('finding').columns(['sponsor', 'victim', 'commitment_id', 'incident_id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('pactwatch migrations are forward-only');
}
