import { type Kysely } from 'kysely';
import { isPostgres, textType } from './dialect.js';

// The feed watcher (issue 7): configured sources and every item they delivered, so each item is
// accounted for (proposed, duplicate, no candidate, rejected with its reason) and a re-poll never
// proposes it again. Instants are ISO text like the review queue they feed.
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = isPostgres(db);
  const text = textType(db);
  await db.schema
    .createTable('feed_source')
    // `seq` keeps feeds in the order they were added (listing and polling), even within one millisecond.
    .addColumn('seq', postgres ? 'bigserial' : 'integer', (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('id', text, (c) => c.notNull().unique())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('location', text, (c) => c.notNull().unique())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('last_polled_at', text)
    .addColumn('last_status', text)
    .addColumn('last_error_code', text)
    .addColumn('last_error', 'text')
    .addColumn('items_seen', 'integer', (c) => c.notNull())
    .addColumn('items_proposed', 'integer', (c) => c.notNull())
    .addColumn('items_duplicate', 'integer', (c) => c.notNull())
    .addColumn('items_no_candidate', 'integer', (c) => c.notNull())
    .addColumn('items_rejected', 'integer', (c) => c.notNull())
    .addColumn('drafts_made', 'integer', (c) => c.notNull())
    .addColumn('created_by', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('feed_item')
    .addColumn('seq', postgres ? 'bigserial' : 'integer', (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('feed_id', text, (c) => c.notNull())
    .addColumn('item_key', text, (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('link', 'text')
    .addColumn('published', text)
    .addColumn('fetched_at', text, (c) => c.notNull())
    .addColumn('content_hash', text, (c) => c.notNull())
    .addColumn('outcome', text, (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('drafts_made', 'integer', (c) => c.notNull())
    .addColumn('draft_ids', 'text', (c) => c.notNull())
    .execute();
  // One row per (feed, item): the re-poll check, and what keeps an item from being proposed twice.
  await db.schema.createIndex('feed_item_key_idx').on('feed_item').columns(['feed_id', 'item_key']).unique().execute();
  // Not tracked by the store revision (0006): no cached API read shows these tables, and every
  // poll writes them (last polled, ETag), which would empty the PostgreSQL response cache each
  // round. The drafts a poll proposes move the revision through incident_draft. A later cached
  // read of feeds would call trackRevision for them in its own migration.
}

export async function down(): Promise<void> {
  throw new Error('pactwatch migrations are forward-only');
}
