import type { FindingContract } from '@pactwatch/domain';
import { useId } from 'react';
import type { Page } from '../../api/client.js';
import { useApi } from '../../api/use-api.js';
import { DataView } from '../../components/data-view.js';
import { VerdictBadge } from '../../components/verdict-badge.js';
import { Link } from '../../router/router.js';
import { CheckTrace } from './check-trace.js';
import { OverridePanel } from './override-panel.js';

function FindingItem({ finding, canOverride, onChanged }: { finding: FindingContract; canOverride: boolean; onChanged: () => void }) {
  const headingId = useId();
  const override = finding.override;
  return (
    <article className="finding card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <Link to={`/agreements/${encodeURIComponent(finding.agreement)}`}>{finding.commitment}</Link>
      </h3>
      <p className="finding-verdict">
        {override !== undefined ? (
          <>
            <VerdictBadge verdict={override.verdict} overridden /> <span className="muted">computed:</span> <VerdictBadge verdict={finding.verdict} />
          </>
        ) : (
          <VerdictBadge verdict={finding.verdict} />
        )}{' '}
        <span className="muted">
          {finding.sponsor} → {finding.victim} · rule <code>{finding.rule}</code>
        </span>
      </p>
      <p>{finding.summary}</p>
      {override !== undefined ? (
        <p className="override-note">
          Overridden by <strong>{override.author}</strong> on {override.createdAt.slice(0, 10)}: “{override.note}”
        </p>
      ) : null}
      <details>
        <summary>Check-by-check trace</summary>
        <CheckTrace checks={finding.checks} />
      </details>
      {canOverride ? <OverridePanel finding={finding} onChanged={onChanged} /> : null}
    </article>
  );
}

/** The incident judged against every applicable commitment, each verdict with its whole trace. */
export function FindingsSection({ incidentId, canOverride, onOverride }: { incidentId: string; canOverride: boolean; onOverride?: () => void }) {
  const findings = useApi<Page<FindingContract>>('/api/v1/findings', { incident: incidentId, limit: 500 });
  return (
    <section aria-labelledby="findings-heading">
      <h2 id="findings-heading">Findings</h2>
      <DataView value={findings} what="findings">
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">No commitment binds this incident's sponsor toward its victims, so there are no findings.</p>
          ) : (
            <div className="findings">
              {page.items.map((f) => (
                <FindingItem key={`${f.commitment} ${f.sponsor} ${f.victim}`} finding={f} canOverride={canOverride} onChanged={() => {
                    findings.reload();
                    onOverride?.();
                  }} />
              ))}
            </div>
          )
        }
      </DataView>
    </section>
  );
}
