import { type Kysely } from 'kysely';
import { isPostgres, textType } from './dialect.js';
import { trackRevision } from './0006-store-revision.js';

// The review queue: proposed incidents waiting for an analyst to accept, merge or reject them.
// `seq` orders the queue (newest first) exactly as drafts arrived, even within one millisecond;
// `record` is the proposed incident as JSON text; instants are ISO text like the account tables.
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = isPostgres(db);
  const text = textType(db);
  await db.schema
    .createTable('incident_draft')
    .addColumn('seq', postgres ? 'bigserial' : 'integer', (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('id', text, (c) => c.notNull().unique())
    .addColumn('incident_id', text, (c) => c.notNull())
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('origin', text, (c) => c.notNull())
    .addColumn('confidence', 'integer')
    .addColumn('notes', 'text')
    .addColumn('state', text, (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('result_incident_id', text)
    .addColumn('created_by', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('decided_by', text)
    .addColumn('decided_at', text)
    .execute();
  // The queue is read by state, newest first.
  await db.schema.createIndex('incident_draft_state_idx').on('incident_draft').columns(['state', 'seq']).execute();
  // Cached reads (the queue listing) must move when a draft changes.
  await trackRevision(db, 'incident_draft');
}

export async function down(): Promise<void> {
  throw new Error('pactwatch migrations are forward-only');
}
