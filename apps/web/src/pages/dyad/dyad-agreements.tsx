import { VERDICTS, type ScorecardContract, type Verdict } from '@pactwatch/domain';
import type { Page } from '../../api/client.js';
import { useApi } from '../../api/use-api.js';
import { VerdictBadge } from '../../components/verdict-badge.js';
import { Link } from '../../router/router.js';
import { VERDICT_LABELS } from '../../theme/palette.js';
import { trendVerdict } from '../agreement/trend-summary.js';
import { describeEdtf } from '../lists/incident-summary.js';
import type { DyadAgreement } from './dyad-types.js';

/** Findings of the pair by computed verdict, each as badge (colour, symbol, words) and number. */
export function VerdictTotals({ verdicts }: { verdicts: Readonly<Record<Verdict, number>> }) {
  return (
    <ul className="dyad-totals" aria-label="Findings by verdict">
      {VERDICTS.map((v) => (
        <li key={v}>
          <VerdictBadge verdict={v} /> <strong>{verdicts[v]}</strong>
        </li>
      ))}
    </ul>
  );
}

/** The agreements binding both states, each with its scorecard (all parties) and its statistics in a word. */
export function DyadAgreements({ agreements }: { agreements: readonly DyadAgreement[] }) {
  // The scorecard is a separate read: if it fails, the table still lists the agreements.
  const scorecards = useApi<Page<ScorecardContract>>('/api/v1/scorecards', { limit: 500 });
  const cards = scorecards.state === 'ready' ? new Map(scorecards.data.items.map((s) => [s.agreementId, s])) : new Map<string, ScorecardContract>();
  const cell = (id: string, v: Verdict): string => {
    const card = cards.get(id);
    if (card !== undefined) return String(card.counts[v]);
    return scorecards.state === 'loading' ? '…' : '—';
  };
  return (
    <>
      <div className="table-wrap">
        <table>
          <caption className="sr-only">Agreements with their scorecards</caption>
          <thead>
            <tr>
              <th scope="col">Agreement</th>
              <th scope="col">Signed</th>
              {VERDICTS.map((v) => (
                <th key={v} scope="col">
                  {VERDICT_LABELS[v]}
                </th>
              ))}
              <th scope="col">After the agreement</th>
            </tr>
          </thead>
          <tbody>
            {agreements.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  <Link to={`/agreements/${encodeURIComponent(a.id)}`}>{a.title}</Link>
                </th>
                <td>
                  {describeEdtf(a.signed)}
                  {a.inForce !== null && a.inForce !== a.signed ? <div className="muted small">in force {describeEdtf(a.inForce)}</div> : null}
                </td>
                {VERDICTS.map((v) => (
                  <td key={v} className="num">
                    {cell(a.id, v)}
                  </td>
                ))}
                <td>{a.trend.report !== null ? trendVerdict(a.trend.report).label : 'Not computable'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">Verdict columns: the agreement's whole scorecard (incidents by their most serious verdict, all parties).</p>
      {scorecards.state === 'error' ? <p className="muted">Scorecards could not be loaded: {scorecards.error.message}</p> : null}
    </>
  );
}
