import type { Incident } from '@pactwatch/domain';
import type { Page } from '../../api/client.js';
import { useApi } from '../../api/use-api.js';
import type { PageProps } from '../../routes.js';
import { Link } from '../../router/router.js';
import { useQueryState } from '../../router/use-query-state.js';
import { useSession } from '../../session/session.js';
import { ExportLinks } from './export-links.js';
import { IncidentFilters } from './incident-filters.js';
import { activitiesOf, bestConfidence, describePeriod, sponsorsOf, victimsOf } from './incident-summary.js';
import { ListShell } from './list-shell.js';
import { filterQuery, INCIDENT_FILTERS, listApiQuery } from './list-query.js';
import { SortHeader } from './sort-header.js';

/** The API's default incident order (by start date, earliest first). */
export const INCIDENT_DEFAULT_SORT = 'start';

function IncidentRow({ incident }: { incident: Incident }) {
  const confidence = bestConfidence(incident);
  return (
    <tr>
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
}

/** Incidents, filtered, sorted and paged entirely from the URL, with exports of the same selection. */
export function IncidentsPage(_props: PageProps) {
  const query = useQueryState();
  const session = useSession();
  const list = useApi<Page<Incident>>('/api/v1/incidents', listApiQuery(query.params, INCIDENT_FILTERS));
  return (
    <ListShell
      title="Incidents"
      newLink={session.can('analyst') ? { to: '/incidents/new', label: 'New incident' } : null}
      filters={<IncidentFilters />}
      exports={<ExportLinks filters={filterQuery(query.params, INCIDENT_FILTERS)} what="incidents" />}
      list={list}
      head={
        <>
          <SortHeader field="title" defaultSort={INCIDENT_DEFAULT_SORT}>
            Incident
          </SortHeader>
          <SortHeader field="start" defaultSort={INCIDENT_DEFAULT_SORT}>
            Period
          </SortHeader>
          <th scope="col">Sponsors</th>
          <th scope="col">Victims</th>
          <th scope="col">Activity</th>
          <th scope="col">Best confidence</th>
        </>
      }
      row={(incident) => <IncidentRow key={incident.id} incident={incident} />}
    />
  );
}
