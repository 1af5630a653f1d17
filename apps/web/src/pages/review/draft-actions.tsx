import type { IncidentDraft } from '@pactwatch/domain';
import { useCallback, useState, type FormEvent } from 'react';
import { api } from '../../api/client.js';
import { useAction } from '../../api/use-api.js';
import { ErrorNotice } from '../../components/data-view.js';
import type { DraftOutcome } from './draft-types.js';
import { IncidentPicker } from './incident-picker.js';

/** What the page announces after a decision (the draft leaves the pending list at once). */
export interface Decision {
  readonly draftId: string;
  readonly title: string;
  readonly outcome: 'accepted' | 'merged' | 'rejected';
  readonly incidentId: string | null;
}

type Panel = 'none' | 'merge' | 'reject';
const path = (id: string, verb: string): string => `/api/v1/drafts/${encodeURIComponent(id)}/${verb}`;

/** Accept, merge or reject one pending draft (analysts; the page never renders this for viewers). */
export function DraftActions({ draft, onDecided }: { draft: IncidentDraft; onDecided: (decision: Decision) => void }) {
  const [panel, setPanel] = useState<Panel>('none');
  const [target, setTarget] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const send = useCallback(async (verb: 'accept' | 'merge' | 'reject', body: unknown) => (await api.post<DraftOutcome | IncidentDraft>(path(draft.id, verb), body)).data, [draft.id]);
  const action = useAction(send);
  const title = draft.record.title;

  const accept = async () => {
    const answer = await action.run('accept', {});
    if (answer !== undefined && 'incident' in answer) onDecided({ draftId: draft.id, title, outcome: 'accepted', incidentId: answer.incident.id });
  };
  const merge = async (event: FormEvent) => {
    event.preventDefault();
    if (target === null) return;
    const answer = await action.run('merge', { incidentId: target });
    if (answer !== undefined) onDecided({ draftId: draft.id, title, outcome: 'merged', incidentId: target });
  };
  const reject = async (event: FormEvent) => {
    event.preventDefault();
    // The API requires a reason too; saying so here saves a round trip and keeps the typed text.
    if (reason.trim() === '') {
      setReasonMissing(true);
      return;
    }
    const answer = await action.run('reject', { reason: reason.trim() });
    if (answer !== undefined) onDecided({ draftId: draft.id, title, outcome: 'rejected', incidentId: null });
  };
  const open = (next: Panel) => {
    action.clear();
    setPanel(panel === next ? 'none' : next);
  };

  return (
    <div className="review-actions">
      <div className="review-buttons">
        <button type="button" className="primary" disabled={action.pending} onClick={() => void accept()}>
          Accept
        </button>
        <button type="button" aria-expanded={panel === 'merge'} disabled={action.pending} onClick={() => open('merge')}>
          Merge into an incident…
        </button>
        <button type="button" className="danger" aria-expanded={panel === 'reject'} disabled={action.pending} onClick={() => open('reject')}>
          Reject…
        </button>
      </div>
      {panel === 'merge' ? (
        <form className="form review-panel" onSubmit={(e) => void merge(e)}>
          <p className="muted">Merging adds the draft's attributions and sources to the incident you pick; the draft's other fields are not copied.</p>
          <IncidentPicker value={target} onChange={setTarget} />
          <div>
            <button type="submit" className="primary" disabled={target === null || action.pending}>
              {target === null ? 'Merge' : `Merge into ${target}`}
            </button>
          </div>
        </form>
      ) : null}
      {panel === 'reject' ? (
        <form className="form review-panel" onSubmit={(e) => void reject(e)} noValidate>
          <label>
            Reason for rejecting (required)
            <textarea
              value={reason}
              aria-invalid={reasonMissing}
              onChange={(e) => {
                setReason(e.target.value);
                setReasonMissing(false);
              }}
            />
          </label>
          {reasonMissing ? (
            <p role="alert" className="notice notice-error">
              Give a reason: it is kept with the draft and in the audit log.
            </p>
          ) : null}
          <div>
            <button type="submit" className="danger" disabled={action.pending}>
              Reject draft
            </button>
          </div>
        </form>
      ) : null}
      {action.error !== null ? <ErrorNotice error={action.error} /> : null}
    </div>
  );
}
