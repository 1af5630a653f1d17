import type { ActorRelation, AttributionBasis, IncidentMeans, TargetCategory } from '@pactwatch/domain';
import type { ActivityRule } from '../records/activity-rules.js';
import type { DateFormat } from '../values/tabular-dates.js';

/** A mapping YAML, validated: which column feeds which incident field (docs/IMPORT-TABULAR.md). */
export interface MappingSpec {
  readonly file: string;
  readonly dataset: string;
  readonly version?: string;
  /** XLSX: the sheet to read (default: the first). */
  readonly sheet?: string;
  /** CSV: the delimiter (default: detected from the header line). */
  readonly delimiter?: string;
  /** Column(s) whose values identify a row across versions; several are joined with "-". */
  readonly recordId: readonly string[];
  readonly title: string;
  /** Optional: without it a summary is written from the mapped fields. */
  readonly summary?: string;
  readonly start: DateColumn;
  readonly end?: DateColumn;
  readonly sponsors: ListColumn;
  readonly victims: ListColumn;
  readonly categories?: ListColumn & { readonly map: ReadonlyMap<string, TargetCategory | null> };
  readonly activities?: ListColumn & { readonly map: ReadonlyMap<string, readonly ActivityRule[]> };
  readonly actor?: string;
  readonly confidence: { readonly column?: string; readonly default: number };
  readonly basis: { readonly column?: string; readonly default: AttributionBasis; readonly map: ReadonlyMap<string, AttributionBasis> };
  readonly relation: ActorRelation;
  readonly attributedBy: { readonly column?: string; readonly default: string };
  readonly means: readonly IncidentMeans[];
  readonly sources: { readonly columns: readonly string[]; readonly publisher: string };
}

export interface DateColumn {
  readonly column: string;
  readonly format: DateFormat;
}

export interface ListColumn {
  readonly column: string;
  readonly separator: string;
}

export const MAPPING_KEYS = [
  'dataset', 'version', 'sheet', 'delimiter', 'recordId', 'title', 'summary', 'start', 'end', 'sponsors', 'victims',
  'categories', 'activities', 'actor', 'confidence', 'basis', 'relation', 'attributedBy', 'means', 'sources',
] as const;

/** Defaults of a mapping, documented in docs/IMPORT-TABULAR.md. */
export const MAPPING_DEFAULTS = {
  confidence: 60,
  basis: 'academic',
  relation: 'unknown',
  separator: ';',
  dateFormat: 'iso',
} as const;
