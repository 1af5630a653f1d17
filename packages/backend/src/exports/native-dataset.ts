import type { Actor, Agreement, AgreementInput, ContextEvent, Group, Incident } from '@pactwatch/domain';

export const NATIVE_FORMAT = 'pactwatch';
export const NATIVE_VERSION = 1;

/**
 * The native dataset file (`export --format json`, `import --format json`): every record exactly
 * as the curated YAML holds it (ids, ISO codes, EDTF strings, provenance), by kind.
 */
export interface NativeDataset {
  readonly format: typeof NATIVE_FORMAT;
  readonly version: typeof NATIVE_VERSION;
  readonly groups: readonly Group[];
  readonly actors: readonly Actor[];
  readonly agreements: readonly AgreementInput[];
  readonly incidents: readonly Incident[];
  readonly contextEvents: readonly ContextEvent[];
}

/** An agreement as its YAML file writes it: commitments by local id, without the derived ids. */
export function toAgreementRecord(agreement: Agreement): AgreementInput {
  return {
    ...agreement,
    commitments: agreement.commitments.map(({ id: _fullId, localId, agreementId: _agreementId, ...commitment }) => ({ id: localId, ...commitment })),
  };
}

export function nativeDataset(records: { groups: readonly Group[]; actors: readonly Actor[]; agreements: readonly Agreement[]; incidents: readonly Incident[]; contextEvents: readonly ContextEvent[] }): NativeDataset {
  return {
    format: NATIVE_FORMAT,
    version: NATIVE_VERSION,
    groups: records.groups,
    actors: records.actors,
    agreements: records.agreements.map(toAgreementRecord),
    incidents: records.incidents,
    contextEvents: records.contextEvents,
  };
}

/** Two-space JSON and a final newline: equal stores give identical bytes. */
export function nativeDatasetJson(dataset: NativeDataset): string {
  return `${JSON.stringify(dataset, null, 2)}\n`;
}
