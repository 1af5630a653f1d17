import type { IncidentDraft } from '@pactwatch/domain';
import { useId } from 'react';
import { Link } from '../../router/router.js';
import { DraftActions, type Decision } from './draft-actions.js';
import { Instant } from '../../components/ri-instant.js';
import { describeOrigin } from './draft-types.js';
import { ProposedIncident } from './proposed-incident.js';

/** Who decided, when, and what became of the draft. */
function DecisionText({ draft }: { draft: IncidentDraft }) {
  const by = draft.decidedBy ?? 'someone';
  const when = draft.decidedAt === null ? null : <Instant iso={draft.decidedAt} />;
  const incident = draft.incidentId === null ? null : <Link to={`/incidents/${encodeURIComponent(draft.incidentId)}`}>{draft.incidentId}</Link>;
  if (draft.state === 'accepted') {
    return (
      <p className="review-decision">
        Accepted by <strong>{by}</strong> {when !== null ? <>on {when}</> : null} as the incident {incident}.
      </p>
    );
  }
  if (draft.state === 'merged') {
    return (
      <p className="review-decision">
        Merged by <strong>{by}</strong> {when !== null ? <>on {when}</> : null} into the incident {incident}.
      </p>
    );
  }
  return (
    <div className="review-decision">
      <p>
        Rejected by <strong>{by}</strong> {when !== null ? <>on {when}</> : null}.
      </p>
      {draft.reason !== null ? <blockquote>{draft.reason}</blockquote> : null}
    </div>
  );
}

/** One draft of the queue: the proposed incident, where it came from, and its actions or decision. */
export function DraftCard({ draft, canDecide, onDecided }: { draft: IncidentDraft; canDecide: boolean; onDecided: (decision: Decision) => void }) {
  const headingId = useId();
  return (
    <article className="card review-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{draft.record.title}</h2>
      <p className="review-meta">
        <span className={`badge review-state review-state-${draft.state}`}>{draft.state}</span> {describeOrigin(draft.origin)} · proposed by <strong>{draft.createdBy}</strong> on{' '}
        <Instant iso={draft.createdAt} />
        {draft.confidence !== null ? <> · proposer's confidence {draft.confidence}/100</> : null}
      </p>
      {draft.notes !== null && draft.notes !== '' ? (
        <p>
          <strong>Notes:</strong> {draft.notes}
        </p>
      ) : null}
      <ProposedIncident record={draft.record} />
      {draft.state !== 'pending' ? <DecisionText draft={draft} /> : null}
      {draft.state === 'pending' && canDecide ? <DraftActions draft={draft} onDecided={onDecided} /> : null}
    </article>
  );
}
