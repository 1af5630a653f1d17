import type { JobRecord } from '@pactwatch/domain';
import { useCallback } from 'react';
import { api, type Page } from '../../api/client.js';
import { useAction, useApi } from '../../api/use-api.js';
import { DataView, ErrorNotice } from '../../components/data-view.js';
import { Pager } from '../../components/pager.js';
import { Instant } from '../../components/ri-instant.js';
import { useQueryState } from '../../router/use-query-state.js';
import { jobFile } from './import-types.js';
import { TableHead } from './table-head.js';
import { useReloadOn } from './use-reload-on.js';

const PAGE_SIZE = 20;

function WatchButton({ job }: { job: JobRecord }) {
  const query = useQueryState();
  return (
    <button type="button" onClick={() => query.set({ job: job.id })} aria-label={`Watch job ${job.id}`}>
      Watch
    </button>
  );
}

/** Recent import jobs, newest first (`jcursor` pages them in the URL). `refresh` changes after a watched job ends. */
export function RecentImports({ refresh }: { refresh: number }) {
  const query = useQueryState();
  const jobs = useApi<Page<JobRecord>>('/api/v1/jobs', { name: 'import', limit: PAGE_SIZE, cursor: query.get('jcursor') });
  useReloadOn(refresh, jobs.reload);
  return (
    <DataView value={jobs} what="import jobs">
      {(page) =>
        page.items.length === 0 && query.get('jcursor') === undefined ? (
          <p className="muted">No imports yet.</p>
        ) : (
          <>
            <div className="table-wrap">
              <table>
                <TableHead columns={['Queued', 'File', 'Format', 'State', 'Attempts', 'By']} hidden="Actions" />
                <tbody>
                  {page.items.map((job) => (
                    <tr key={job.id}>
                      <td>
                        <Instant iso={job.createdAt} />
                      </td>
                      <td>{jobFile(job)}</td>
                      <td>{typeof job.payload['format'] === 'string' ? job.payload['format'] : '—'}</td>
                      <td>
                        <span className={`badge imports-state-${job.state}`}>{job.state}</span>
                        {job.error !== null ? <div className="muted">{job.error.message}</div> : null}
                      </td>
                      <td>{job.attempts}</td>
                      <td>{job.createdBy}</td>
                      <td>
                        <WatchButton job={job} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager nextCursor={page.nextCursor} shown={page.items.length} param="jcursor" label="Import job pages" />
          </>
        )
      }
    </DataView>
  );
}

/** Jobs that failed after all their retries, of any kind, with Retry (admins; the page shows it only to them). */
export function DeadLetters({ refresh, canRetry, onRetried }: { refresh: number; canRetry: boolean; onRetried: (job: JobRecord) => void }) {
  const query = useQueryState();
  const dead = useApi<Page<JobRecord>>('/api/v1/jobs/dead', { limit: PAGE_SIZE, cursor: query.get('dcursor') });
  useReloadOn(refresh, dead.reload);
  const send = useCallback(async (id: string) => (await api.post<JobRecord>(`/api/v1/jobs/${encodeURIComponent(id)}/retry`)).data, []);
  const retry = useAction(send);
  const run = async (id: string) => {
    const job = await retry.run(id);
    if (job !== undefined) onRetried(job);
  };
  return (
    <>
      {retry.error !== null ? <ErrorNotice error={retry.error} /> : null}
      <DataView value={dead} what="dead letters">
        {(page) =>
          page.items.length === 0 && query.get('dcursor') === undefined ? (
            <p className="muted">No dead letters: every job finished or is still being tried.</p>
          ) : (
            <>
              <div className="table-wrap">
                <table>
                  <TableHead columns={['Job', 'File', 'Error', 'Attempts', 'Failed']} hidden={canRetry ? 'Actions' : undefined} />
                  <tbody>
                    {page.items.map((job) => (
                      <tr key={job.id}>
                        <td>
                          {job.name} <code>{job.id}</code>
                        </td>
                        <td>{job.name === 'import' ? jobFile(job) : '—'}</td>
                        <td>{job.error !== null ? <>{job.error.message} <code>{job.error.code}</code></> : '—'}</td>
                        <td>{job.attempts}</td>
                        <td>
                          <Instant iso={job.completedAt} />
                        </td>
                        {canRetry ? (
                          <td>
                            <button type="button" disabled={retry.pending} onClick={() => void run(job.id)} aria-label={`Retry job ${job.id}`}>
                              Retry
                            </button>
                          </td>
                        ) : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager nextCursor={page.nextCursor} shown={page.items.length} param="dcursor" label="Dead letter pages" />
            </>
          )
        }
      </DataView>
    </>
  );
}
