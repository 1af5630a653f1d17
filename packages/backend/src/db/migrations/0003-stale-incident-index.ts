import { sql, type Kysely } from 'kysely';

// Incidents whose findings are missing or stale are few; a partial index finds them without
// scanning the table, so re-evaluating one changed incident stays fast in a large store. The
// predicate matches IncidentRepository.staleIds() exactly, which the planner needs to use it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index incident_stale_idx on incident (id) where evaluated_hash is null or evaluated_hash <> content_hash`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('pactwatch migrations are forward-only');
}
