import { useQueryState } from '../router/use-query-state.js';

/**
 * Keyset pagination in the URL: `cursor` is the page's position. "First page" clears it; "Next"
 * sets the server's nextCursor; the browser's back button returns to the previous page.
 */
export function Pager({ nextCursor, shown }: { nextCursor: string | null; shown: number }) {
  const query = useQueryState();
  const atStart = query.get('cursor') === undefined;
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" disabled={atStart} onClick={() => query.set({ cursor: null })}>
        First page
      </button>
      <span className="muted">{shown} shown</span>
      <button type="button" disabled={nextCursor === null} onClick={() => query.set({ cursor: nextCursor })}>
        Next page
      </button>
    </nav>
  );
}
