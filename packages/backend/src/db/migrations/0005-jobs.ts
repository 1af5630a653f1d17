import { sql, type Kysely } from 'kysely';
import { isPostgres, textType } from './dialect.js';

// Background jobs. `job` is the SQLite queue (pg-boss owns its own schema on PostgreSQL);
// `job_upload` holds uploaded import files on both databases, so any worker can read them;
// `trend_cache` keeps the statistics refresh results. Instants in `job` are ms numbers.
export async function up(db: Kysely<unknown>): Promise<void> {
  const text = textType(db);
  // `seq` orders the listing (newest first) exactly as jobs were enqueued, even within one millisecond.
  await db.schema
    .createTable('job')
    .addColumn('seq', isPostgres(db) ? 'serial' : 'integer', (c) => (isPostgres(db) ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('id', text, (c) => c.notNull().unique())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('state', text, (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('result', 'text')
    .addColumn('error', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('retry_limit', 'integer', (c) => c.notNull())
    .addColumn('retry_delay_seconds', 'double precision', (c) => c.notNull())
    .addColumn('retry_backoff', 'integer', (c) => c.notNull())
    .addColumn('expire_in_seconds', 'double precision', (c) => c.notNull())
    .addColumn('singleton_key', text)
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'double precision', (c) => c.notNull())
    .addColumn('start_after', 'double precision', (c) => c.notNull())
    .addColumn('started_at', 'double precision')
    .addColumn('completed_at', 'double precision')
    .addColumn('expire_at', 'double precision')
    .addColumn('claim', 'text')
    .execute();
  await db.schema.createIndex('job_claim_idx').on('job').columns(['state', 'start_after']).execute();
  // At most one pending job per (name, singleton key): many changes coalesce into one evaluation.
  await db.schema
    .createIndex('job_singleton_idx')
    .on('job')
    .columns(['name', 'singleton_key'])
    .unique()
    .where(sql<boolean>`state = 'created' and singleton_key is not null`)
    .execute();

  await db.schema
    .createTable('job_upload')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', isPostgres(db) ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('mapping_text', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('trend_cache')
    .addColumn('agreement_id', text, (c) => c.primaryKey())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addColumn('report', 'text')
    .addColumn('error', 'text')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('pactwatch migrations are forward-only');
}
