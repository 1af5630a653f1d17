import type { Incident } from '@pactwatch/domain';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { ApiError } from '../../api/problem.js';
import { useApi } from '../../api/use-api.js';
import { DataView, ErrorNotice } from '../../components/data-view.js';
import { Link, useRouter } from '../../router/router.js';
import type { PageProps } from '../../routes.js';
import { useSession } from '../../session/session.js';
import { editableOrigin } from '../entry/record-origin.js';
import { FindingsSection } from './findings-section.js';
import { HistorySection } from './history-section.js';
import { IncidentAdditions } from './incident-additions.js';
import { IncidentDetails } from './incident-details.js';
import { STALE_MESSAGE } from './override-panel.js';
import '../entry/entry.css';
import './incident-page.css';

const ORIGIN_LABELS = { curated: 'Curated dataset', imported: 'Imported', user: 'Entered through pactwatch' } as const;

/** Edit, delete, add: only for analysts, and only on records created through the API. */
function AnalystActions({ incident, etag, onChanged }: { incident: Incident; etag: string | null; onChanged: () => void }) {
  const { navigate } = useRouter();
  const [failure, setFailure] = useState<ApiError | null>(null);
  const path = `/incidents/${encodeURIComponent(incident.id)}`;
  const remove = async () => {
    if (!window.confirm(`Delete incident “${incident.title}”? Its findings go with it; the audit log keeps the record.`)) return;
    setFailure(null);
    try {
      await api.delete(`/api/v1${path}`, { ifMatch: etag });
      navigate('/incidents');
    } catch (error) {
      const failed = error instanceof ApiError ? error : new ApiError(0, 'CLIENT', String(error));
      setFailure(failed.status === 412 ? new ApiError(412, failed.code, STALE_MESSAGE, [], failed.requestId) : failed);
    }
  };
  return (
    <section aria-labelledby="changes-heading" className="analyst-actions">
      <h2 id="changes-heading">Changes</h2>
      {failure !== null ? <ErrorNotice error={failure} /> : null}
      <div className="form-actions">
        <Link className="button" to={`${path}/edit`}>
          Edit incident
        </Link>
        <button type="button" className="danger" onClick={() => void remove()}>
          Delete incident
        </button>
      </div>
      <IncidentAdditions incidentId={incident.id} etag={etag} onAdded={onChanged} />
    </section>
  );
}

/** /incidents/:id: the record, its verdict against every applicable commitment with the trace, overrides and history. */
export function IncidentPage({ params }: PageProps) {
  const id = params['id'] ?? '';
  const session = useSession();
  const isAnalyst = session.can('analyst');
  const loaded = useApi<Incident>(`/api/v1/incidents/${encodeURIComponent(id)}`);
  // Findings and history are remounted after a change, so they show the re-evaluated state.
  const [revision, setRevision] = useState(0);
  // An override changes no incident field, only its findings and its history.
  const [overrides, setOverrides] = useState(0);
  const changed = () => {
    loaded.reload();
    setRevision((r) => r + 1);
  };
  return (
    <section className="incident-page">
      <DataView value={loaded} what="the incident">
        {(incident, etag, headers) => {
          const origin = editableOrigin(incident.provenance, headers);
          return (
            <>
              <h1>{incident.title}</h1>
              <p className="origin">
                <span className="tag">{ORIGIN_LABELS[origin.origin]}</span> <code>{incident.id}</code>
                {isAnalyst && !origin.editable ? <span className="muted"> — no edit controls: {origin.reason}</span> : null}
              </p>
              <IncidentDetails incident={incident} />
              {isAnalyst && origin.editable ? <AnalystActions incident={incident} etag={etag} onChanged={changed} /> : null}
              <FindingsSection key={`findings-${revision}`} incidentId={incident.id} canOverride={isAnalyst} onOverride={() => setOverrides((n) => n + 1)} />
              {isAnalyst ? <HistorySection key={`history-${revision}-${overrides}`} incidentId={incident.id} /> : null}
            </>
          );
        }}
      </DataView>
    </section>
  );
}
