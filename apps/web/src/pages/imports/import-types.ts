/**
 * The shapes the imports page reads, mirrored from the API's contracts (apps/api/src/routes/
 * job-routes.ts, data-routes.ts) and the backend's ImportReport: the web app may not import either.
 */
export const JOB_STATES = ['created', 'active', 'retry', 'completed', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];
/** States a job never leaves by itself: polling stops there. */
export const FINAL_STATES: readonly JobState[] = ['completed', 'failed', 'cancelled'];

export interface Job {
  readonly id: string;
  readonly name: string;
  readonly state: JobState;
  readonly payload: Readonly<Record<string, unknown>>;
  /** For imports: the reconciliation report. */
  readonly result: unknown;
  readonly error: { readonly message: string; readonly code: string } | null;
  readonly attempts: number;
  readonly retryLimit: number;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly completedAt: string | null;
  readonly startAfter: string;
  readonly createdBy: string;
}

export interface ReportProblem {
  readonly file?: string;
  readonly path?: string;
  readonly line?: number;
  readonly reason: string;
}

export interface ImportChange {
  readonly sourceId: string;
  readonly records: ReadonlyArray<{ readonly id: string; readonly kind: 'incident' | 'actor'; readonly status: 'new' | 'changed' | 'unchanged'; readonly fields: readonly string[] }>;
}

/** Reconciliation of one import, in units: read = stored + updated + unchanged + quarantined + drafted + alreadyDrafted. */
export interface ImportReport {
  readonly batchId: number | null;
  readonly file: string;
  readonly format: string;
  readonly dataset: string;
  readonly version: string | null;
  readonly fileHash: string;
  readonly dryRun: boolean;
  readonly read: number;
  readonly stored: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly quarantined: number;
  /** Units proposed to the review queue (imports with asDrafts); absent in reports from before drafts. */
  readonly drafted?: number;
  /** Units skipped because the review queue already holds them. */
  readonly alreadyDrafted?: number;
  readonly asDrafts?: boolean;
  /** The drafts' origin in the review queue, `import:<dataset>`. */
  readonly draftOrigin?: string | null;
  readonly records: { readonly incidents: number; readonly actors: number };
  readonly changes: readonly ImportChange[];
  readonly problems: readonly ReportProblem[];
  readonly warnings: readonly string[];
  readonly notes: ReadonlyArray<{ readonly sourceId: string; readonly notes: readonly string[] }>;
  readonly evaluation: { readonly mode: 'full' | 'incremental'; readonly incidentsEvaluated: number; readonly findings: number; readonly durationMs: number } | null;
}

export interface QuarantineEntry {
  readonly id: number;
  readonly batchId: number;
  readonly sourceFile: string;
  readonly locator: string;
  readonly recordKind: string;
  readonly recordId: string | null;
  readonly reason: string;
  /** The unit exactly as read, as JSON text. */
  readonly raw: string;
  readonly createdAt: string;
}

/** A job result is JSON of any shape; only a report with the reconciliation counts is shown as one. */
export function isImportReport(value: unknown): value is ImportReport {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return ['read', 'stored', 'updated', 'unchanged', 'quarantined'].every((k) => typeof r[k] === 'number') && Array.isArray(r['problems']);
}

/** The formats POST /api/v1/imports takes, with what each reads. */
export const FORMATS = [
  { id: 'csv', label: 'CSV table (needs a mapping)' },
  { id: 'xlsx', label: 'Excel workbook (needs a mapping)' },
  { id: 'stix', label: 'STIX 2.1 bundle' },
  { id: 'misp-galaxy', label: 'MISP galaxy cluster file' },
  { id: 'json', label: 'pactwatch native JSON dataset' },
] as const;
export type ImportFormat = (typeof FORMATS)[number]['id'];

/** Mapping presets for the tabular formats (the datasets whose columns pactwatch knows). */
export const MAPPING_PRESETS = [
  { id: 'cfr', label: 'CFR Cyber Operations Tracker' },
  { id: 'eurepoc', label: 'EuRepoC' },
  { id: 'dcid', label: 'DCID (Dyadic Cyber Incident and Dispute)' },
] as const;

export const isTabular = (format: string): boolean => format === 'csv' || format === 'xlsx';

/**
 * A format guessed from the file name; the admin can change it. STIX bundles and MISP galaxies
 * are JSON files too, so their usual names decide before the bare extension does.
 */
export function suggestFormat(fileName: string): ImportFormat | null {
  const name = fileName.toLowerCase();
  if (name.endsWith('.csv') || name.endsWith('.tsv')) return 'csv';
  if (name.endsWith('.xlsx')) return 'xlsx';
  if (!name.endsWith('.json')) return null;
  if (name.includes('stix') || name.includes('bundle')) return 'stix';
  if (name.includes('misp') || name.includes('galaxy') || name.includes('cluster')) return 'misp-galaxy';
  return 'json';
}

/** A file name from an import job's payload (the upload's cleaned name). */
export function jobFile(job: Job): string {
  const name = job.payload['fileName'];
  return typeof name === 'string' ? name : '—';
}
