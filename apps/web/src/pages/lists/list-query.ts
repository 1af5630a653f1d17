import type { Query } from '../../api/client.js';
import { withQuery } from '../../api/client.js';

/**
 * The lists keep every filter, the sort and the cursor in the query string; these pure helpers
 * turn the URL into the API's query, and a column click into the next sort, so both are tested
 * without rendering.
 */

/** Incident filters the list, the API and the export share (same names everywhere). */
export const INCIDENT_FILTERS = ['q', 'party', 'sponsor', 'victim', 'from', 'to', 'activity', 'agreement', 'verdict', 'minConfidence'] as const;
export const AGREEMENT_FILTERS = ['q', 'party', 'from', 'to'] as const;

export const PAGE_SIZE = 50;

/** The API query for a list: the named filters present in the URL, the sort, the cursor and the page size. */
export function listApiQuery(params: URLSearchParams, filters: readonly string[]): Query {
  const query: Record<string, string | number> = {};
  for (const key of filters) {
    const value = params.get(key)?.trim();
    if (value !== undefined && value !== '') query[key] = value;
  }
  const sort = params.get('sort');
  if (sort !== null && sort !== '') query['sort'] = sort;
  const cursor = params.get('cursor');
  if (cursor !== null && cursor !== '') query['cursor'] = cursor;
  query['limit'] = PAGE_SIZE;
  return query;
}

/** Only the filters (no sort, cursor or limit): what an export of the current selection takes. */
export function filterQuery(params: URLSearchParams, filters: readonly string[]): Query {
  const { sort: _sort, cursor: _cursor, limit: _limit, ...rest } = listApiQuery(params, filters);
  return rest;
}

export type AriaSort = 'ascending' | 'descending' | 'none';

/** How a column shows its sort: `sort` is the URL's value (`field` or `-field`), absent = the default. */
export function ariaSortOf(sort: string | undefined, field: string, defaultSort: string): AriaSort {
  const current = sort === undefined || sort === '' ? defaultSort : sort;
  if (current === field) return 'ascending';
  if (current === `-${field}`) return 'descending';
  return 'none';
}

/**
 * The sort after clicking a column: ascending first, then it flips. The default sort is written
 * as absent so the plain list URL stays short.
 */
export function nextSort(sort: string | undefined, field: string, defaultSort: string): string | null {
  const next = ariaSortOf(sort, field, defaultSort) === 'ascending' ? `-${field}` : field;
  return next === defaultSort ? null : next;
}

export const EXPORT_FORMATS = [
  { format: 'csv', label: 'CSV', description: 'incidents as a spreadsheet' },
  { format: 'stix', label: 'STIX 2.1', description: 'a STIX bundle' },
  { format: 'json', label: 'JSON (native)', description: 'the lossless pactwatch dataset' },
] as const;

/** The download URL of an export with the list's filters (same origin, so the session cookie goes along). */
export function exportHref(format: string, filters: Query): string {
  return withQuery(`/api/v1/exports/${encodeURIComponent(format)}`, filters);
}
