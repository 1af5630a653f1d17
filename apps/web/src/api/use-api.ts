import { useCallback, useEffect, useState } from 'react';
import { api, type ApiResponse, type Query } from './client.js';
import { ApiError } from './problem.js';

export type Loadable<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly error: ApiError }
  | { readonly state: 'ready'; readonly data: T; readonly etag: string | null; readonly headers?: Headers | null };

function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'CLIENT', error instanceof Error ? error.message : String(error));
}

/**
 * GETs `path` with `query` whenever either changes (null path: nothing to load yet). Stale answers
 * of an earlier path are dropped (AbortController), so fast filter changes never show old data.
 */
export function useApi<T>(path: string | null, query: Query = {}): Loadable<T> & { reload: () => void } {
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  const key = path === null ? null : `${path} ${JSON.stringify(query)}`;
  useEffect(() => {
    if (path === null) return undefined;
    const controller = new AbortController();
    setResult({ state: 'loading' });
    api
      .get<T>(path, query, controller.signal)
      .then((response: ApiResponse<T>) => {
        if (!controller.signal.aborted) setResult({ state: 'ready', data: response.data, etag: response.etag, headers: response.headers ?? null });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setResult({ state: 'error', error: asApiError(error) });
      });
    return () => controller.abort();
    // `key` stands for path and query (a new query object each render must not refetch).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...result, reload };
}

/** Runs a write, tracking pending state and the error to show beside the form. */
export function useAction<A extends unknown[], R>(action: (...args: A) => Promise<R>): { run: (...args: A) => Promise<R | undefined>; pending: boolean; error: ApiError | null; clear: () => void } {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(
    async (...args: A): Promise<R | undefined> => {
      setPending(true);
      setError(null);
      try {
        return await action(...args);
      } catch (e) {
        setError(asApiError(e));
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [action],
  );
  return { run, pending, error, clear: () => setError(null) };
}
