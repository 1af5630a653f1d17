import type { Generated } from 'kysely';

export interface MetaTable {
  key: string;
  value: string;
}

/** One load or import run and its reconciliation: read = stored + updated + unchanged + quarantined. */
export interface ImportBatchTable {
  id: Generated<number>;
  kind: string;
  source: string;
  started_at: string;
  finished_at: string | null;
  status: string;
  read: number;
  stored: number;
  updated: number;
  unchanged: number;
  removed: number;
  quarantined: number;
}

/** Input records that could not be stored, kept verbatim with the reason. */
export interface QuarantineTable {
  id: Generated<number>;
  batch_id: number;
  source_file: string;
  locator: string;
  record_kind: string;
  record_id: string | null;
  reason: string;
  raw: string;
  created_at: string;
}
