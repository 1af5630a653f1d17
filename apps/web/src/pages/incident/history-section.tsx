import type { Page } from '../../api/client.js';
import { useApi } from '../../api/use-api.js';
import { DataView } from '../../components/data-view.js';
import { changedFields } from './audit-diff.js';

interface AuditEntry {
  readonly id: number;
  readonly at: string;
  readonly principal: { readonly kind: string; readonly name: string; readonly role: string | null };
  readonly action: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly note: string | null;
}

function AuditItem({ entry }: { entry: AuditEntry }) {
  const changes = entry.before === null || entry.after === null ? [] : changedFields(entry.before, entry.after);
  return (
    <li className="audit-entry">
      <p>
        <strong>{entry.principal.name}</strong> <code>{entry.action}</code> <time dateTime={entry.at}>{entry.at.replace('T', ' ').slice(0, 19)} UTC</time>
        {entry.note !== null ? <span className="muted"> — {entry.note}</span> : null}
      </p>
      {entry.before === null ? <p className="muted">Created.</p> : null}
      {entry.after === null ? <p className="muted">Deleted.</p> : null}
      {changes.length > 0 ? (
        <div className="table-wrap">
          <table className="diff">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((c) => (
                <tr key={c.field}>
                  <th scope="row">{c.field}</th>
                  <td>
                    <del>{c.before}</del>
                  </td>
                  <td>
                    <ins>{c.after}</ins>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </li>
  );
}

/** Who changed this incident, when, and what (analysts only: the audit log is not for viewers). */
export function HistorySection({ incidentId }: { incidentId: string }) {
  const audit = useApi<Page<AuditEntry>>('/api/v1/audit', { incident: incidentId, limit: 100 });
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">Edit history</h2>
      <DataView value={audit} what="the edit history">
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">No changes recorded through pactwatch (curated and imported records change at their source).</p>
          ) : (
            <ol className="audit-list">
              {page.items.map((e) => (
                <AuditItem key={e.id} entry={e} />
              ))}
            </ol>
          )
        }
      </DataView>
    </section>
  );
}
