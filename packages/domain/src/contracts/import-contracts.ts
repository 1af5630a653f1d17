import type { Problem } from '../errors/pactwatch-error.js';
import type { EvaluationReport } from './evaluation-contracts.js';

/**
 * What an import reports and what its quarantine holds: the CLI's `--json`, an import job's result
 * and the quarantine endpoints. Declared here, once, so the web app reads the backend's own shape.
 */
export interface ImportChange {
  readonly sourceId: string;
  readonly records: ReadonlyArray<{ readonly id: string; readonly kind: 'incident' | 'actor'; readonly status: 'new' | 'changed' | 'unchanged'; readonly fields: readonly string[] }>;
}

/** Reconciliation of one import: read = stored + updated + unchanged + quarantined + drafted + alreadyDrafted (units). */
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
  /** With `asDrafts`: units whose incidents went to the review queue as pending drafts. */
  readonly drafted: number;
  /** With `asDrafts`: units skipped because the queue already holds them (pending, or decided on the same content). */
  readonly alreadyDrafted: number;
  readonly asDrafts: boolean;
  /** The review queue's origin of this run's drafts (`import:<dataset>`), or null without `asDrafts`. */
  readonly draftOrigin: string | null;
  readonly records: { readonly incidents: number; readonly actors: number };
  /** What an update changed, per unit (updated units only). */
  readonly changes: readonly ImportChange[];
  readonly problems: readonly Problem[];
  readonly warnings: readonly string[];
  /** What each unit's mapping normalised or could not map, per unit (the raw units keep the originals). */
  readonly notes: ReadonlyArray<{ readonly sourceId: string; readonly notes: readonly string[] }>;
  readonly evaluation: EvaluationReport | null;
}

/** A record that could not be used, as an import or load puts it in quarantine. */
export interface QuarantineEntry {
  readonly sourceFile: string;
  readonly locator: string;
  readonly recordKind: string;
  readonly recordId: string | null;
  readonly reason: string;
  /** The unit exactly as read, as JSON text. */
  readonly raw: string;
}

/** A quarantined record as stored, and as GET /api/v1/quarantine answers it. */
export interface StoredQuarantineEntry extends QuarantineEntry {
  readonly id: number;
  readonly batchId: number;
  readonly createdAt: string;
}
