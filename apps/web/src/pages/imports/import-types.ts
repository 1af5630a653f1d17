import type { ImportReport, JobRecord, JobState } from '@pactwatch/domain';

/**
 * Web-only helpers of the imports page. The shapes it reads (JobRecord, ImportReport,
 * StoredQuarantineEntry) are the domain's contracts, the same types the backend returns.
 */

/** States a job never leaves by itself: polling stops there. */
export const FINAL_STATES: readonly JobState[] = ['completed', 'failed', 'cancelled'];

type DraftFields = 'drafted' | 'alreadyDrafted' | 'asDrafts' | 'draftOrigin';
/**
 * A report as a job result holds it: results are kept as they were written, and imports run
 * before the review queue existed have no draft fields, so the page must not count on them.
 */
export type StoredImportReport = Omit<ImportReport, DraftFields> & Partial<Pick<ImportReport, DraftFields>>;

/** A job result is JSON of any shape; only a report with the reconciliation counts is shown as one. */
export function isImportReport(value: unknown): value is StoredImportReport {
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
export function jobFile(job: JobRecord): string {
  const name = job.payload['fileName'];
  return typeof name === 'string' ? name : '—';
}
