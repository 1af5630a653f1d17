import type { Actor, Incident, Provenance } from '@pactwatch/domain';

/** An incident as an importer maps it: the framework assigns the id and the provenance. */
export type ImportedIncident = Omit<Incident, 'id' | 'provenance'>;
export type ImportedActor = Omit<Actor, 'id'>;

export type MappedRecord =
  | {
      readonly kind: 'incident';
      readonly recordId: string;
      readonly value: ImportedIncident;
      /** Native files carry the record's own provenance; other formats leave it to the framework. */
      readonly provenance?: Provenance;
    }
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
  /**
   * 'derived' (default): record ids are made from the dataset and the source id, so external
   * datasets never collide with each other or with curated records. 'native': the source ids are
   * pactwatch ids already (the native JSON format) and are kept, for lossless round trips.
   */
  readonly ids?: 'derived' | 'native';
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
  /** Mapping YAML text sent with an upload (wins over `mapping`, which then only names it). */
  readonly mappingText?: string;
}

/** Parses one format into units; pure with respect to the store (never touches the database). */
export interface Importer {
  readonly format: string;
  parse(input: ImportInput): Promise<ParsedImport>;
}

/** A unit whose records all passed the model, with the hashes reconciliation compares. */
export interface PreparedUnit {
  readonly unit: ImportUnit;
  readonly incidents: ReadonlyArray<{ readonly value: Incident; readonly hash: string }>;
  readonly actors: ReadonlyArray<{ readonly value: Actor; readonly hash: string }>;
  readonly rawHash: string;
}
