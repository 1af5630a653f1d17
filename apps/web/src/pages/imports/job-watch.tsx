import type { JobRecord, JobState } from '@pactwatch/domain';
import { useCallback, useEffect, useRef } from 'react';
import { api } from '../../api/client.js';
import { useAction } from '../../api/use-api.js';
import { ErrorNotice, Loading } from '../../components/data-view.js';
import { Instant } from '../../components/ri-instant.js';
import { ImportReportView } from './import-report.js';
import { isImportReport, jobFile } from './import-types.js';
import { useJobPoll } from './use-job-poll.js';

const STATE_TEXT: Readonly<Record<JobState, string>> = {
  created: 'waiting for a worker',
  active: 'running',
  retry: 'failed an attempt, waiting to retry',
  completed: 'finished; the report follows',
  failed: 'failed after all retries',
  cancelled: 'cancelled',
};

function JobFacts({ job, polling }: { job: JobRecord; polling: boolean }) {
  return (
    <>
      <p role="status" aria-live="polite" className={`notice imports-state imports-state-${job.state}`}>
        <strong>{job.state}</strong> — {STATE_TEXT[job.state]}
        {polling ? <span className="muted"> (checking every second…)</span> : null}
      </p>
      <dl className="facts">
        <dt>File</dt>
        <dd>{jobFile(job)}</dd>
        <dt>Attempts</dt>
        <dd>
          {job.attempts} of {job.retryLimit + 1}
        </dd>
        <dt>Queued</dt>
        <dd>
          <Instant iso={job.createdAt} /> by {job.createdBy}
        </dd>
        <dt>Started</dt>
        <dd>
          <Instant iso={job.startedAt} />
        </dd>
        <dt>Finished</dt>
        <dd>
          <Instant iso={job.completedAt} />
        </dd>
      </dl>
      {job.error !== null ? (
        <div role="alert" className="notice notice-error">
          <p>
            {job.state === 'failed' ? 'The import failed' : 'The last attempt failed'}: <strong>{job.error.message}</strong> <code>{job.error.code}</code>
          </p>
        </div>
      ) : null}
    </>
  );
}

/** A job no worker has taken yet (waiting, or between retries) can still be called off. */
function CancelJob({ id }: { id: string }) {
  const send = useCallback(async () => (await api.post<JobRecord>(`/api/v1/jobs/${encodeURIComponent(id)}/cancel`)).data, [id]);
  const cancel = useAction(send);
  return (
    <div className="form-actions">
      <button type="button" className="danger" disabled={cancel.pending} onClick={() => void cancel.run()}>
        Cancel this job
      </button>
      {cancel.error !== null ? <ErrorNotice error={cancel.error} /> : null}
    </div>
  );
}

/**
 * Watches one job until it ends (the id is in the URL, so a reload resumes watching), then shows
 * its reconciliation report. `onFinished` lets the page refresh its job and quarantine lists.
 */
export function JobWatch({ id, restart, intervalMs, onFinished, onClose }: { id: string; restart: number; intervalMs?: number; onFinished: () => void; onClose: () => void }) {
  const poll = useJobPoll(id, intervalMs, restart);
  const run = `${id} ${restart}`;
  // Only this run's answer counts: right after a retry (same id) the previous result is still held.
  const finished = poll.run === run && poll.job !== null && !poll.polling;
  const told = useRef<string | null>(null);
  useEffect(() => {
    // Once per finished run, not per render: the lists below then show its rows.
    if (finished && told.current !== run) {
      told.current = run;
      onFinished();
    }
  }, [finished, run, onFinished]);

  return (
    <section className="card imports-watch" aria-labelledby="imports-watch-heading">
      <h2 id="imports-watch-heading">
        Job <code>{id}</code>
      </h2>
      {poll.job === null && poll.error === null ? <Loading what="the job" /> : null}
      {poll.error !== null ? <ErrorNotice error={poll.error} /> : null}
      {poll.job !== null ? <JobFacts job={poll.job} polling={poll.polling} /> : null}
      {/* Polling goes on, so the page shows "cancelled" (or the 409 if a worker took it first). */}
      {poll.job?.state === 'created' || poll.job?.state === 'retry' ? <CancelJob id={id} /> : null}
      {poll.job?.state === 'completed' && isImportReport(poll.job.result) ? <ImportReportView report={poll.job.result} /> : null}
      {poll.job?.state === 'completed' && !isImportReport(poll.job.result) ? (
        <details>
          <summary>Result</summary>
          <pre className="imports-raw">{JSON.stringify(poll.job.result, null, 2)}</pre>
        </details>
      ) : null}
      <button type="button" onClick={onClose}>
        Stop watching
      </button>
    </section>
  );
}
