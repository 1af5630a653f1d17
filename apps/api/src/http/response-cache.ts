import { gzipSync } from 'node:zlib';
import { bodyEtag } from './etag.js';

/**
 * One cached answer. The body is kept encoded (UTF-8 bytes), so a hit writes bytes instead of
 * re-encoding a string that can run to megabytes (a scorecard of a large agreement lists
 * thousands of incident ids); its gzip form is made on the first request that accepts it.
 */
export class CacheEntry {
  readonly bytes: Buffer;
  readonly etag: string;
  private gzipped: Buffer | undefined;

  constructor(
    readonly revision: string,
    body: string,
  ) {
    this.bytes = Buffer.from(body, 'utf8');
    this.etag = bodyEtag(body);
  }

  /** gzip level 6 once per entry: a few ms for a megabyte, then free for every later request. */
  gzip(): Buffer {
    this.gzipped ??= gzipSync(this.bytes, { level: 6 });
    return this.gzipped;
  }

  /** What the cache counts for it: the body and room for its gzip form (never larger than the body). */
  get footprint(): number {
    return this.bytes.length * 2;
  }
}

/**
 * Serialized GET responses keyed by URL, valid while the store revision is unchanged. Reads
 * dominate a shared pactwatch (scorecards, findings pages); recomputing them per request would
 * redo the same SQL and JSON work hundreds of times a second. Bounded by entries and bytes, least
 * recently used out first. Only routes whose answer is the same for every allowed caller use it.
 */
export class ResponseCache {
  private readonly entries = new Map<string, CacheEntry>();
  private bytes = 0;

  constructor(
    private readonly maxEntries = 2_000,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  get(key: string, revision: string): CacheEntry | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    if (entry.revision !== revision) {
      this.bytes -= entry.footprint;
      return undefined;
    }
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, revision: string, body: string): CacheEntry {
    const entry = new CacheEntry(revision, body);
    if (this.maxEntries === 0 || entry.bytes.length > this.maxBytes / 8) return entry;
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.entries.delete(key);
      this.bytes -= old.footprint;
    }
    this.entries.set(key, entry);
    this.bytes += entry.footprint;
    for (const [k, e] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.footprint;
    }
    return entry;
  }

  get size(): number {
    return this.entries.size;
  }

  /** A cache of size 0 (`responseCache: false`) keeps nothing and shares nothing: every read computes. */
  get enabled(): boolean {
    return this.maxEntries > 0;
  }
}
