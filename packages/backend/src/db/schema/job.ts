import type { Generated } from 'kysely';

/**
 * The SQLite job queue (on PostgreSQL pg-boss keeps its own tables and this one stays empty).
 * Instants are milliseconds since the epoch, so claims and recovery compare numbers.
 */
export interface JobTable {
  seq: Generated<number>;
  id: string;
  name: string;
  /** created | active | retry | completed | failed | cancelled */
  state: string;
  /** JSON object; never holds secrets or file contents (uploads live in job_upload). */
  payload: string;
  result: string | null;
  /** JSON { message, code } of the last failed attempt. */
  error: string | null;
  attempts: number;
  retry_limit: number;
  retry_delay_seconds: number;
  /** 0/1: double the delay after each failed attempt. */
  retry_backoff: number;
  expire_in_seconds: number;
  singleton_key: string | null;
  created_by: string;
  created_at: number;
  start_after: number;
  started_at: number | null;
  completed_at: number | null;
  /** When an active job counts as abandoned by a crashed worker. */
  expire_at: number | null;
  /** Token of the worker run holding an active job: late results of a released run are ignored. */
  claim: string | null;
}

/** An uploaded import file, stored in the database so a worker on any machine can read it. */
export interface JobUploadTable {
  id: string;
  file_name: string;
  byte_size: number;
  sha256: string;
  content: Buffer;
  /** A mapping YAML sent with the file (tabular formats), or null. */
  mapping_text: string | null;
  created_by: string;
  created_at: string;
}

/** The latest `stats-refresh` result per agreement: the default trend analysis, ready to read. */
export interface TrendCacheTable {
  agreement_id: string;
  computed_at: string;
  /** JSON TrendReport, or null when the analysis could not be computed. */
  report: string | null;
  /** JSON { message, code } when it could not. */
  error: string | null;
}
