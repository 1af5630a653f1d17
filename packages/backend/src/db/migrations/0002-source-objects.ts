import type { Kysely } from 'kysely';
import { textType } from './dialect.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const text = textType(db);
  await db.schema
    .createTable('source_object')
    .addColumn('dataset', text, (c) => c.notNull())
    .addColumn('object_id', text, (c) => c.notNull())
    .addColumn('object_type', text, (c) => c.notNull())
    .addColumn('raw', text, (c) => c.notNull())
    .addColumn('content_hash', text, (c) => c.notNull())
    .addColumn('batch_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('source_object_pk', ['dataset', 'object_id'])
    .execute();
  await db.schema.createIndex('source_object_type_idx').on('source_object').columns(['dataset', 'object_type']).execute();
}

export async function down(): Promise<void> {
  throw new Error('pactwatch migrations are forward-only');
}
