import type { Generated } from 'kysely';

/** One item a feed delivered, recorded once, with what became of it (migration 0009). */
export interface FeedItemTable {
  seq: Generated<number>;
  feed_id: string;
  /** guid/id, else link, else a content hash; a folder file's relative path + content hash. */
  item_key: string;
  title: string | null;
  link: string | null;
  /** As the feed gave it (ISO text when it parsed as a date). */
  published: string | null;
  fetched_at: string;
  content_hash: string;
  /** proposed | duplicate | no-candidate | rejected-item */
  outcome: string;
  /** Why: what it duplicates, why it was rejected, or why nothing was found. */
  reason: string | null;
  drafts_made: number;
  /** JSON array of the draft ids this item queued. */
  draft_ids: string;
}
