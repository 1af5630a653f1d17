/** Where a feed's items come from: a fetched RSS 2.0 or Atom document, or a folder of saved pages. */
export const FEED_KINDS = ['rss', 'atom', 'folder'] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

/**
 * What became of an item, as data with a readable description (docs/FEEDS.md). Every item a feed
 * delivers ends in exactly one of these; none is dropped without a reason.
 */
export const ITEM_OUTCOMES = {
  proposed: 'at least one incident candidate was new and waits in the review queue as a draft',
  duplicate: 'every candidate matched a stored incident, a pending draft or another candidate (same sponsor, victim and period)',
  'no-candidate': 'the extractor found no incident in the text (no accused state, victim or operation)',
  'rejected-item': 'the item could not be used (no text, too large, or its candidate failed validation); the reason says which',
} as const;
export type ItemOutcome = keyof typeof ITEM_OUTCOMES;

export interface FeedError {
  readonly code: string;
  readonly message: string;
}

export interface FeedCounts {
  /** Items recorded (new items; repeats and already-known items are not counted again). */
  readonly seen: number;
  readonly proposed: number;
  readonly duplicate: number;
  readonly noCandidate: number;
  readonly rejected: number;
  readonly drafts: number;
}

/** A configured source with its validators, last poll and running totals. */
export interface FeedSource {
  readonly id: string;
  readonly name: string;
  readonly kind: FeedKind;
  /** URL, or absolute folder path. */
  readonly location: string;
  readonly enabled: boolean;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly lastPolledAt: string | null;
  readonly lastStatus: PollStatus | null;
  readonly lastError: FeedError | null;
  readonly counts: FeedCounts;
  readonly createdBy: string;
  readonly createdAt: string;
}

export type PollStatus = 'ok' | 'not-modified' | 'failed';

/** One item as a source delivers it, before extraction. */
export interface SourceItem {
  /** guid/id, else link, else `sha256:<content hash>`; folder files: `<relative path>#<content hash>`. */
  readonly key: string;
  readonly title: string;
  readonly link: string | undefined;
  /** ISO 8601 when the feed's date parsed, else the feed's text. */
  readonly published: string | undefined;
  /** Plain text of the body (HTML removed). */
  readonly text: string;
  readonly contentHash: string;
  /** Set when the item cannot be used at all (e.g. a folder file over the size cap). */
  readonly problem?: string | undefined;
}

export interface ItemReport {
  readonly key: string;
  readonly title: string;
  readonly outcome: ItemOutcome;
  readonly reason: string | null;
  readonly draftIds: readonly string[];
}

/**
 * One poll of one feed. `seen` = `known` + `repeated` + `new`, and `new` = `proposed` +
 * `duplicate` + `noCandidate` + `rejected`: every item is accounted for.
 */
export interface FeedPollReport {
  readonly feedId: string;
  readonly name: string;
  readonly location: string;
  readonly status: PollStatus;
  readonly error: FeedError | null;
  /** Items in the document or folder this time. */
  readonly seen: number;
  /** Recorded by an earlier poll, so not processed again. */
  readonly known: number;
  /** The same key again within this document (processed once). */
  readonly repeated: number;
  readonly new: number;
  readonly proposed: number;
  readonly duplicate: number;
  readonly noCandidate: number;
  readonly rejected: number;
  readonly drafts: number;
  readonly items: readonly ItemReport[];
  readonly startedAt: string;
  readonly finishedAt: string;
}

/** One round of `pactwatch watch`: polled here, or handed to workers as feed-poll jobs (PostgreSQL). */
export type WatchRound =
  | { readonly mode: 'polled'; readonly reports: readonly FeedPollReport[] }
  | { readonly mode: 'queued'; readonly jobs: ReadonlyArray<{ readonly feedId: string; readonly jobId: string; readonly state: string }> };
