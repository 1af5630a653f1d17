import type { Agreement, ScorecardContract, TrendReportJson } from '@pactwatch/domain';
import { useApi } from '../../api/use-api.js';
import { Link } from '../../router/router.js';
import { partyText } from '../agreement/agreement-facts.js';
import { trendVerdict } from '../agreement/trend-summary.js';

export interface ScorecardRow {
  readonly id: string;
  readonly title: string;
  readonly parties: string;
  readonly signed: string;
  readonly breaches: number;
  readonly possibleBreaches: number;
  /** Outside-scope incidents: in force and between the parties, but not covered by the wording. */
  readonly gaps: number;
  readonly overrides: number;
}

/** Joins scorecards (counts, analysts' overrides applied) with agreements (parties), newest first. */
export function scorecardRows(scorecards: readonly ScorecardContract[], agreements: readonly Agreement[]): ScorecardRow[] {
  const byId = new Map(agreements.map((a) => [a.id, a]));
  return scorecards
    .map((s) => {
      const a = byId.get(s.agreementId);
      return {
        id: s.agreementId,
        title: a?.shortTitle ?? s.title,
        parties: a === undefined ? '' : a.parties.map(partyText).join(', '),
        signed: s.signed,
        breaches: s.countsWithOverrides.breach,
        possibleBreaches: s.countsWithOverrides['possible-breach'],
        gaps: s.countsWithOverrides['outside-scope'],
        overrides: s.overrides,
      };
    })
    .sort((x, y) => y.signed.localeCompare(x.signed) || x.id.localeCompare(y.id));
}

/** One row's trend verdict, fetched on its own so a slow trend never holds up the table. */
export function TrendCell({ agreementId }: { agreementId: string }) {
  const trend = useApi<TrendReportJson>(`/api/v1/agreements/${encodeURIComponent(agreementId)}/trend`);
  if (trend.state === 'loading') return <span className="muted">loading…</span>;
  if (trend.state === 'error') return <span className="muted" title={trend.error.message}>unavailable ({trend.error.code})</span>;
  const v = trendVerdict(trend.data);
  return (
    <span data-direction={v.direction}>
      <strong>{v.label}</strong>
      <br />
      <span className="muted">{v.detail}</span>
    </span>
  );
}

export function ScorecardTable({ rows }: { rows: readonly ScorecardRow[] }) {
  return (
    <div className="table-wrap">
      <table className="ov-scorecards">
        <caption className="sr-only">Agreements with their scorecards</caption>
        <thead>
          <tr>
            <th scope="col">Agreement</th>
            <th scope="col">Parties</th>
            <th scope="col">Signed</th>
            <th scope="col">Breaches</th>
            <th scope="col">Possible breaches</th>
            <th scope="col">Gaps (outside scope) since signing</th>
            <th scope="col">Trend after the agreement</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link to={`/agreements/${encodeURIComponent(r.id)}`}>{r.title}</Link>
                {r.overrides > 0 ? <span className="muted"> ({r.overrides} override{r.overrides === 1 ? '' : 's'})</span> : null}
              </th>
              <td>{r.parties}</td>
              <td>{r.signed}</td>
              <td>{r.breaches}</td>
              <td>{r.possibleBreaches}</td>
              <td>{r.gaps}</td>
              <td>
                <TrendCell agreementId={r.id} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
