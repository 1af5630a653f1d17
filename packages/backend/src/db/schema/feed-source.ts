import type { Generated } from 'kysely';

/** A configured news source the watcher polls (migration 0009). */
export interface FeedSourceTable {
  /** Order of addition: feeds are listed and polled in it. */
  seq: Generated<number>;
  id: string;
  name: string;
  /** rss | atom | folder (rss and atom are detected from the document when added as a URL). */
  kind: string;
  /** The feed's URL, or the absolute path of a folder of saved pages and text files. */
  location: string;
  /** 1 polled, 0 kept but skipped. */
  enabled: number;
  /** Validators of the last successful fetch, sent back as If-None-Match / If-Modified-Since. */
  etag: string | null;
  last_modified: string | null;
  last_polled_at: string | null;
  /** ok | not-modified | failed */
  last_status: string | null;
  /** The catalogue code and message of the last failure (null after a success). */
  last_error_code: string | null;
  last_error: string | null;
  /** Running totals over every poll: items recorded and what became of them. */
  items_seen: number;
  items_proposed: number;
  items_duplicate: number;
  items_no_candidate: number;
  items_rejected: number;
  drafts_made: number;
  created_by: string;
  created_at: string;
}
