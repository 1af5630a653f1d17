import { isRole, PactwatchError, TREND_METHODS, type Principal } from '@pactwatch/domain';
import type { ImportReport, ImportService } from '../imports/import-service.js';
import type { JobUploadRepository } from '../repositories/job-upload-repository.js';
import type { CachedTrend, TrendCacheRepository } from '../repositories/trend-cache-repository.js';
import type { EvaluationReport, EvaluationService } from '../services/evaluation-service.js';
import { repositories, type ServiceContext } from '../services/service-context.js';
import type { TrendService } from '../services/trend-service.js';
import { toJobError } from './job-errors.js';
import type { JobError, JobHandler, JobPayload } from './job-types.js';

/** The job kinds pactwatch runs. `feed-poll` is registered by the feeds (issue 7) through JobService.registerHandler. */
export const JOB_KINDS = { import: 'import', evaluate: 'evaluate', statsRefresh: 'stats-refresh', feedPoll: 'feed-poll' } as const;

/** What an import job carries: a reference to its upload, never the file itself. */
export interface ImportJobPayload {
  readonly uploadId: string;
  readonly fileName: string;
  readonly byteSize: number;
  readonly sha256: string;
  readonly format: string;
  /** A mapping preset (cfr, eurepoc, dcid); a mapping YAML travels with the upload instead. */
  readonly mapping: string | null;
  readonly hasMappingText: boolean;
  readonly dataset: string | null;
  readonly dryRun: boolean;
  /** Propose the incidents to the review queue instead of storing them. */
  readonly asDrafts: boolean;
  /** Who uploaded the file: the import's audit entries and drafts name them, not the worker's machine. */
  readonly requestedBy: Principal;
}

export interface EvaluateJobPayload {
  readonly reason: string;
  readonly full: boolean;
}

export type EvaluateJobResult = EvaluationReport & { readonly reason: string };

export interface StatsRefreshResult {
  readonly computedAt: string;
  readonly agreements: number;
  readonly computed: number;
  readonly failed: ReadonlyArray<{ readonly agreementId: string } & JobError>;
}

/** Payloads are written by JobService; a mismatch means a job from another version or a bug. */
function field<T>(payload: JobPayload, key: string, check: (value: unknown) => value is T): T {
  const value = payload[key];
  if (!check(value)) throw new PactwatchError('INTERNAL', `job payload field "${key}" is missing or malformed`);
  return value;
}
const isString = (v: unknown): v is string => typeof v === 'string';
const isStringOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const PRINCIPAL_KINDS: ReadonlyArray<Principal['kind']> = ['user', 'token', 'cli', 'system', 'anonymous'];
export const isPrincipal = (v: unknown): v is Principal => {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Record<string, unknown>;
  return PRINCIPAL_KINDS.some((k) => k === p['kind']) && (p['id'] === null || typeof p['id'] === 'string') && typeof p['name'] === 'string' && (p['role'] === null || isRole(p['role']));
};
/** Fields added after the first release: jobs queued by an older version lack them. */
function optionalField<T>(payload: JobPayload, key: string, check: (value: unknown) => value is T): T | undefined {
  return payload[key] === undefined ? undefined : field(payload, key, check);
}

export function readImportPayload(payload: JobPayload): Pick<ImportJobPayload, 'uploadId' | 'fileName' | 'format' | 'mapping' | 'dataset' | 'dryRun' | 'asDrafts'> & { readonly requestedBy: Principal | undefined } {
  return {
    asDrafts: optionalField(payload, 'asDrafts', isBoolean) ?? false,
    requestedBy: optionalField(payload, 'requestedBy', isPrincipal),
    uploadId: field(payload, 'uploadId', isString),
    fileName: field(payload, 'fileName', isString),
    format: field(payload, 'format', isString),
    mapping: field(payload, 'mapping', isStringOrNull),
    dataset: field(payload, 'dataset', isStringOrNull),
    dryRun: field(payload, 'dryRun', isBoolean),
  };
}

/** Runs an uploaded import; the reconciliation report is the job's result. */
export function importHandler(deps: { imports: ImportService; uploads: JobUploadRepository; afterChange: () => Promise<void> }): JobHandler {
  return async (job): Promise<ImportReport> => {
    const payload = readImportPayload(job.payload);
    const upload = await deps.uploads.get(payload.uploadId);
    if (upload === undefined) throw new PactwatchError('FILE_ERROR', `the upload of ${payload.fileName} is no longer stored; upload the file again`);
    const report = await deps.imports.import({
      file: payload.fileName,
      format: payload.format,
      bytes: Buffer.from(upload.content),
      dryRun: payload.dryRun,
      asDrafts: payload.asDrafts,
      ...(payload.requestedBy === undefined ? {} : { by: { principal: payload.requestedBy } }),
      ...(payload.mapping === null ? {} : { mapping: payload.mapping }),
      ...(upload.mapping_text === null ? {} : { mappingText: upload.mapping_text }),
      ...(payload.dataset === null ? {} : { dataset: payload.dataset }),
    });
    // Kept until now so a failed attempt can be retried; a finished import no longer needs it.
    await deps.uploads.delete(payload.uploadId);
    // The import evaluated its changes itself; the cached statistics are now stale.
    if (!report.dryRun && report.stored + report.updated > 0) await deps.afterChange();
    return report;
  };
}

export function evaluateHandler(deps: { evaluation: EvaluationService; afterChange: () => Promise<void> }): JobHandler {
  return async (job): Promise<EvaluateJobResult> => {
    const reason = field(job.payload, 'reason', isString);
    const full = field(job.payload, 'full', isBoolean);
    const report = await deps.evaluation.evaluate({ full });
    if (report.mode === 'full' || report.incidentsEvaluated > 0) await deps.afterChange();
    return { reason, ...report };
  };
}

/**
 * Recomputes each agreement's default trend analysis (all methods, the CLI's `trend` defaults)
 * and replaces the cache, so the API reads statistics instead of fitting models per request. An
 * agreement whose analysis cannot be computed keeps the reason; a bug fails the whole job.
 */
export function statsRefreshHandler(deps: { ctx: ServiceContext; trends: TrendService; cache: TrendCacheRepository }): JobHandler {
  return async (): Promise<StatsRefreshResult> => {
    const computedAt = deps.ctx.now().toISOString();
    const agreementIds = [...(await repositories(deps.ctx).agreements.hashes()).keys()].sort();
    const entries: CachedTrend[] = [];
    for (const agreementId of agreementIds) {
      try {
        entries.push({ agreementId, computedAt, report: await deps.trends.trend({ agreementId, methods: [...TREND_METHODS] }), error: null });
      } catch (error) {
        if (!(error instanceof PactwatchError) || error.code === 'INTERNAL') throw error;
        entries.push({ agreementId, computedAt, report: null, error: toJobError(error) });
      }
    }
    await deps.cache.replaceAll(entries);
    const failed = entries.flatMap((e) => (e.error === null ? [] : [{ agreementId: e.agreementId, ...e.error }]));
    return { computedAt, agreements: entries.length, computed: entries.length - failed.length, failed };
  };
}
