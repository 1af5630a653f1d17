import { isValidEdtf, VERDICTS } from '@pactwatch/domain';
import { useId } from 'react';
import type { Page } from '../../api/client.js';
import { useApi } from '../../api/use-api.js';
import { useQueryState } from '../../router/use-query-state.js';
import { VERDICT_LABELS } from '../../theme/palette.js';
import { ACTIVITY_OPTIONS } from './incident-summary.js';
import { INCIDENT_FILTERS } from './list-query.js';
import { StateDatalist, StateInput } from './state-options.js';
import { UrlInput, UrlSelect } from './url-input.js';

interface AgreementOption {
  readonly id: string;
  readonly title: string;
  readonly shortTitle?: string;
}

export const SEARCH_DEBOUNCE_MS = 300;

const VERDICT_OPTIONS = VERDICTS.map((v) => ({ value: v, label: VERDICT_LABELS[v] }));

/** The date filters take what the API takes: EDTF or ISO dates ("2015", "2015-09", "2015-09-25"). */
export function DateInput({ name, label }: { name: string; label: string }) {
  return <UrlInput name={name} label={label} size={11} placeholder="e.g. 2015-09" isValid={isValidEdtf} />;
}

/** Search text, debounced and written with replace (typing is not a history entry per letter). */
export function SearchInput({ label }: { label: string }) {
  return <UrlInput name="q" label={label} type="search" debounceMs={SEARCH_DEBOUNCE_MS} size={24} />;
}

export function ClearFilters({ keys }: { keys: readonly string[] }) {
  const query = useQueryState();
  const active = keys.some((k) => query.get(k) !== undefined);
  if (!active) return null;
  return (
    <button type="button" onClick={() => query.set({ ...Object.fromEntries(keys.map((k) => [k, null])), cursor: null })}>
      Clear filters
    </button>
  );
}

/** Every incident filter, each bound to its query-string key. */
export function IncidentFilters() {
  const listId = useId();
  const agreements = useApi<Page<AgreementOption>>('/api/v1/agreements', { limit: 500, sort: 'title' });
  const agreementOptions = agreements.state === 'ready' ? agreements.data.items.map((a) => ({ value: a.id, label: a.shortTitle ?? a.title })) : [];
  return (
    <form className="filters" role="search" aria-label="Filter incidents" onSubmit={(e) => e.preventDefault()}>
      <StateDatalist id={listId} />
      <SearchInput label="Search" />
      <StateInput name="party" label="Party (sponsor or victim)" listId={listId} />
      <StateInput name="sponsor" label="Sponsor" listId={listId} />
      <StateInput name="victim" label="Victim" listId={listId} />
      <DateInput name="from" label="From" />
      <DateInput name="to" label="To" />
      <UrlSelect name="activity" label="Activity" options={ACTIVITY_OPTIONS.map((a) => ({ value: a.id, label: a.label }))} />
      <UrlSelect name="agreement" label="Agreement" options={agreementOptions} />
      <UrlSelect name="verdict" label="Verdict" options={VERDICT_OPTIONS} />
      <UrlInput name="minConfidence" label="Minimum confidence" type="number" min={0} max={100} step={5} size={5} isValid={(v) => /^\d+$/.test(v) && Number(v) <= 100} />
      <ClearFilters keys={INCIDENT_FILTERS} />
    </form>
  );
}
