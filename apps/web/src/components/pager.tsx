import { useQueryState } from '../router/use-query-state.js';

/**
 * Keyset pagination in the URL: `cursor` is the page's position. "First page" clears it; "Next"
 * sets the server's nextCursor; the browser's back button returns to the previous page.
 */
export function Pager({ nextCursor, shown, param = 'cursor', label = 'Pages' }: { nextCursor: string | null; shown: number; param?: string; label?: string }) {
  const query = useQueryState();
  const atStart = query.get(param) === undefined;
  return (
    // `param` and `label` let one page hold several lists, each paged by its own query key.
    <nav className="pager" aria-label={label}>
      <button type="button" disabled={atStart} onClick={() => query.set({ [param]: null })}>
        First page
      </button>
      <span className="muted">{shown} shown</span>
      <button type="button" disabled={nextCursor === null} onClick={() => query.set({ [param]: nextCursor })}>
        Next page
      </button>
    </nav>
  );
}
