import { DRAFT_STATES, type IncidentDraft } from '@pactwatch/domain';
import { useState } from 'react';
import type { Page } from '../../api/client.js';
import { useApi } from '../../api/use-api.js';
import { DataView, Loading } from '../../components/data-view.js';
import { Pager } from '../../components/pager.js';
import { Link } from '../../router/router.js';
import { useQueryState } from '../../router/use-query-state.js';
import type { PageProps } from '../../routes.js';
import { useSession } from '../../session/session.js';
import { DraftCard } from './draft-card.js';
import { OriginFilter } from './origin-filter.js';
import type { Decision } from './draft-actions.js';
import { isDraftState } from './draft-types.js';
import './review.css';

const PAGE_SIZE = 20;
const STATE_LABEL = { pending: 'Pending', accepted: 'Accepted', merged: 'Merged', rejected: 'Rejected' } as const;

function DecisionNotice({ decision }: { decision: Decision }) {
  const incident = decision.incidentId === null ? null : <Link to={`/incidents/${encodeURIComponent(decision.incidentId)}`}>{decision.incidentId}</Link>;
  return (
    <p role="status" className="notice notice-ok">
      {decision.outcome === 'accepted' ? <>“{decision.title}” was accepted: it is now the incident {incident}.</> : null}
      {decision.outcome === 'merged' ? <>“{decision.title}” was merged into the incident {incident}.</> : null}
      {decision.outcome === 'rejected' ? <>“{decision.title}” was rejected.</> : null}
    </p>
  );
}

/** Where drafts come from, since this page has no form of its own. */
function Origins() {
  return (
    <details className="review-origins">
      <summary>Where drafts come from</summary>
      <p>
        A draft is a proposed incident that waits for an analyst's decision before it counts in any finding. Drafts are proposed by imports of external
        datasets (origin <code>import:&lt;dataset&gt;</code>), by feeds (<code>feed:&lt;id&gt;</code>) and by tools that post records to{' '}
        <code>POST /api/v1/drafts</code> (<code>hand-entered</code>).
      </p>
      <p>
        To record an incident yourself, use the <Link to="/incidents/new">new incident form</Link>: it is stored and evaluated at once, without review.
      </p>
      <p>
        <strong>Accept</strong> stores the draft as a new incident and evaluates it. <strong>Merge</strong> adds its attributions and sources to an incident
        added here (curated and imported incidents are read-only). <strong>Reject</strong> keeps the draft with your reason. Every decision is audited.
      </p>
    </details>
  );
}

/** The review queue (analysts): proposed incidents by state, each accepted, merged or rejected here. */
export function ReviewPage(_props: PageProps) {
  const session = useSession();
  const query = useQueryState();
  const requested = query.get('state');
  const state = isDraftState(requested) ? requested : 'pending';
  const canDecide = session.can('analyst');
  const drafts = useApi<Page<IncidentDraft>>(canDecide ? '/api/v1/drafts' : null, { state, origin: query.get('origin'), cursor: query.get('cursor'), limit: PAGE_SIZE });
  const [decision, setDecision] = useState<Decision | null>(null);

  // Until /auth/me answers, the role is not known yet: wait rather than flash a refusal.
  if (session.status === 'unknown') return <Loading what="your session" />;
  if (!canDecide) {
    return (
      <section>
        <h1>Review queue</h1>
        <p role="alert" className="notice notice-error">
          The review queue is open to analysts and admins only.
        </p>
      </section>
    );
  }

  const decided = (next: Decision) => {
    setDecision(next);
    drafts.reload();
  };

  return (
    <section className="review-page">
      <h1>Review queue</h1>
      <Origins />
      <div className="review-tabs" role="group" aria-label="Drafts by state">
        {DRAFT_STATES.map((s) => (
          <button key={s} type="button" aria-pressed={s === state} onClick={() => {
              setDecision(null);
              query.set({ state: s === 'pending' ? null : s, cursor: null });
            }}>
            {STATE_LABEL[s]}
          </button>
        ))}
      </div>
      <OriginFilter />
      {decision !== null ? <DecisionNotice decision={decision} /> : null}
      <DataView value={drafts} what="drafts">
        {(page) => (
          <>
            {page.items.length === 0 ? (
              <p className="muted">No {state} drafts{query.get('cursor') !== undefined ? ' on this page' : ''}.</p>
            ) : (
              <div className="review-list">
                {page.items.map((draft) => (
                  <DraftCard key={draft.id} draft={draft} canDecide={canDecide} onDecided={decided} />
                ))}
              </div>
            )}
            <Pager nextCursor={page.nextCursor} shown={page.items.length} />
          </>
        )}
      </DataView>
    </section>
  );
}
