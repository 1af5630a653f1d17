import type { Provenance } from '@pactwatch/domain';

export type RecordOrigin = 'curated' | 'imported' | 'user';

/**
 * Where a record came from, read from its provenance: seed-article records are the curated
 * dataset, imported ones came from an import, and `added` ones are the records entered here.
 * (The API stores the origin beside the record but does not send it; the curated dataset uses
 * `added` only for context events today, so the provenance tells them apart. If the API refuses
 * an edit anyway (409), its message is shown.)
 */
export function recordOrigin(provenance: Provenance): RecordOrigin {
  if (provenance.origin === 'seed-article') return 'curated';
  if (provenance.origin === 'imported') return 'imported';
  return 'user';
}

export function editableOrigin(provenance: Provenance): { readonly origin: RecordOrigin; readonly editable: boolean; readonly reason: string } {
  const origin = recordOrigin(provenance);
  if (origin === 'curated') return { origin, editable: false, reason: 'This record comes from the curated dataset and is read-only here: change its reviewed YAML file and run `pactwatch load`.' };
  if (origin === 'imported') return { origin, editable: false, reason: `This record was imported (${provenance.origin === 'imported' ? provenance.dataset : 'an import'}) and is read-only here: change the source and re-import it.` };
  return { origin, editable: true, reason: 'Entered through pactwatch: analysts can edit it.' };
}
