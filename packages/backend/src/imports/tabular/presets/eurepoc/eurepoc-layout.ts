import { basename } from 'node:path';
import type { ColumnIndex } from '../../table/table.js';

/**
 * Column names of the EuRepoC tables, each with the 1.1 spelling and the 1.3 spelling (lookup
 * ignores case, so `IL_breach_indicator` and `il_breach_indicator` meet). The 1.1 names are
 * taken from the published 1.1 files; the 1.3 names of the attribution and receiver tables are
 * assumed (docs/IMPORT-TABULAR.md lists which).
 */
export const INCIDENT_COLUMNS = {
  id: ['incident_id', 'ID'],
  name: ['name'],
  start: ['start_date'],
  end: ['end_date'],
  incidentType: ['incident_type', 'operation_type'],
  receiverCountry: ['receiver_country'],
  receiverAlpha2: ['receiver_country_alpha_2_code'],
  receiverCategory: ['receiver_category'],
  receiverSubcategory: ['receiver_subcategory', 'receiver_category_subcode'],
  receiverName: ['receiver_name'],
  initiatorName: ['initiator_name'],
  initiatorCountry: ['initiator_country'],
  initiatorAlpha2: ['initiator_alpha_2'],
  initiatorCategory: ['initiator_category'],
  attributionBasis: ['attribution_basis'],
  attributionType: ['attribution_type'],
  attributingActor: ['attributing_actor'],
  attributingCompany: ['attributing_company', 'attribution_it_company'],
  attributingCountry: ['attributing_country'],
  sources: ['source_url', 'sources_url'],
  attributionSources: ['attribution_source_url', 'sources_attribution'],
} as const;

export const ATTRIBUTION_COLUMNS = {
  incidentId: ['incident_id'],
  country: ['attributed_initiator_country', 'initiator_country'],
  alpha2: ['initiator_alpha_2'],
  category: ['attributed_initiator_category', 'initiator_category'],
  name: ['attributed_initiator', 'initiator_name'],
  basis: ['attribution_basis'],
  type: ['attribution_type'],
  actor: ['attributing_actor'],
  company: ['attribution_it_company', 'attributing_company'],
  attributingCountry: ['attributing_country'],
} as const;

export const RECEIVER_COLUMNS = {
  incidentId: ['incident_id', 'ID'],
  country: ['receiver_country', 'country'],
  alpha2: ['receiver_country_alpha_2_code'],
  category: ['receiver_category', 'category'],
  subcategory: ['receiver_subcategory', 'receiver_category_subcode', 'subcategory'],
  name: ['receiver_name', 'name'],
} as const;

export const INCIDENT_REQUIRED: ReadonlyArray<readonly string[]> = [INCIDENT_COLUMNS.id, INCIDENT_COLUMNS.start, INCIDENT_COLUMNS.incidentType, INCIDENT_COLUMNS.receiverCountry, INCIDENT_COLUMNS.initiatorCountry];

export type EurepocTableKind = 'incident' | 'attribution' | 'receiver';

/** Which EuRepoC table a header is: told apart by columns only one of them has. */
export function eurepocTableKind(columns: ColumnIndex): EurepocTableKind | undefined {
  if (columns.has(...INCIDENT_COLUMNS.incidentType) && columns.has(...INCIDENT_COLUMNS.start) && columns.has(...INCIDENT_COLUMNS.id)) return 'incident';
  if (columns.has(...ATTRIBUTION_COLUMNS.incidentId) && columns.has(...ATTRIBUTION_COLUMNS.basis) && columns.has(...ATTRIBUTION_COLUMNS.country)) return 'attribution';
  if (columns.has(...RECEIVER_COLUMNS.incidentId) && columns.has(...RECEIVER_COLUMNS.country) && columns.has(...RECEIVER_COLUMNS.category) && !columns.has(...ATTRIBUTION_COLUMNS.basis)) return 'receiver';
  return undefined;
}

/**
 * The release: from the file name ("…_1.1.csv", "…_1_3.csv") when it has one, else from the
 * header: 1.1 writes capitalised names (`ID`, `IL_breach_indicator`), 1.3 lower-case ones.
 */
export function eurepocVersion(path: string, columns: ColumnIndex): { version: string; layout: '1.1' | '1.3'; fromName: boolean } {
  const layout = columns.hasExact('IL_breach_indicator') || columns.hasExact('ID') ? '1.1' : '1.3';
  const matches = [...basename(path).matchAll(/(?:^|\D)(\d)[._](\d{1,2})(?=\D|$)/g)];
  const last = matches[matches.length - 1];
  return last === undefined ? { version: layout, layout, fromName: false } : { version: `${last[1] ?? ''}.${last[2] ?? ''}`, layout, fromName: true };
}
