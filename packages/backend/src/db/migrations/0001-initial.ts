import type { Kysely } from 'kysely';
import { isPostgres, textType } from './dialect.js';

// Types are chosen to mean the same on SQLite and PostgreSQL: text for strings and JSON,
// integer for small counts, double precision for instants in ms (float4 would lose precision).
// `text` is plain text on SQLite (the DDL is unchanged since release) and text collate "C" on
// PostgreSQL, so both order strings by code point (see db/dialect.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  const text = textType(db);
  const serial = isPostgres(db) ? 'serial' : 'integer';
  const autoId = <T extends { primaryKey(): T; autoIncrement(): T }>(col: T): T => (isPostgres(db) ? col.primaryKey() : col.primaryKey().autoIncrement());

  await db.schema
    .createTable('agreement')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('short_title', text)
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('signed', text, (c) => c.notNull())
    .addColumn('in_force', text)
    .addColumn('ended', text)
    .addColumn('effective_earliest', 'double precision', (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('summary', text, (c) => c.notNull())
    .addColumn('sources', text, (c) => c.notNull())
    .addColumn('provenance', text, (c) => c.notNull())
    .addColumn('disputes', text, (c) => c.notNull())
    .addColumn('origin', text, (c) => c.notNull())
    .addColumn('source_file', text)
    .addColumn('content_hash', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('agreement_party')
    .addColumn('agreement_id', text, (c) => c.notNull().references('agreement.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('state', text)
    .addColumn('group_id', text)
    .addPrimaryKeyConstraint('agreement_party_pk', ['agreement_id', 'position'])
    .execute();
  await db.schema.createIndex('agreement_party_state_idx').on('agreement_party').column('state').execute();

  await db.schema
    .createTable('commitment')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('agreement_id', text, (c) => c.notNull().references('agreement.id').onDelete('cascade'))
    .addColumn('local_id', text, (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('obligation', text, (c) => c.notNull())
    .addColumn('text', text, (c) => c.notNull())
    .addColumn('source', text, (c) => c.notNull())
    .addColumn('scope', text)
    .addColumn('expectation', text)
    .addColumn('disputes', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('commitment_agreement_idx').on('commitment').column('agreement_id').execute();

  await db.schema
    .createTable('incident')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('summary', text, (c) => c.notNull())
    .addColumn('period_start', text, (c) => c.notNull())
    .addColumn('period_end', text)
    .addColumn('start_earliest', 'double precision', (c) => c.notNull())
    .addColumn('end_latest', 'double precision')
    .addColumn('disclosed', text)
    .addColumn('activities', text, (c) => c.notNull())
    .addColumn('means', text, (c) => c.notNull())
    .addColumn('sources', text, (c) => c.notNull())
    .addColumn('provenance', text, (c) => c.notNull())
    .addColumn('disputes', text, (c) => c.notNull())
    .addColumn('origin', text, (c) => c.notNull())
    .addColumn('source_file', text)
    .addColumn('content_hash', text, (c) => c.notNull())
    .addColumn('evaluated_hash', text)
    .execute();
  await db.schema.createIndex('incident_start_idx').on('incident').column('start_earliest').execute();

  await db.schema
    .createTable('attribution')
    .addColumn('incident_id', text, (c) => c.notNull().references('incident.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('sponsor', text, (c) => c.notNull())
    .addColumn('actor_id', text)
    .addColumn('actor_name', text)
    .addColumn('relation', text, (c) => c.notNull())
    .addColumn('confidence', 'integer', (c) => c.notNull())
    .addColumn('basis', text, (c) => c.notNull())
    .addColumn('attributed_by', text, (c) => c.notNull())
    .addColumn('sources', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('attribution_pk', ['incident_id', 'position'])
    .execute();
  await db.schema.createIndex('attribution_sponsor_idx').on('attribution').column('sponsor').execute();

  await db.schema
    .createTable('victim')
    .addColumn('incident_id', text, (c) => c.notNull().references('incident.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('state', text, (c) => c.notNull())
    .addColumn('category', text)
    .addColumn('sector', text)
    .addColumn('entity', text)
    .addPrimaryKeyConstraint('victim_pk', ['incident_id', 'position'])
    .execute();
  await db.schema.createIndex('victim_state_idx').on('victim').column('state').execute();

  await db.schema
    .createTable('context_event')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('date', text, (c) => c.notNull())
    .addColumn('date_earliest', 'double precision', (c) => c.notNull())
    .addColumn('states', text, (c) => c.notNull())
    .addColumn('agreements', text, (c) => c.notNull())
    .addColumn('commitments', text, (c) => c.notNull())
    .addColumn('summary', text, (c) => c.notNull())
    .addColumn('sources', text, (c) => c.notNull())
    .addColumn('provenance', text, (c) => c.notNull())
    .addColumn('disputes', text, (c) => c.notNull())
    .addColumn('origin', text, (c) => c.notNull())
    .addColumn('source_file', text)
    .addColumn('content_hash', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('party_group')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('recorded_from', text)
    .addColumn('note', text)
    .addColumn('sources', text, (c) => c.notNull())
    .addColumn('origin', text, (c) => c.notNull())
    .addColumn('source_file', text)
    .addColumn('content_hash', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('group_member')
    .addColumn('group_id', text, (c) => c.notNull().references('party_group.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('state', text, (c) => c.notNull())
    .addColumn('member_from', text)
    .addColumn('member_to', text)
    .addPrimaryKeyConstraint('group_member_pk', ['group_id', 'position'])
    .execute();

  await db.schema
    .createTable('actor')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('aliases', text, (c) => c.notNull())
    .addColumn('sponsor', text)
    .addColumn('sponsor_confidence', 'integer')
    .addColumn('description', text)
    .addColumn('sources', text, (c) => c.notNull())
    .addColumn('origin', text, (c) => c.notNull())
    .addColumn('source_file', text)
    .addColumn('content_hash', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('finding')
    .addColumn('commitment_id', text, (c) => c.notNull().references('commitment.id').onDelete('cascade'))
    .addColumn('incident_id', text, (c) => c.notNull().references('incident.id').onDelete('cascade'))
    .addColumn('agreement_id', text, (c) => c.notNull())
    .addColumn('verdict', text, (c) => c.notNull())
    .addColumn('rule', text, (c) => c.notNull())
    .addColumn('summary', text, (c) => c.notNull())
    .addColumn('sponsor', text, (c) => c.notNull())
    .addColumn('victim', text, (c) => c.notNull())
    .addColumn('attribution_index', 'integer', (c) => c.notNull())
    .addColumn('checks', text, (c) => c.notNull())
    .addColumn('alternatives', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('finding_pk', ['commitment_id', 'incident_id'])
    .execute();
  await db.schema.createIndex('finding_incident_idx').on('finding').column('incident_id').execute();
  await db.schema.createIndex('finding_agreement_idx').on('finding').columns(['agreement_id', 'verdict']).execute();

  await db.schema
    .createTable('verdict_override')
    .addColumn('commitment_id', text, (c) => c.notNull())
    .addColumn('incident_id', text, (c) => c.notNull())
    .addColumn('verdict', text, (c) => c.notNull())
    .addColumn('note', text, (c) => c.notNull())
    .addColumn('author', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('verdict_override_pk', ['commitment_id', 'incident_id'])
    .execute();

  await db.schema
    .createTable('meta')
    .addColumn('key', text, (c) => c.primaryKey())
    .addColumn('value', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('import_batch')
    .addColumn('id', serial, autoId)
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('source', text, (c) => c.notNull())
    .addColumn('started_at', text, (c) => c.notNull())
    .addColumn('finished_at', text)
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('read', 'integer', (c) => c.notNull())
    .addColumn('stored', 'integer', (c) => c.notNull())
    .addColumn('updated', 'integer', (c) => c.notNull())
    .addColumn('unchanged', 'integer', (c) => c.notNull())
    .addColumn('removed', 'integer', (c) => c.notNull())
    .addColumn('quarantined', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('quarantine')
    .addColumn('id', serial, autoId)
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('import_batch.id').onDelete('cascade'))
    .addColumn('source_file', text, (c) => c.notNull())
    .addColumn('locator', text, (c) => c.notNull())
    .addColumn('record_kind', text, (c) => c.notNull())
    .addColumn('record_id', text)
    .addColumn('reason', text, (c) => c.notNull())
    .addColumn('raw', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  // Migrations are forward-only: a newer database is never rolled back by an older binary.
  throw new Error('pactwatch migrations are forward-only');
}
