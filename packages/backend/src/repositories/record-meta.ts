/** Bookkeeping stored with every curated or imported record. */
export interface RecordMeta {
  /** 'dataset' (curated YAML), 'import' or 'user'. */
  readonly origin: string;
  readonly sourceFile: string | null;
  readonly hash: string;
}

export interface StoredHash {
  readonly hash: string;
  readonly origin: string;
  readonly sourceFile: string | null;
}

/** SQLite caps bound parameters per statement; inserts are chunked well below the cap. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
