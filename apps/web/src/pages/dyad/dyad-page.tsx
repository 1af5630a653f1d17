import { useMemo } from 'react';
import { withQuery } from '../../api/client.js';
import { useApi } from '../../api/use-api.js';
import { DataView } from '../../components/data-view.js';
import type { PageProps } from '../../routes.js';
import { Link } from '../../router/router.js';
import { DyadAgreements, VerdictTotals } from './dyad-agreements.js';
import { parseDyad, type Dyad } from './dyad-model.js';
import { DyadSeries } from './dyad-series.js';
import { AgreementTrend } from './dyad-statistics.js';
import type { DyadDetail } from './dyad-types.js';
import './dyad.css';

function DyadBody({ dyad, detail }: { dyad: Dyad; detail: DyadDetail }) {
  const marks = useMemo(() => detail.agreements.map((a) => ({ label: a.title, signed: a.inForce ?? a.signed })), [detail]);
  return (
    <>
      <p>
        <strong>{detail.incidents}</strong> incident(s); <strong>{detail.breach}</strong> with a breach and <strong>{detail.possibleBreach}</strong> with a possible breach of an agreement between the two.
      </p>
      <h2 id="dyad-verdicts">Findings by verdict</h2>
      <VerdictTotals verdicts={detail.verdicts} />

      <section aria-labelledby="dyad-agreements">
        <h2 id="dyad-agreements">
          Agreements between {dyad.sponsor} and {dyad.victim}
        </h2>
        {detail.agreements.length === 0 ? <p className="notice">No agreement binds both {dyad.sponsor} and {dyad.victim}.</p> : <DyadAgreements agreements={detail.agreements} />}
      </section>

      <section aria-labelledby="dyad-series">
        <h2 id="dyad-series">Incidents over time</h2>
        <DyadSeries dyad={dyad} marks={marks} />
      </section>

      {detail.agreements.length > 0 ? (
        <section aria-labelledby="dyad-statistics">
          <h2 id="dyad-statistics">Did behaviour change after each agreement?</h2>
          <p className="muted">
            Each analysis counts the incidents within the agreement's scope (all its parties, not only this pair) around the date it took effect. Intervals are 95%: one that includes 1 means the data cannot tell a change from chance, and any change must be read against the trend already under way before the agreement.
          </p>
          <div className="dyad-trends">
            {detail.agreements.map((a) => (
              <AgreementTrend key={a.id} agreement={a} />
            ))}
          </div>
        </section>
      ) : null}
    </>
  );
}

function DyadView({ dyad }: { dyad: Dyad }) {
  const detail = useApi<DyadDetail>(`/api/v1/dyads/${dyad.sponsor}-${dyad.victim}`);
  return (
    <>
      <nav className="dyad-links" aria-label="Related views">
        <Link to={`/dyads/${dyad.victim}-${dyad.sponsor}`}>
          Reverse: {dyad.victim} → {dyad.sponsor}
        </Link>
        <Link to={withQuery('/incidents', { sponsor: dyad.sponsor, victim: dyad.victim })}>
          Incidents {dyad.sponsor} → {dyad.victim}
        </Link>
      </nav>
      <DataView value={detail} what="the dyad">
        {(data) => <DyadBody dyad={dyad} detail={data} />}
      </DataView>
    </>
  );
}

/** One sponsor → victim pair: the agreements between them, incidents over time and what changed. */
export function DyadPage({ params }: PageProps) {
  const dyad = parseDyad(params['dyad']);
  if (dyad === null) {
    return (
      <section>
        <h1>Dyad</h1>
        <div role="alert" className="notice notice-error">
          <p>
            <strong>“{params['dyad']}” is not a dyad.</strong> Write the sponsor and the victim state as two-letter codes, e.g. <Link to="/dyads/CN-US">CN-US</Link> (China as sponsor, the United States as victim).
          </p>
        </div>
      </section>
    );
  }
  return (
    <section>
      <h1>
        {dyad.sponsor} → {dyad.victim}
      </h1>
      <p className="muted">
        Incidents attributed to {dyad.sponsor} as sponsor with {dyad.victim} as victim, and the agreements binding both.
      </p>
      {/* Keyed by the pair, so following the reverse link starts the view afresh. */}
      <DyadView key={`${dyad.sponsor}-${dyad.victim}`} dyad={dyad} />
    </section>
  );
}
