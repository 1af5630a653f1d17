import type { Agreement, ContextEvent, FindingContract } from '@pactwatch/domain';
import { useApi } from '../../api/use-api.js';
import { DataView } from '../../components/data-view.js';
import type { PageProps } from '../../routes.js';
import { Link } from '../../router/router.js';
import { RequireRole } from '../../session/session.js';
import { AgreementFacts, CommitmentList } from './agreement-facts.js';
import { FindingsByVerdict, GapsSection } from './findings-section.js';
import { TimelinePanel } from './timeline-panel.js';
import { TrendPanel } from './trend-panel.js';
import { useAllPages } from './use-all-pages.js';
import './agreement.css';

/** Context events that bear on the agreement: linked to it, or involving one of its state parties. */
export function relevantEvents(agreement: Agreement, events: readonly ContextEvent[]): ContextEvent[] {
  const states = new Set(agreement.parties.flatMap((p) => ('state' in p ? [p.state] : [])));
  return events.filter((e) => e.agreements.includes(agreement.id) || e.states.some((s) => states.has(s)));
}

function FindingsAndTimeline({ agreement }: { agreement: Agreement }) {
  const findings = useAllPages<FindingContract>('/api/v1/findings', { agreement: agreement.id });
  const events = useAllPages<ContextEvent>('/api/v1/context-events');
  return (
    <>
      <DataView value={findings} what="the findings">
        {(f) => (
          <>
            <DataView value={events} what="the context events">
              {(e) => <TimelinePanel findings={f.items} events={relevantEvents(agreement, e.items)} effective={agreement.inForce ?? agreement.signed} />}
            </DataView>
            <TrendPanel agreementId={agreement.id} />
            <FindingsByVerdict findings={f.items} truncated={f.truncated} />
            <GapsSection findings={f.items} />
          </>
        )}
      </DataView>
    </>
  );
}

function AgreementView({ agreement }: { agreement: Agreement }) {
  return (
    <>
      <header className="ag-header">
        <h1>{agreement.shortTitle ?? agreement.title}</h1>
        <RequireRole role="admin">
          <Link to={`/agreements/${encodeURIComponent(agreement.id)}/edit`} className="button">
            Edit agreement
          </Link>
        </RequireRole>
      </header>
      {agreement.shortTitle === undefined ? null : <p className="muted">{agreement.title}</p>}
      <nav aria-label="On this page" className="ag-toc">
        <a href="#agreement-facts">About</a> <a href="#agreement-commitments">Commitments</a> <a href="#agreement-timeline">Timeline</a> <a href="#agreement-trend">Trend</a> <a href="#agreement-findings">Findings</a> <a href="#agreement-gaps">Gaps</a>
      </nav>
      <AgreementFacts agreement={agreement} />
      <CommitmentList commitments={agreement.commitments} />
      <FindingsAndTimeline agreement={agreement} />
    </>
  );
}

export function AgreementPage({ params }: PageProps) {
  const id = params['id'] ?? '';
  const agreement = useApi<Agreement>(`/api/v1/agreements/${encodeURIComponent(id)}`);
  return (
    <section className="ag-page">
      <DataView value={agreement} what="the agreement">
        {(a) => <AgreementView agreement={a} />}
      </DataView>
    </section>
  );
}
