import { createHash, randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { PactwatchError, type Principal } from '@pactwatch/domain';
import type { ImportService } from '../imports/import-service.js';
import { TABULAR_PRESETS } from '../imports/tabular/presets/preset-registry.js';
import { JobUploadRepository } from '../repositories/job-upload-repository.js';
import { TrendCacheRepository, type CachedTrend } from '../repositories/trend-cache-repository.js';
import type { EvaluationService } from '../services/evaluation-service.js';
import type { ServiceContext } from '../services/service-context.js';
import type { TrendService } from '../services/trend-service.js';
import { evaluateHandler, importHandler, JOB_KINDS, statsRefreshHandler, type ImportJobPayload } from './job-handlers.js';
import { FEED_POLL_POLICY, type FeedPollJobPayload } from './feed-poll-job.js';
import type { EnqueueOptions, JobHandler, JobListRequest, JobPage, JobPayload, JobQueue, JobRecord, JobState, StopOptions } from './job-types.js';

export interface ImportJobRequest {
  /** The uploaded file's name (only its last path segment is kept). */
  readonly fileName: string;
  readonly content: Buffer;
  readonly format: string;
  /** A mapping preset for csv/xlsx: cfr, eurepoc or dcid. */
  readonly mapping?: string;
  /** A mapping YAML sent with the file, for csv/xlsx tables no preset fits. */
  readonly mappingText?: string;
  /** Names the source dataset instead of the format or mapping. */
  readonly dataset?: string;
  readonly dryRun?: boolean;
  /** Propose the incidents to the review queue instead of storing them. */
  readonly asDrafts?: boolean;
  readonly principal: Principal;
}

export interface JobListQuery {
  readonly state?: JobState;
  readonly name?: string;
  readonly cursor?: string;
  /** 1–200; default 50. */
  readonly limit?: number;
}

const MAX_PAGE = 200;
const PRESETS = TABULAR_PRESETS.map((p) => p.id);

/** Retry policies per kind: imports rarely fail for passing reasons, evaluations may meet a busy store. */
const POLICY = {
  import: { retryLimit: 1, retryDelaySeconds: 10, retryBackoff: true, expireInSeconds: 3_600 },
  evaluate: { retryLimit: 3, retryDelaySeconds: 5, retryBackoff: true, expireInSeconds: 3_600 },
  statsRefresh: { retryLimit: 2, retryDelaySeconds: 30, retryBackoff: true, expireInSeconds: 1_800 },
} as const;

function pageSize(limit: number | undefined): number {
  if (limit === undefined) return 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw new PactwatchError('USAGE', `limit must be a whole number from 1 to ${MAX_PAGE}, got ${limit}`);
  return limit;
}

/** A file name as it may be shown and stored: last segment, no control characters, bounded. */
function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 255);
  if (cleaned === '' || cleaned === '.' || cleaned === '..') throw new PactwatchError('USAGE', `the upload needs a file name, got "${name}"`);
  return cleaned;
}

/**
 * Background work: imports of uploaded files, re-evaluation, statistics refresh (and, later,
 * feed polling). Requests are queued here by the API and CLI; `startWorker` runs them in this
 * process (the API server on SQLite, or `pactwatch worker` processes on either database).
 */
export class JobService {
  private readonly uploads: JobUploadRepository;
  private readonly trendCache: TrendCacheRepository;
  private readonly extraHandlers = new Map<string, JobHandler>();

  constructor(
    private readonly ctx: ServiceContext,
    private readonly queue: JobQueue,
    private readonly services: { readonly imports: ImportService; readonly evaluation: EvaluationService; readonly trends: TrendService },
  ) {
    this.uploads = new JobUploadRepository(ctx.db);
    this.trendCache = new TrendCacheRepository(ctx.db);
  }

  /** Stores the upload in the database and queues its import; the job's result is the reconciliation report. */
  async enqueueImport(request: ImportJobRequest): Promise<JobRecord> {
    const formats = this.services.imports.formats();
    if (!formats.includes(request.format)) throw new PactwatchError('USAGE', `format must be one of ${formats.join(', ')}, got "${request.format}"`);
    // Only presets by name: a path would read a file on the server's disk.
    if (request.mapping !== undefined && !PRESETS.includes(request.mapping)) throw new PactwatchError('USAGE', `mapping must be one of ${PRESETS.join(', ')} (send a mapping YAML as mapping text), got "${request.mapping}"`);
    const maxBytes = Math.floor(this.ctx.config.server.maxUploadMb * 1024 * 1024);
    if (request.content.length > maxBytes) throw new PactwatchError('PAYLOAD_TOO_LARGE', `the upload is ${request.content.length} bytes; the limit is ${maxBytes} (PACTWATCH_MAX_UPLOAD_MB)`);
    const fileName = cleanFileName(request.fileName);
    const uploadId = randomUUID();
    const sha256 = createHash('sha256').update(request.content).digest('hex');
    await this.uploads.insert({
      id: uploadId,
      file_name: fileName,
      byte_size: request.content.length,
      sha256,
      content: request.content,
      mapping_text: request.mappingText ?? null,
      created_by: request.principal.name,
      created_at: this.ctx.now().toISOString(),
    });
    const payload: ImportJobPayload = {
      uploadId,
      fileName,
      byteSize: request.content.length,
      sha256,
      format: request.format,
      mapping: request.mapping ?? null,
      hasMappingText: request.mappingText !== undefined,
      dataset: request.dataset ?? null,
      dryRun: request.dryRun === true,
      asDrafts: request.asDrafts === true,
      requestedBy: request.principal,
    };
    try {
      return await this.queue.enqueue(JOB_KINDS.import, { ...payload }, { ...POLICY.import, createdBy: request.principal.name });
    } catch (error) {
      await this.uploads.delete(uploadId);
      throw error;
    }
  }

  /**
   * Queues a re-evaluation of findings. Call it after committing any change to incidents,
   * attributions, agreements or commitments: while one is still waiting, further calls return
   * that job, so a burst of edits costs one evaluation.
   */
  async enqueueEvaluation(principal: Principal, reason: string, options: { readonly full?: boolean } = {}): Promise<JobRecord> {
    const full = options.full === true;
    return this.queue.enqueue(JOB_KINDS.evaluate, { reason, full }, { ...POLICY.evaluate, singletonKey: full ? 'full' : 'incremental', createdBy: principal.name });
  }

  /** Queues a poll of one feed (issue 7); while one waits for that feed, this returns it. */
  async enqueueFeedPoll(feedId: string, principal: Principal): Promise<JobRecord> {
    const payload: FeedPollJobPayload = { feedId, requestedBy: principal };
    return this.queue.enqueue(JOB_KINDS.feedPoll, { ...payload }, { ...FEED_POLL_POLICY, singletonKey: `feed:${feedId}`, createdBy: principal.name });
  }

  /** Queues a recomputation of every agreement's cached trend statistics (coalesced like evaluations). */
  async enqueueStatsRefresh(principal: Principal): Promise<JobRecord> {
    return this.queue.enqueue(JOB_KINDS.statsRefresh, {}, { ...POLICY.statsRefresh, singletonKey: 'all', createdBy: principal.name });
  }

  async get(id: string): Promise<JobRecord> {
    const job = await this.queue.get(id);
    if (job === undefined) throw new PactwatchError('NOT_FOUND', `no job "${id}"; list them with \`pactwatch jobs list\``);
    return job;
  }

  list(query: JobListQuery = {}): Promise<JobPage> {
    return this.queue.list(this.listRequest(query));
  }

  /** Jobs that failed after all their retries (state `failed`), newest first. */
  deadLetters(query: Omit<JobListQuery, 'state'> = {}): Promise<JobPage> {
    return this.queue.deadLetters(this.listRequest(query));
  }

  private listRequest(query: JobListQuery): JobListRequest {
    return {
      limit: pageSize(query.limit),
      ...(query.state === undefined ? {} : { state: query.state }),
      ...(query.name === undefined ? {} : { name: query.name }),
      ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
    };
  }

  /** Queues a failed (dead) or cancelled job again, with one more attempt. */
  retry(id: string): Promise<JobRecord> {
    return this.queue.retry(id);
  }

  /** Cancels a job that has not started yet. */
  cancel(id: string): Promise<JobRecord> {
    return this.queue.cancel(id);
  }

  /** The last statistics refresh's trend analysis of an agreement, if one has run. */
  cachedTrend(agreementId: string): Promise<CachedTrend | undefined> {
    return this.trendCache.get(agreementId);
  }

  /** Adds a job kind (feed polling, issue 7); call before `startWorker`. */
  registerHandler(name: string, handler: JobHandler): void {
    if (this.handlers()[name] !== undefined) throw new PactwatchError('CONFLICT', `job kind "${name}" already has a handler`);
    this.extraHandlers.set(name, handler);
  }

  /** Queues a job of a kind added with `registerHandler` (e.g. `alert-delivery`). */
  async enqueueRegistered(name: string, payload: JobPayload, options: EnqueueOptions = {}): Promise<JobRecord> {
    if (!this.extraHandlers.has(name)) throw new PactwatchError('INTERNAL', `job kind "${name}" has no registered handler`);
    return this.queue.enqueue(name, payload, options);
  }

  private handlers(): Record<string, JobHandler> {
    // Alerts scan in the evaluation itself (EvaluationService.onFindingsChanged), for jobs and CLI alike.
    const refreshStats = async (): Promise<void> => {
      await this.queue.enqueue(JOB_KINDS.statsRefresh, {}, { ...POLICY.statsRefresh, singletonKey: 'all' });
    };
    return {
      [JOB_KINDS.import]: importHandler({ imports: this.services.imports, uploads: this.uploads, afterChange: refreshStats }),
      [JOB_KINDS.evaluate]: evaluateHandler({ evaluation: this.services.evaluation, afterChange: refreshStats }),
      [JOB_KINDS.statsRefresh]: statsRefreshHandler({ ctx: this.ctx, trends: this.services.trends, cache: this.trendCache }),
      ...Object.fromEntries(this.extraHandlers),
    };
  }

  /** Runs queued jobs in this process until `stop`; `concurrency` jobs at once. */
  startWorker(options: { readonly concurrency: number; readonly pollIntervalMs?: number }): Promise<void> {
    this.ctx.logger.info({ backend: this.queue.backend, concurrency: options.concurrency }, 'job worker started');
    return this.queue.work(this.handlers(), options);
  }

  /** Stops the worker (running jobs finish, or go back to the queue after the timeout) and closes the queue. */
  stop(options: StopOptions = {}): Promise<void> {
    return this.queue.stop(options);
  }
}
