import { Link } from '../../router/router.js';
import { TableHead } from './table-head.js';
import type { StoredImportReport } from './import-types.js';

/** The reconciliation line: every unit read is accounted for, and a mismatch is said out loud. */
function Reconciliation({ report }: { report: StoredImportReport }) {
  const parts = [
    ['stored', report.stored],
    ['updated', report.updated],
    ['unchanged', report.unchanged],
    ['quarantined', report.quarantined],
    // Reports of imports without drafts (and of older versions) have no such counts to show.
    ...(report.asDrafts === true
      ? ([
          ['drafted', report.drafted ?? 0],
          ['already drafted', report.alreadyDrafted ?? 0],
        ] as const)
      : []),
  ] as const;
  const sum = parts.reduce((total, [, n]) => total + n, 0);
  return (
    <>
      <div className="table-wrap">
        <table className="imports-counts">
          <caption className="sr-only">Reconciliation of the units read</caption>
          <thead>
            <tr>
              <th scope="col">Read</th>
              {parts.map(([label]) => (
                <th key={label} scope="col">
                  {label[0]?.toUpperCase()}
                  {label.slice(1)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>{report.read}</td>
              {parts.map(([label, n]) => (
                <td key={label}>{n}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <p>
        read {report.read} = {parts.map(([label, n]) => `${n} ${label}`).join(' + ')}
        {sum === report.read ? ' ✓' : null}
      </p>
      {sum !== report.read ? (
        <p role="alert" className="notice notice-error">
          The counts do not add up: {sum} accounted for, {report.read} read.
        </p>
      ) : null}
    </>
  );
}

/** Where the proposed incidents wait: the review queue filtered to this import's origin. */
function DraftsNote({ report }: { report: StoredImportReport }) {
  if (report.asDrafts !== true) return null;
  const drafted = report.drafted ?? 0;
  const origin = report.draftOrigin ?? `import:${report.dataset}`;
  const verb = report.dryRun ? 'would be proposed' : 'proposed';
  return (
    <p className="notice">
      {drafted} {drafted === 1 ? 'record' : 'records'} {verb} for review
      {report.alreadyDrafted !== undefined && report.alreadyDrafted > 0 ? `, ${report.alreadyDrafted} already in the queue` : ''}.{' '}
      <Link to={`/review?origin=${encodeURIComponent(origin)}`}>Open the review queue for {origin}</Link>
    </p>
  );
}

function Problems({ report }: { report: StoredImportReport }) {
  if (report.problems.length === 0) return <p className="muted">No problems: nothing was quarantined.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="sr-only">Problems found in the file</caption>
        <TableHead columns={['Where', 'Reason']} />
        <tbody>
          {report.problems.map((p, i) => (
            <tr key={`${p.path ?? ''}-${i}`}>
              <td>
                {p.path !== undefined ? <code>{p.path}</code> : <span className="muted">{p.file ?? report.file}</span>}
                {p.line !== undefined ? <span className="muted"> (line {p.line})</span> : null}
              </td>
              <td>{p.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The job's result for an import: the reconciliation, the per-problem list, warnings and what changed. */
export function ImportReportView({ report }: { report: StoredImportReport }) {
  const changed = report.changes.filter((c) => c.records.some((r) => r.status === 'changed'));
  return (
    <div className="imports-report">
      <h3>Reconciliation report</h3>
      <p>
        <strong>{report.file}</strong> as {report.format}, dataset <code>{report.dataset}</code>
        {report.version !== null ? `, version ${report.version}` : ''} — {report.records.incidents} incidents and {report.records.actors} actors.
      </p>
      {report.dryRun ? (
        <p className="notice">
          <strong>Dry run:</strong> nothing was written; the counts say what an import would do.
        </p>
      ) : null}
      <Reconciliation report={report} />
      <DraftsNote report={report} />
      {report.evaluation !== null ? (
        <p className="muted">
          Findings re-evaluated ({report.evaluation.mode}): {report.evaluation.incidentsEvaluated} incidents, {report.evaluation.findings} findings.
        </p>
      ) : null}
      <h3>Problems ({report.problems.length})</h3>
      <Problems report={report} />
      {report.warnings.length > 0 ? (
        <>
          <h3>Warnings</h3>
          <ul>
            {report.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </>
      ) : null}
      {changed.length > 0 ? (
        <details>
          <summary>Updated records ({changed.length})</summary>
          <ul>
            {changed.map((c) => (
              <li key={c.sourceId}>
                <code>{c.sourceId}</code>: {c.records.map((r) => `${r.id} (${r.fields.join(', ') || r.status})`).join('; ')}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {report.notes.length > 0 ? (
        <details>
          <summary>Mapping notes ({report.notes.length} units)</summary>
          <ul>
            {report.notes.map((n) => (
              <li key={n.sourceId}>
                <code>{n.sourceId}</code>: {n.notes.join('; ')}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
