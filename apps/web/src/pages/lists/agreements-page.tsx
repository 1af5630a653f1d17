import { AGREEMENT_STATUSES, type Agreement, type Party } from '@pactwatch/domain';
import { useId } from 'react';
import type { Page } from '../../api/client.js';
import { useApi } from '../../api/use-api.js';
import type { PageProps } from '../../routes.js';
import { Link } from '../../router/router.js';
import { useQueryState } from '../../router/use-query-state.js';
import { useSession } from '../../session/session.js';
import { ExportLinks } from './export-links.js';
import { ClearFilters, DateInput, SearchInput } from './incident-filters.js';
import { describeEdtf } from './incident-summary.js';
import { ListShell } from './list-shell.js';
import { AGREEMENT_FILTERS, listApiQuery } from './list-query.js';
import { SortHeader } from './sort-header.js';
import { StateDatalist, StateInput } from './state-options.js';

/** The API's default agreement order (by signing date, earliest first). */
export const AGREEMENT_DEFAULT_SORT = 'signed';

const STATUS_LABELS: ReadonlyMap<string, string> = new Map(AGREEMENT_STATUSES.list.map((s) => [s.id, s.label]));

export function partyLabel(party: Party): string {
  return 'state' in party ? party.state : `${party.group} (group)`;
}

function AgreementFilters() {
  const listId = useId();
  return (
    <form className="filters" role="search" aria-label="Filter agreements" onSubmit={(e) => e.preventDefault()}>
      <StateDatalist id={listId} />
      <SearchInput label="Search" />
      <StateInput name="party" label="Party" listId={listId} />
      <DateInput name="from" label="Signed from" />
      <DateInput name="to" label="Signed to" />
      <ClearFilters keys={AGREEMENT_FILTERS} />
    </form>
  );
}

function AgreementRow({ agreement: a }: { agreement: Agreement }) {
  return (
    <tr>
      <td>
        <Link to={`/agreements/${encodeURIComponent(a.id)}`}>{a.shortTitle ?? a.title}</Link>
        <div className="muted small">
          <code>{a.id}</code>
        </div>
      </td>
      <td>{a.parties.map(partyLabel).join(', ')}</td>
      <td>{describeEdtf(a.signed)}</td>
      <td>{STATUS_LABELS.get(a.status) ?? a.status}</td>
      <td className="num">{a.commitments.length}</td>
    </tr>
  );
}

/** Agreements, filtered, sorted and paged from the URL. */
export function AgreementsPage(_props: PageProps) {
  const query = useQueryState();
  const session = useSession();
  const list = useApi<Page<Agreement>>('/api/v1/agreements', listApiQuery(query.params, AGREEMENT_FILTERS));
  return (
    <ListShell
      title="Agreements"
      newLink={session.can('admin') ? { to: '/agreements/new', label: 'New agreement' } : null}
      filters={<AgreementFilters />}
      // The export endpoint selects by incident filters or one agreement, not by the agreement list's
      // filters (a party here is a party to the agreement; there it would select incidents), so the
      // whole dataset is offered; one agreement's export is on its page.
      exports={<ExportLinks filters={{}} what="records" />}
      list={list}
      head={
        <>
          <SortHeader field="title" defaultSort={AGREEMENT_DEFAULT_SORT}>
            Agreement
          </SortHeader>
          <th scope="col">Parties</th>
          <SortHeader field="signed" defaultSort={AGREEMENT_DEFAULT_SORT}>
            Signed
          </SortHeader>
          <th scope="col">Status</th>
          <th scope="col">Commitments</th>
        </>
      }
      row={(agreement) => <AgreementRow key={agreement.id} agreement={agreement} />}
    />
  );
}
