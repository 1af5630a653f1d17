import { useCallback, useMemo } from 'react';
import { useRouter } from './router.js';

export type QueryPatch = Readonly<Record<string, string | number | null | undefined | readonly string[]>>;

/**
 * The view's state lives in the query string, so a URL restores the whole view and back/forward
 * step through filter changes. `set` merges a patch (null/'' removes a key); filters usually reset
 * the cursor, which callers do by passing `cursor: null`.
 */
export function useQueryState(): { readonly params: URLSearchParams; get(key: string): string | undefined; getList(key: string): string[]; set(patch: QueryPatch, options?: { replace?: boolean }): void } {
  const { location, navigate } = useRouter();
  const params = useMemo(() => new URLSearchParams(location.search), [location.search]);
  const get = useCallback((key: string) => params.get(key) ?? undefined, [params]);
  const getList = useCallback(
    (key: string) =>
      (params.get(key) ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    [params],
  );
  const set = useCallback(
    (patch: QueryPatch, options: { replace?: boolean } = {}) => {
      const next = new URLSearchParams(location.search);
      for (const [key, value] of Object.entries(patch)) {
        if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) next.delete(key);
        else next.set(key, Array.isArray(value) ? value.join(',') : String(value));
      }
      next.sort();
      const search = next.toString();
      navigate(`${location.pathname}${search === '' ? '' : `?${search}`}`, options);
    },
    [location.pathname, location.search, navigate],
  );
  return { params, get, getList, set };
}
