import { type Kysely } from 'kysely';
import { isPostgres, textType } from './dialect.js';

// Alerts: rules (what to watch, where to send it) and deliveries (one row per rule × subject).
// The unique (rule_id, subject_key) index is what makes "new" idempotent: a scan inserts a
// subject at most once per rule, however often it runs, from however many processes.
// Neither table is revision-tracked (migration 0006): no cached API read shows them, and the
// delivery loop's bookkeeping must not invalidate every cached scorecard (as for jobs).
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = isPostgres(db);
  const text = textType(db);
  await db.schema
    .createTable('alert_rule')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('channel', text, (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('webhook_secret', 'text')
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('alert_delivery')
    .addColumn('seq', postgres ? 'bigserial' : 'integer', (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('id', text, (c) => c.notNull().unique())
    .addColumn('rule_id', text, (c) => c.notNull().references('alert_rule.id').onDelete('cascade'))
    .addColumn('subject_key', text, (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'double precision')
    .addColumn('last_error', 'text')
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('sent_at', text)
    .execute();
  await db.schema.createIndex('alert_delivery_subject_idx').on('alert_delivery').columns(['rule_id', 'subject_key']).unique().execute();
  // The delivery loop reads due rows by status and time.
  await db.schema.createIndex('alert_delivery_due_idx').on('alert_delivery').columns(['status', 'next_attempt_at']).execute();
  // A scan runs after every incident edit and asks which breach/possible-breach findings are not
  // yet stored for a rule. This index answers that from the index alone (verdict range, optional
  // agreement and commitment, the incident id for the subject key), instead of reading every
  // finding row with its JSON traces: ~100 ms → a few ms per edit at 67k findings (BENCHMARKS.md).
  await db.schema.createIndex('finding_alert_idx').on('finding').columns(['verdict', 'agreement_id', 'commitment_id', 'incident_id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('pactwatch migrations are forward-only');
}
