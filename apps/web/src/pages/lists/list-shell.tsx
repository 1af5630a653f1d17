import type { ReactNode } from 'react';
import type { Page } from '../../api/client.js';
import type { Loadable } from '../../api/use-api.js';
import { DataView } from '../../components/data-view.js';
import { Pager } from '../../components/pager.js';
import { Link } from '../../router/router.js';
import './lists.css';

/**
 * The frame both lists share: heading with the role-gated "New …" link, filters, exports, then the
 * table of the current page (or loading / the API's error / "nothing matches") and the pager.
 */
export function ListShell<T>({ title, newLink, filters, exports, list, head, row }: { title: string; newLink: { to: string; label: string } | null; filters: ReactNode; exports: ReactNode; list: Loadable<Page<T>> & { reload: () => void }; head: ReactNode; row: (item: T) => ReactNode }) {
  const what = title.toLowerCase();
  return (
    <section>
      <div className="list-head">
        <h1>{title}</h1>
        {newLink !== null ? (
          <Link to={newLink.to} className="button primary">
            {newLink.label}
          </Link>
        ) : null}
      </div>
      {filters}
      {exports}
      <DataView value={list} what={what}>
        {(page) =>
          page.items.length === 0 ? (
            <p className="notice">No {what} match these filters.</p>
          ) : (
            <>
              <div className="table-wrap">
                <table className="list-table">
                  <caption className="sr-only">{title}</caption>
                  <thead>
                    <tr>{head}</tr>
                  </thead>
                  <tbody>{page.items.map(row)}</tbody>
                </table>
              </div>
              <Pager nextCursor={page.nextCursor} shown={page.items.length} />
            </>
          )
        }
      </DataView>
    </section>
  );
}
