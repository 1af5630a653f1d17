import type { FindingContract } from '@pactwatch/domain';
import { Link } from '../../router/router.js';
import { VerdictBadge } from '../../components/verdict-badge.js';
import { VERDICT_LABELS } from '../../theme/palette.js';
import { FindingRow } from './finding-trace.js';
import { DIMENSION_LABELS, gapCounts, gapList, groupByVerdict } from './findings-shape.js';

/** Findings grouped by (effective) verdict, each opening to its check-by-check trace. */
export function FindingsByVerdict({ findings, truncated }: { findings: readonly FindingContract[]; truncated: boolean }) {
  const groups = groupByVerdict(findings);
  return (
    <section aria-labelledby="agreement-findings">
      <h2 id="agreement-findings">Findings by verdict ({findings.length})</h2>
      {truncated ? <p className="notice">Only the first pages of findings are shown.</p> : null}
      {groups.length === 0 ? <p className="muted">No incident has been judged against this agreement.</p> : null}
      {groups.map((g) => (
        <section key={g.verdict} aria-labelledby={`verdict-${g.verdict}`}>
          <h3 id={`verdict-${g.verdict}`}>
            <VerdictBadge verdict={g.verdict} /> {g.findings.length}
            <span className="sr-only"> {VERDICT_LABELS[g.verdict]} findings</span>
          </h3>
          <ul className="ag-findings">
            {g.findings.map((f) => (
              <FindingRow key={`${f.commitment}|${f.incident}`} finding={f} />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

/** The gaps: incidents a commitment's scope leaves out, with the dimension(s) that exclude them. */
export function GapsSection({ findings }: { findings: readonly FindingContract[] }) {
  const gaps = gapList(findings);
  const counts = gapCounts(gaps);
  return (
    <section aria-labelledby="agreement-gaps">
      <h2 id="agreement-gaps">Gaps: incidents outside scope ({gaps.length})</h2>
      <p className="muted">Incidents between the parties that a commitment's wording does not cover, and the scope dimension that excludes each. Incidents that also predate the agreement are included: its text would not have covered them either.</p>
      {counts.length > 0 ? (
        <p>
          Excluded by: {counts.map((c) => `${DIMENSION_LABELS[c.dimension]} ${c.count}`).join(' · ')}
        </p>
      ) : (
        <p className="muted">No gaps: every judged incident falls within the scope of the commitments.</p>
      )}
      {gaps.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">Incidents outside scope</caption>
            <thead>
              <tr>
                <th scope="col">Incident</th>
                <th scope="col">Commitment</th>
                <th scope="col">Outside scope on</th>
                <th scope="col">Why</th>
                <th scope="col">Verdict</th>
              </tr>
            </thead>
            <tbody>
              {gaps.map((g) => (
                <tr key={`${g.commitment}|${g.incident}`} data-incident={g.incident}>
                  <th scope="row">
                    <Link to={`/incidents/${encodeURIComponent(g.incident)}`}>{g.incident}</Link>
                  </th>
                  <td>
                    <code>{g.commitment}</code>
                  </td>
                  <td>{g.dimensions.map((d) => DIMENSION_LABELS[d]).join(', ')}</td>
                  <td>
                    <ul className="ag-reasons">
                      {g.reasons.map((r) => (
                        <li key={r.dimension}>
                          <strong>{DIMENSION_LABELS[r.dimension]}</strong>: {r.reason}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <VerdictBadge verdict={g.verdict} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
