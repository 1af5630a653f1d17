import type { Actor, Incident } from '@pactwatch/domain';

/** An incident as an importer maps it: the framework assigns the id and the provenance. */
export type ImportedIncident = Omit<Incident, 'id' | 'provenance'>;
export type ImportedActor = Omit<Actor, 'id'>;

export type MappedRecord =
  | { readonly kind: 'incident'; readonly recordId: string; readonly value: ImportedIncident }
  | { readonly kind: 'actor'; readonly recordId: string; readonly value: ImportedActor };

/**
 * One unit of input (a CSV/XLSX row, a STIX object, a MISP cluster): kept raw, and mapped to zero
 * or more pactwatch records. Reconciliation counts units: read = stored + updated + unchanged +
 * quarantined.
 */
export interface ImportUnit {
  /** Where in the file: "row 12", "object indicator--…", "cluster 'APT28'". */
  readonly locator: string;
  /** Stable id of the unit in its source (row id, UUID, STIX id). */
  readonly sourceId: string;
  /** The unit's type in the source ("incident", "intrusion-set", "row", "x-custom"). */
  readonly sourceType: string;
  /** The unit exactly as read, as JSON text. */
  readonly raw: string;
  readonly records: readonly MappedRecord[];
  /** Notes on what was normalised ("sponsor 'Iran (Islamic Republic of)' → IR"). */
  readonly notes?: readonly string[];
}

/** A unit that could not be used: kept in quarantine with where and why. */
export interface RejectedUnit {
  readonly locator: string;
  readonly sourceId?: string;
  readonly field?: string;
  readonly reason: string;
  readonly raw: string;
}

export interface ParsedImport {
  /** Source dataset name: records are identified by (dataset, record id) across versions. */
  readonly dataset: string;
  readonly version?: string;
  readonly units: readonly ImportUnit[];
  readonly rejected: readonly RejectedUnit[];
  /** File-level remarks (sheet used, columns ignored, encoding). */
  readonly warnings: readonly string[];
}

export interface ImportInput {
  readonly path: string;
  readonly bytes: Buffer;
  readonly fileHash: string;
  /** Mapping preset name or path of a mapping YAML, for tabular formats. */
  readonly mapping?: string;
}

/** Parses one format into units; pure with respect to the store (never touches the database). */
export interface Importer {
  readonly format: string;
  parse(input: ImportInput): Promise<ParsedImport>;
}
