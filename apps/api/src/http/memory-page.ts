import { decodeCursor, encodeCursor } from './cursor.js';

export interface PageOut<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/**
 * Keyset paging over a small collection already in memory (agreements, groups, actors, context
 * events: hundreds to a few thousand): the same cursor contract as the database-backed lists.
 * `sort` is a field name, with a leading "-" for descending; ties break on id.
 */
export function pageInMemory<T extends { id: string }>(
  all: readonly T[],
  sort: string,
  sortValue: (item: T, field: string) => string,
  cursor: string | undefined,
  limit: number,
): PageOut<T> {
  const descending = sort.startsWith('-');
  const field = descending ? sort.slice(1) : sort;
  const keyOf = (item: T): [string, string] => [sortValue(item, field), item.id];
  const compare = (a: readonly [string, string], b: readonly [string, string]): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
  const sorted = [...all].sort((a, b) => (descending ? -1 : 1) * compare(keyOf(a), keyOf(b)));
  const after = decodeCursor(cursor, sort, ['string', 'string']) as [string, string] | undefined;
  const rest = after === undefined ? sorted : sorted.filter((item) => (descending ? -1 : 1) * compare(keyOf(item), after) > 0);
  const items = rest.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rest.length > limit && last !== undefined ? encodeCursor(sort, keyOf(last)) : null };
}
