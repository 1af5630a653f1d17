import type { Agreement, ScorecardContract } from '@pactwatch/domain';
import { DataView } from '../../components/data-view.js';
import type { PageProps } from '../../routes.js';
import { useAllPages } from '../agreement/use-all-pages.js';
import { LatestFindings } from './latest-findings.js';
import { ScorecardTable, scorecardRows } from './scorecard-table.js';
import { useDyads } from './use-dyads.js';
import { DyadList, DyadMap } from './world-map.js';
import './overview.css';

function Dyads() {
  const dyads = useDyads();
  return (
    <section aria-labelledby="overview-dyads">
      <h2 id="overview-dyads">Who targets whom</h2>
      <DataView value={dyads} what="the sponsor–victim pairs">
        {(d) =>
          d.rows.length === 0 ? (
            <p className="muted">No attributed incidents yet.</p>
          ) : (
            <>
              <DyadMap dyads={d.rows} />
              <details className="ov-dyads">
                <summary>All {d.rows.length} pairs as a table</summary>
                <DyadList dyads={d.rows} />
              </details>
              {d.origin === 'derived' ? <p className="muted">Counted here from incidents and findings (the server has no pair summary).</p> : null}
            </>
          )
        }
      </DataView>
    </section>
  );
}

function Agreements() {
  const scorecards = useAllPages<ScorecardContract>('/api/v1/scorecards');
  const agreements = useAllPages<Agreement>('/api/v1/agreements');
  return (
    <section aria-labelledby="overview-agreements">
      <h2 id="overview-agreements">Agreements and their record</h2>
      <DataView value={scorecards} what="the scorecards">
        {(s) => (
          <DataView value={agreements} what="the agreements">
            {(a) => <ScorecardTable rows={scorecardRows(s.items, a.items)} />}
          </DataView>
        )}
      </DataView>
    </section>
  );
}

export function OverviewPage(_props: PageProps) {
  return (
    <section className="ov-page">
      <h1>Overview</h1>
      <p className="muted">Cyber agreements, the incidents between their parties, and whether the agreements held.</p>
      <Agreements />
      <Dyads />
      <LatestFindings />
    </section>
  );
}
