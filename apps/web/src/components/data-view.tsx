import type { ReactNode } from 'react';
import type { Loadable } from '../api/use-api.js';
import type { ApiError } from '../api/problem.js';

/** The message an API error shows: its text, its stable code, and the field problems. */
export function ErrorNotice({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  return (
    <div role="alert" className="notice notice-error">
      <p>
        <strong>{error.message}</strong> <code>{error.code}</code>
        {error.status > 0 ? <span className="muted"> (HTTP {error.status})</span> : null}
      </p>
      {error.problems.length > 0 ? (
        <ul>
          {error.problems.map((p) => (
            <li key={`${p.path}:${p.message}`}>
              {p.path !== '' ? <code>{p.path}</code> : null} {p.message}
            </li>
          ))}
        </ul>
      ) : null}
      {error.requestId !== null ? <p className="muted">Request id {error.requestId}</p> : null}
      {onRetry !== undefined ? (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p role="status" aria-live="polite" className="loading">
      Loading {what}…
    </p>
  );
}

/** Every data view: a loading state, the API's error (never a blank page), or the data. */
export function DataView<T>({ value, what, children }: { value: Loadable<T> & { reload?: () => void }; what: string; children: (data: T, etag: string | null, headers: Headers | null) => ReactNode }) {
  if (value.state === 'loading') return <Loading what={what} />;
  if (value.state === 'error') return <ErrorNotice error={value.error} {...(value.reload === undefined ? {} : { onRetry: value.reload })} />;
  return <>{children(value.data, value.etag, value.headers ?? null)}</>;
}
