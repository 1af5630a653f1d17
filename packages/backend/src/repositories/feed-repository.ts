import type { Incident } from '@pactwatch/domain';
import type { Selectable } from 'kysely';
import type { Db } from '../db/connection.js';
import type { FeedItemTable } from '../db/schema/feed-item.js';
import type { FeedSourceTable } from '../db/schema/feed-source.js';
import type { FeedKind, FeedSource, ItemOutcome, PollStatus } from '../feeds/feed-types.js';
import { readJson, writeJson } from '../util/json-column.js';
import { chunk } from './record-meta.js';

function toSource(row: Selectable<FeedSourceTable>): FeedSource {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as FeedKind,
    location: row.location,
    enabled: Number(row.enabled) === 1,
    etag: row.etag,
    lastModified: row.last_modified,
    lastPolledAt: row.last_polled_at,
    lastStatus: row.last_status as PollStatus | null,
    lastError: row.last_error_code === null ? null : { code: row.last_error_code, message: row.last_error ?? '' },
    counts: {
      seen: Number(row.items_seen),
      proposed: Number(row.items_proposed),
      duplicate: Number(row.items_duplicate),
      noCandidate: Number(row.items_no_candidate),
      rejected: Number(row.items_rejected),
      drafts: Number(row.drafts_made),
    },
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

export interface StoredFeedItem {
  readonly feedId: string;
  readonly key: string;
  readonly title: string | null;
  readonly link: string | null;
  readonly published: string | null;
  readonly fetchedAt: string;
  readonly contentHash: string;
  readonly outcome: ItemOutcome;
  readonly reason: string | null;
  readonly draftIds: readonly string[];
}

/** What one poll changes on its source: validators, status and the totals to add. */
export interface PollRecord {
  readonly polledAt: string;
  readonly status: PollStatus;
  readonly error: { readonly code: string; readonly message: string } | null;
  /** Replaced only on a fetch that returned them (kept on 304 and on failures). */
  readonly validators?: { readonly etag: string | null; readonly lastModified: string | null } | undefined;
  readonly added: { readonly seen: number; readonly proposed: number; readonly duplicate: number; readonly noCandidate: number; readonly rejected: number; readonly drafts: number };
}

/** A pending draft's proposed record with its queue position (feed de-duplication). */
export interface PendingDraftRecord {
  readonly seq: number;
  readonly draftId: string;
  readonly record: Incident;
}

/** All SQL on feed sources and the items they delivered. */
export class FeedRepository {
  constructor(private readonly db: Db) {}

  async insertSource(source: FeedSource): Promise<void> {
    await this.db
      .insertInto('feed_source')
      .values({
        id: source.id,
        name: source.name,
        kind: source.kind,
        location: source.location,
        enabled: source.enabled ? 1 : 0,
        etag: source.etag,
        last_modified: source.lastModified,
        last_polled_at: source.lastPolledAt,
        last_status: source.lastStatus,
        last_error_code: source.lastError?.code ?? null,
        last_error: source.lastError?.message ?? null,
        items_seen: source.counts.seen,
        items_proposed: source.counts.proposed,
        items_duplicate: source.counts.duplicate,
        items_no_candidate: source.counts.noCandidate,
        items_rejected: source.counts.rejected,
        drafts_made: source.counts.drafts,
        created_by: source.createdBy,
        created_at: source.createdAt,
      })
      .execute();
  }

  async list(): Promise<FeedSource[]> {
    const rows = await this.db.selectFrom('feed_source').selectAll().orderBy('seq').execute();
    return rows.map(toSource);
  }

  async get(id: string): Promise<FeedSource | undefined> {
    const row = await this.db.selectFrom('feed_source').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toSource(row);
  }

  async byLocation(location: string): Promise<FeedSource | undefined> {
    const row = await this.db.selectFrom('feed_source').selectAll().where('location', '=', location).executeTakeFirst();
    return row === undefined ? undefined : toSource(row);
  }

  /** Removes the source and its item records (the drafts it queued stay in the review queue). */
  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('feed_item').where('feed_id', '=', id).execute();
    await this.db.deleteFrom('feed_source').where('id', '=', id).execute();
  }

  async recordPoll(id: string, poll: PollRecord): Promise<void> {
    const { added } = poll;
    await this.db
      .updateTable('feed_source')
      .set((eb) => ({
        last_polled_at: poll.polledAt,
        last_status: poll.status,
        last_error_code: poll.error?.code ?? null,
        last_error: poll.error?.message ?? null,
        ...(poll.validators === undefined ? {} : { etag: poll.validators.etag, last_modified: poll.validators.lastModified }),
        items_seen: eb('items_seen', '+', added.seen),
        items_proposed: eb('items_proposed', '+', added.proposed),
        items_duplicate: eb('items_duplicate', '+', added.duplicate),
        items_no_candidate: eb('items_no_candidate', '+', added.noCandidate),
        items_rejected: eb('items_rejected', '+', added.rejected),
        drafts_made: eb('drafts_made', '+', added.drafts),
      }))
      .where('id', '=', id)
      .execute();
  }

  /** Which of these item keys this feed has already recorded. */
  async knownKeys(feedId: string, keys: readonly string[]): Promise<Set<string>> {
    const known = new Set<string>();
    for (const part of chunk([...keys], 500)) {
      if (part.length === 0) continue;
      const rows = await this.db.selectFrom('feed_item').select('item_key').where('feed_id', '=', feedId).where('item_key', 'in', part).execute();
      for (const row of rows) known.add(row.item_key);
    }
    return known;
  }

  async insertItem(item: StoredFeedItem): Promise<void> {
    await this.db
      .insertInto('feed_item')
      .values({
        feed_id: item.feedId,
        item_key: item.key,
        title: item.title,
        link: item.link,
        published: item.published,
        fetched_at: item.fetchedAt,
        content_hash: item.contentHash,
        outcome: item.outcome,
        reason: item.reason,
        drafts_made: item.draftIds.length,
        draft_ids: writeJson(item.draftIds),
      })
      .execute();
  }

  /** A feed's recorded items, newest first. */
  async items(feedId: string, limit: number): Promise<StoredFeedItem[]> {
    const rows = await this.db.selectFrom('feed_item').selectAll().where('feed_id', '=', feedId).orderBy('seq', 'desc').limit(limit).execute();
    return rows.map((row: Selectable<FeedItemTable>) => ({
      feedId: row.feed_id,
      key: row.item_key,
      title: row.title,
      link: row.link,
      published: row.published,
      fetchedAt: row.fetched_at,
      contentHash: row.content_hash,
      outcome: row.outcome as ItemOutcome,
      reason: row.reason,
      draftIds: readJson<string[]>(row.draft_ids) ?? [],
    }));
  }

  /** Pending drafts queued after position `afterSeq` (all of them from 0): what a new candidate may duplicate. */
  async pendingDraftRecords(afterSeq: number): Promise<PendingDraftRecord[]> {
    const rows = await this.db.selectFrom('incident_draft').select(['seq', 'id', 'record']).where('state', '=', 'pending').where('seq', '>', afterSeq).orderBy('seq').execute();
    // Written by DraftRepository from records the draft service validated.
    return rows.map((row) => ({ seq: Number(row.seq), draftId: row.id, record: readJson<Incident>(row.record) as Incident }));
  }
}
