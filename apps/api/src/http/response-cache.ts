import { bodyEtag } from './etag.js';

interface Entry {
  readonly revision: string;
  readonly body: string;
  readonly etag: string;
}

/**
 * Serialized GET responses keyed by URL, valid while the store revision is unchanged. Reads
 * dominate a shared pactwatch (scorecards, findings pages); recomputing them per request would
 * redo the same SQL and JSON work hundreds of times a second. Bounded by entries and bytes, least
 * recently used out first. Only routes whose answer is the same for every allowed caller use it.
 */
export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(
    private readonly maxEntries = 2_000,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  get(key: string, revision: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    if (entry.revision !== revision) {
      this.bytes -= entry.body.length;
      return undefined;
    }
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, revision: string, body: string): Entry {
    const entry: Entry = { revision, body, etag: bodyEtag(body) };
    if (this.maxEntries === 0 || body.length > this.maxBytes / 8) return entry;
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.entries.delete(key);
      this.bytes -= old.body.length;
    }
    this.entries.set(key, entry);
    this.bytes += body.length;
    for (const [k, e] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.body.length;
    }
    return entry;
  }

  get size(): number {
    return this.entries.size;
  }
}
