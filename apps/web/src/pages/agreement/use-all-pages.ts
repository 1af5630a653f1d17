import { useEffect, useState } from 'react';
import { api, type Page, type Query } from '../../api/client.js';
import { ApiError } from '../../api/problem.js';
import type { Loadable } from '../../api/use-api.js';

/** Stops a runaway listing; 40 pages of 500 is far beyond one agreement's findings. */
const MAX_PAGES = 40;

/** Follows nextCursor through a keyset-paged list, 500 at a time, up to MAX_PAGES pages. */
export async function fetchAllPages<T>(path: string, query: Query, signal?: AbortSignal): Promise<{ items: T[]; truncated: boolean }> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer: { data: Page<T> } = await api.get<Page<T>>(path, { ...query, limit: 500, cursor }, signal);
    items.push(...answer.data.items);
    cursor = answer.data.nextCursor;
    if (cursor === null) break;
  }
  return { items, truncated: cursor !== null };
}

/**
 * Every item of a keyset-paged list (following nextCursor), for views that need the whole set at
 * once (grouping, gaps, a timeline). `truncated` says when MAX_PAGES stopped it.
 */
export function useAllPages<T>(path: string | null, query: Query = {}): Loadable<{ items: T[]; truncated: boolean }> & { reload: () => void } {
  const [result, setResult] = useState<Loadable<{ items: T[]; truncated: boolean }>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  const key = path === null ? null : `${path} ${JSON.stringify(query)}`;
  useEffect(() => {
    if (path === null) return undefined;
    const controller = new AbortController();
    setResult({ state: 'loading' });
    const run = async (): Promise<void> => {
      const data = await fetchAllPages<T>(path, query, controller.signal);
      if (!controller.signal.aborted) setResult({ state: 'ready', data, etag: null });
    };
    run().catch((error: unknown) => {
      if (controller.signal.aborted) return;
      setResult({ state: 'error', error: error instanceof ApiError ? error : new ApiError(0, 'CLIENT', error instanceof Error ? error.message : String(error)) });
    });
    return () => controller.abort();
    // `key` stands for path and query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, tick]);
  return { ...result, reload: () => setTick((t) => t + 1) };
}
