import type { JobRecord } from '@pactwatch/domain';
import { useCallback, useState } from 'react';
import { Loading } from '../../components/data-view.js';
import { useQueryState } from '../../router/use-query-state.js';
import type { PageProps } from '../../routes.js';
import { useSession } from '../../session/session.js';
import { DeadLetters, RecentImports } from './job-tables.js';
import { JobWatch } from './job-watch.js';
import { QuarantineList } from './quarantine-list.js';
import { UploadForm } from './upload-form.js';
import './imports.css';

/**
 * Imports (admins): upload a file, watch its job until the reconciliation report, then the
 * quarantine, recent import jobs and dead letters. The watched job is `?job=` in the URL, so a
 * reload or a shared link resumes watching.
 */
export function ImportsPage(_props: PageProps) {
  const session = useSession();
  const query = useQueryState();
  const watched = query.get('job');
  // Bumped when a watched job ends or a retry is queued: the lists below reload.
  const [refresh, setRefresh] = useState(0);
  // Bumped to poll again a job that had ended (a retry keeps its id).
  const [restart, setRestart] = useState(0);
  const finished = useCallback(() => setRefresh((n) => n + 1), []);
  const { set } = query;
  const watch = useCallback(
    (job: JobRecord) => {
      setRestart((n) => n + 1);
      setRefresh((n) => n + 1);
      set({ job: job.id });
    },
    [set],
  );

  if (session.status === 'unknown') return <Loading what="your session" />;
  if (!session.can('admin')) {
    return (
      <section>
        <h1>Imports</h1>
        <p role="alert" className="notice notice-error">
          Imports are open to admins only.
        </p>
      </section>
    );
  }

  return (
    <section className="imports-page">
      <h1>Imports</h1>
      <p className="muted">
        Load an external dataset — a CSV or Excel table (with a mapping of its columns), a STIX 2.1 bundle, a MISP galaxy or a pactwatch JSON dataset. The
        file is checked record by record: what cannot be used is kept in quarantine with where and why, never dropped silently.
      </p>
      <section aria-labelledby="imports-upload">
        <h2 id="imports-upload">Upload a file</h2>
        <UploadForm onQueued={watch} />
      </section>
      {watched !== undefined ? <JobWatch id={watched} restart={restart} onFinished={finished} onClose={() => set({ job: null })} /> : null}
      <section aria-labelledby="imports-recent">
        <h2 id="imports-recent">Recent imports</h2>
        <RecentImports refresh={refresh} />
      </section>
      <section aria-labelledby="imports-dead">
        <h2 id="imports-dead">Dead letters</h2>
        <DeadLetters refresh={refresh} canRetry={session.can('admin')} onRetried={watch} />
      </section>
      <section aria-labelledby="imports-quarantine">
        <h2 id="imports-quarantine">Quarantine</h2>
        <QuarantineList refresh={refresh} />
      </section>
    </section>
  );
}
