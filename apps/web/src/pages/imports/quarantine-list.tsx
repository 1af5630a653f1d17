import type { StoredQuarantineEntry } from '@pactwatch/domain';
import { Fragment, useState, type FormEvent } from 'react';
import type { Page } from '../../api/client.js';
import { useApi } from '../../api/use-api.js';
import { DataView } from '../../components/data-view.js';
import { Pager } from '../../components/pager.js';
import { Instant } from '../../components/ri-instant.js';
import { useQueryState } from '../../router/use-query-state.js';
import { TableHead } from './table-head.js';
import { useReloadOn } from './use-reload-on.js';

const PAGE_SIZE = 50;

/** The raw unit, indented when it is JSON (it always should be; shown as stored otherwise). */
function pretty(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw) as unknown, null, 2);
  } catch {
    return raw;
  }
}

/** One quarantined record as GET /api/v1/quarantine/:id returns it. */
function QuarantineRecord({ id }: { id: string }) {
  const entry = useApi<StoredQuarantineEntry>(`/api/v1/quarantine/${encodeURIComponent(id)}`);
  return (
    <DataView value={entry} what="the quarantined record">
      {(e) => (
        <div className="imports-record">
          <dl className="facts">
            <dt>File</dt>
            <dd>{e.sourceFile}</dd>
            <dt>Location</dt>
            <dd>{e.locator}</dd>
            <dt>Kind</dt>
            <dd>
              {e.recordKind}
              {e.recordId !== null ? (
                <>
                  {' '}
                  <code>{e.recordId}</code>
                </>
              ) : null}
            </dd>
            <dt>Reason</dt>
            <dd>{e.reason}</dd>
            <dt>Batch</dt>
            <dd>
              {e.batchId}, <Instant iso={e.createdAt} />
            </dd>
          </dl>
          <pre className="imports-raw" aria-label="The record as read">
            {pretty(e.raw)}
          </pre>
        </div>
      )}
    </DataView>
  );
}

/** What the latest loads kept aside, with where and why; `qfile`, `qcursor` and the open `record` live in the URL. */
export function QuarantineList({ refresh }: { refresh: number }) {
  const query = useQueryState();
  const file = query.get('qfile');
  const open = query.get('record');
  const [text, setText] = useState(file ?? '');
  const entries = useApi<Page<StoredQuarantineEntry>>('/api/v1/quarantine', { file, limit: PAGE_SIZE, cursor: query.get('qcursor') });
  useReloadOn(refresh, entries.reload);
  const filter = (event: FormEvent) => {
    event.preventDefault();
    query.set({ qfile: text.trim(), qcursor: null, record: null });
  };
  return (
    <>
      <form className="filters" onSubmit={filter} role="search" aria-label="Quarantine">
        <label>
          File name contains
          <input value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <button type="submit">Filter</button>
      </form>
      <DataView value={entries} what="the quarantine">
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">Nothing in quarantine{file !== undefined ? ` for files matching “${file}”` : ''}.</p>
          ) : (
            <>
              <div className="table-wrap">
                <table>
                  <TableHead columns={['File', 'Location', 'Kind', 'Reason']} hidden="Record" />
                  <tbody>
                    {page.items.map((e) => {
                      const expanded = open === String(e.id);
                      return (
                        <Fragment key={e.id}>
                          <tr>
                            <td>{e.sourceFile}</td>
                            <td>{e.locator}</td>
                            <td>{e.recordKind}</td>
                            <td>{e.reason}</td>
                            <td>
                              <button type="button" aria-expanded={expanded} aria-label={`${expanded ? 'Hide' : 'Show'} record ${e.locator} of ${e.sourceFile}`} onClick={() => query.set({ record: expanded ? null : String(e.id) }, { replace: true })}>
                                {expanded ? 'Hide' : 'Show'}
                              </button>
                            </td>
                          </tr>
                          {expanded ? (
                            <tr>
                              <td colSpan={5}>
                                <QuarantineRecord id={String(e.id)} />
                              </td>
                            </tr>
                          ) : null}
                        </Fragment>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              <Pager nextCursor={page.nextCursor} shown={page.items.length} param="qcursor" label="Quarantine pages" />
            </>
          )
        }
      </DataView>
    </>
  );
}
