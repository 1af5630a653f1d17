import type { Incident } from '@pactwatch/domain';
import type { Page } from '../../api/client.js';
import { useApi } from '../../api/use-api.js';
import { DataView } from '../../components/data-view.js';
import { Pager } from '../../components/pager.js';
import type { PageProps } from '../../routes.js';
import { Link } from '../../router/router.js';
import { useQueryState } from '../../router/use-query-state.js';
import { useSession } from '../../session/session.js';
import { ExportLinks } from './export-links.js';
import { IncidentFilters } from './incident-filters.js';
import { activitiesOf, bestConfidence, describePeriod, sponsorsOf, victimsOf } from './incident-summary.js';
import { filterQuery, INCIDENT_FILTERS, listApiQuery } from './list-query.js';
import { SortHeader } from './sort-header.js';
import './lists.css';

/** The API's default incident order (by start date, earliest first). */
export const INCIDENT_DEFAULT_SORT = 'start';

function IncidentTable({ page }: { page: Page<Incident> }) {
  if (page.items.length === 0) return <p className="notice">No incidents match these filters.</p>;
  return (
    <>
      <div className="table-wrap">
        <table className="list-table">
          <caption className="sr-only">Incidents</caption>
          <thead>
            <tr>
              <SortHeader field="id" defaultSort={INCIDENT_DEFAULT_SORT}>
                Incident
              </SortHeader>
              <SortHeader field="start" defaultSort={INCIDENT_DEFAULT_SORT}>
                Period
              </SortHeader>
              <th scope="col">Sponsors</th>
              <th scope="col">Victims</th>
              <th scope="col">Activity</th>
              <th scope="col">Best confidence</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((incident) => {
              const confidence = bestConfidence(incident);
              return (
                <tr key={incident.id}>
                  <td>
                    <Link to={`/incidents/${encodeURIComponent(incident.id)}`}>{incident.title}</Link>
                    <div className="muted small">
                      <code>{incident.id}</code>
                    </div>
                  </td>
                  <td>{describePeriod(incident.period)}</td>
                  <td>{sponsorsOf(incident).join(', ')}</td>
                  <td>{victimsOf(incident).join(', ')}</td>
                  <td>{activitiesOf(incident).join('; ') || <span className="muted">not recorded</span>}</td>
                  <td className="num">{confidence === null ? '—' : `${confidence}%`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Pager nextCursor={page.nextCursor} shown={page.items.length} />
    </>
  );
}

/** Incidents, filtered, sorted and paged entirely from the URL, with exports of the same selection. */
export function IncidentsPage(_props: PageProps) {
  const query = useQueryState();
  const session = useSession();
  const list = useApi<Page<Incident>>('/api/v1/incidents', listApiQuery(query.params, INCIDENT_FILTERS));
  return (
    <section>
      <div className="list-head">
        <h1>Incidents</h1>
        {session.can('analyst') ? (
          <Link to="/incidents/new" className="button primary">
            New incident
          </Link>
        ) : null}
      </div>
      <IncidentFilters />
      <ExportLinks filters={filterQuery(query.params, INCIDENT_FILTERS)} what="incidents" />
      <DataView value={list} what="incidents">
        {(page) => <IncidentTable page={page} />}
      </DataView>
    </section>
  );
}
