import { AGREEMENT_STATUSES, type Agreement, type Party } from '@pactwatch/domain';
import { useId } from 'react';
import type { Page } from '../../api/client.js';
import { useApi } from '../../api/use-api.js';
import { DataView } from '../../components/data-view.js';
import { Pager } from '../../components/pager.js';
import type { PageProps } from '../../routes.js';
import { Link } from '../../router/router.js';
import { useQueryState } from '../../router/use-query-state.js';
import { useSession } from '../../session/session.js';
import { ExportLinks } from './export-links.js';
import { ClearFilters, DateInput, SearchInput } from './incident-filters.js';
import { describeEdtf } from './incident-summary.js';
import { AGREEMENT_FILTERS, listApiQuery } from './list-query.js';
import { SortHeader } from './sort-header.js';
import { StateDatalist, StateInput } from './state-options.js';
import './lists.css';

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

function AgreementTable({ page }: { page: Page<Agreement> }) {
  if (page.items.length === 0) return <p className="notice">No agreements match these filters.</p>;
  return (
    <>
      <div className="table-wrap">
        <table className="list-table">
          <caption className="sr-only">Agreements</caption>
          <thead>
            <tr>
              <SortHeader field="title" defaultSort={AGREEMENT_DEFAULT_SORT}>
                Agreement
              </SortHeader>
              <th scope="col">Parties</th>
              <SortHeader field="signed" defaultSort={AGREEMENT_DEFAULT_SORT}>
                Signed
              </SortHeader>
              <th scope="col">Status</th>
              <th scope="col">Commitments</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((a) => (
              <tr key={a.id}>
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
            ))}
          </tbody>
        </table>
      </div>
      <Pager nextCursor={page.nextCursor} shown={page.items.length} />
    </>
  );
}

/** Agreements, filtered, sorted and paged from the URL. */
export function AgreementsPage(_props: PageProps) {
  const query = useQueryState();
  const session = useSession();
  const list = useApi<Page<Agreement>>('/api/v1/agreements', listApiQuery(query.params, AGREEMENT_FILTERS));
  return (
    <section>
      <div className="list-head">
        <h1>Agreements</h1>
        {session.can('admin') ? (
          <Link to="/agreements/new" className="button primary">
            New agreement
          </Link>
        ) : null}
      </div>
      <AgreementFilters />
      {/* The export endpoint selects by incident filters or one agreement, not by the agreement list's
          filters; a party here means the agreement's party, so the same party there would select
          something else. The whole dataset is offered; one agreement's export is on its page. */}
      <ExportLinks filters={{}} what="records" />
      <DataView value={list} what="agreements">
        {(page) => <AgreementTable page={page} />}
      </DataView>
    </section>
  );
}
