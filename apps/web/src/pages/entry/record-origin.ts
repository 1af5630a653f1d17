import type { Provenance } from '@pactwatch/domain';

export type RecordOrigin = 'curated' | 'imported' | 'user';

const ORIGIN_HEADER = 'x-record-origin';

function isOrigin(value: string | null | undefined): value is RecordOrigin {
  return value === 'curated' || value === 'imported' || value === 'user';
}

/** The origin the API states for a record it sent (GET /incidents/:id, /agreements/:id), if any. */
export function statedOrigin(headers: Headers | null | undefined): RecordOrigin | undefined {
  const value = headers?.get(ORIGIN_HEADER);
  return isOrigin(value) ? value : undefined;
}

/**
 * Where a record came from: what the API states in X-Record-Origin (the store's own record of it)
 * when present, else read from its provenance: seed-article records are the curated
 * dataset, imported ones came from an import, and `added` ones are the records entered here.
 * (The API stores the origin beside the record but does not send it; the curated dataset uses
 * `added` only for context events today, so the provenance tells them apart. If the API refuses
 * an edit anyway (409), its message is shown.)
 */
export function recordOrigin(provenance: Provenance, stated?: RecordOrigin): RecordOrigin {
  if (stated !== undefined) return stated;
  if (provenance.origin === 'seed-article') return 'curated';
  if (provenance.origin === 'imported') return 'imported';
  return 'user';
}

export function editableOrigin(provenance: Provenance, headers?: Headers | null): { readonly origin: RecordOrigin; readonly editable: boolean; readonly reason: string } {
  const origin = recordOrigin(provenance, statedOrigin(headers));
  if (origin === 'curated') return { origin, editable: false, reason: 'This record comes from the curated dataset and is read-only here: change its reviewed YAML file and run `pactwatch load`.' };
  if (origin === 'imported') return { origin, editable: false, reason: `This record was imported (${provenance.origin === 'imported' ? provenance.dataset : 'an import'}) and is read-only here: change the source and re-import it.` };
  return { origin, editable: true, reason: 'Entered through pactwatch: analysts can edit it.' };
}
