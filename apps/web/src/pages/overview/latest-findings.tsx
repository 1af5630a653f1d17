import type { FindingContract } from '@pactwatch/domain';
import type { Page } from '../../api/client.js';
import { useApi } from '../../api/use-api.js';
import { DataView } from '../../components/data-view.js';
import { VerdictBadge } from '../../components/verdict-badge.js';
import { Link } from '../../router/router.js';

/** The ten most recent findings, each with its verdict and links to the incident and agreement. */
export function LatestFindings() {
  const findings = useApi<Page<FindingContract>>('/api/v1/findings', { sort: 'recent', limit: 10 });
  return (
    <section aria-labelledby="overview-latest">
      <h2 id="overview-latest">Latest findings</h2>
      <DataView value={findings} what="the latest findings">
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">No findings yet.</p>
          ) : (
            <ul className="ov-latest">
              {page.items.map((f) => (
                <li key={`${f.commitment}|${f.incident}`}>
                  <VerdictBadge verdict={f.override?.verdict ?? f.verdict} overridden={f.override !== undefined} />{' '}
                  <Link to={`/incidents/${encodeURIComponent(f.incident)}`}>{f.incident}</Link>
                  <span className="muted"> against </span>
                  <Link to={`/agreements/${encodeURIComponent(f.agreement)}`}>{f.agreement}</Link>
                  <span className="muted">
                    {' '}
                    ({f.sponsor} → {f.victim})
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </DataView>
    </section>
  );
}
