import type { Source } from '@pactwatch/domain';

let nextKey = 1;
/** A stable React key for a row added in this session (rows have no id of their own). */
export function rowKey(): number {
  nextKey += 1;
  return nextKey;
}

/** Drops empty optional text so the record says "not given" rather than "". */
export function optional<K extends string>(key: K, value: string): Partial<Record<K, string>> {
  const trimmed = value.trim();
  return trimmed === '' ? {} : ({ [key]: trimmed } as Partial<Record<K, string>>);
}

export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((x, i) => (i === index ? item : x));
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

export interface SourceRow {
  readonly key: number;
  readonly publisher: string;
  readonly title: string;
  readonly date: string;
  readonly url: string;
  readonly quote: string;
  /** The stored source, so fields the form does not edit (quote status, note) survive an edit. */
  readonly base: Partial<Source>;
}

export function emptySource(): SourceRow {
  return { key: rowKey(), publisher: '', title: '', date: '', url: '', quote: '', base: {} };
}

export function sourceRow(source: Source): SourceRow {
  return { key: rowKey(), publisher: source.publisher, title: source.title, date: source.date ?? '', url: source.url ?? '', quote: source.quote ?? '', base: source };
}

export function sourceRecord(row: SourceRow): Record<string, unknown> {
  const { publisher: _p, title: _t, date: _d, url: _u, quote: _q, ...kept } = row.base;
  return { ...kept, publisher: row.publisher.trim(), title: row.title.trim(), ...optional('date', row.date), ...optional('url', row.url), ...optional('quote', row.quote) };
}
