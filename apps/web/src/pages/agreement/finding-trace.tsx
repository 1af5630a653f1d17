import type { FindingContract } from '@pactwatch/domain';
import { Link } from '../../router/router.js';
import { VerdictBadge } from '../../components/verdict-badge.js';
import { CheckTrace } from '../incident/check-trace.js';

/** The check-by-check trace of one finding: each dimension's value, the reason and the facts used. */
export function FindingTrace({ finding }: { finding: FindingContract }) {
  return (
    <div className="ag-trace">
      <p>
        Rule <code>{finding.rule}</code>: {finding.summary}
      </p>
      {finding.override === undefined ? null : (
        <p className="notice">
          Overridden to <VerdictBadge verdict={finding.override.verdict} overridden /> by <strong>{finding.override.author}</strong> on {finding.override.createdAt.slice(0, 10)} (computed: {finding.verdict}). Note: {finding.override.note}
        </p>
      )}
      <CheckTrace checks={finding.checks} />
    </div>
  );
}

/** One finding as a row that opens to its trace (details/summary: keyboard and screen-reader friendly). */
export function FindingRow({ finding }: { finding: FindingContract }) {
  return (
    <li>
      <details>
        <summary>
          <VerdictBadge verdict={finding.override?.verdict ?? finding.verdict} overridden={finding.override !== undefined} /> <strong>{finding.incident}</strong> against <code>{finding.commitment}</code> ({finding.sponsor} → {finding.victim})
        </summary>
        <p>
          <Link to={`/incidents/${encodeURIComponent(finding.incident)}`}>Open incident {finding.incident}</Link>
        </p>
        <FindingTrace finding={finding} />
      </details>
    </li>
  );
}
