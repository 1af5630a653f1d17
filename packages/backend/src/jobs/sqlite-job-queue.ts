import { randomUUID } from 'node:crypto';
import { PactwatchError } from '@pactwatch/domain';
import type { Logger } from '../config/logger.js';
import type { Db } from '../db/connection.js';
import { JobRepository, type JobRow } from '../repositories/job-repository.js';
import { readJson, writeJson } from '../util/json-column.js';
import { decodeJobCursor, encodeJobCursor, isJobId } from './job-cursor.js';
import { expiredJobError, retryDelayMs, toJobError } from './job-errors.js';
import { JOB_DEFAULTS, checkWorkOptions } from './job-options.js';
import type { EnqueueOptions, JobError, JobHandlers, JobListRequest, JobPage, JobPayload, JobQueue, JobRecord, JobState, StopOptions, WorkOptions } from './job-types.js';
import { PollingRunner } from './polling-runner.js';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

function toRecord(row: JobRow): JobRecord {
  return {
    id: row.id,
    name: row.name,
    state: row.state as JobState,
    payload: readJson<JobPayload>(row.payload) ?? {},
    result: row.state === 'completed' ? (readJson<unknown>(row.result) ?? null) : null,
    error: readJson<JobError>(row.error) ?? null,
    attempts: row.attempts,
    retryLimit: row.retry_limit,
    createdAt: new Date(row.created_at).toISOString(),
    startedAt: iso(row.started_at),
    completedAt: iso(row.completed_at),
    startAfter: new Date(row.start_after).toISOString(),
    createdBy: row.created_by,
  };
}

interface Claimed {
  readonly row: JobRow;
  readonly claim: string;
}

/**
 * Jobs in the SQLite `job` table, run by a polling loop inside whichever process calls `work`
 * (`pactwatch serve` or `pactwatch worker`). Several processes may work on one database file:
 * claims are single guarded UPDATEs, so a job runs once; a job whose worker died is found past
 * its deadline by any live worker and retried. The clock is injected so tests control backoff.
 */
export class SqliteJobQueue implements JobQueue {
  readonly backend = 'sqlite' as const;
  private readonly jobs: JobRepository;
  private runner: PollingRunner<Claimed> | undefined;

  constructor(
    db: Db,
    private readonly options: { readonly now: () => Date; readonly logger: Logger },
  ) {
    this.jobs = new JobRepository(db);
  }

  private now(): number {
    return this.options.now().getTime();
  }

  async enqueue(name: string, payload: JobPayload, options: EnqueueOptions = {}): Promise<JobRecord> {
    // Two tries: a pending singleton may start running between our insert and our look-up.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const now = this.now();
      const inserted = await this.jobs.insert({
        id: randomUUID(),
        name,
        state: 'created',
        payload: writeJson(payload),
        result: null,
        error: null,
        attempts: 0,
        retry_limit: options.retryLimit ?? JOB_DEFAULTS.retryLimit,
        retry_delay_seconds: options.retryDelaySeconds ?? JOB_DEFAULTS.retryDelaySeconds,
        retry_backoff: options.retryBackoff === true ? 1 : 0,
        expire_in_seconds: options.expireInSeconds ?? JOB_DEFAULTS.expireInSeconds,
        singleton_key: options.singletonKey ?? null,
        created_by: options.createdBy ?? JOB_DEFAULTS.createdBy,
        created_at: now,
        start_after: options.startAfter?.getTime() ?? now,
        started_at: null,
        completed_at: null,
        expire_at: null,
        claim: null,
      });
      if (inserted !== undefined) {
        this.runner?.wake();
        return toRecord(inserted);
      }
      const pending = options.singletonKey === undefined ? undefined : await this.jobs.pendingSingleton(name, options.singletonKey);
      if (pending !== undefined) return toRecord(pending);
    }
    throw new PactwatchError('CONFLICT', `job "${name}" could not be queued: its singleton key stayed taken`);
  }

  async get(id: string): Promise<JobRecord | undefined> {
    if (!isJobId(id)) return undefined;
    const row = await this.jobs.get(id);
    return row === undefined ? undefined : toRecord(row);
  }

  async list(request: JobListRequest): Promise<JobPage> {
    const cursor = request.cursor === undefined ? undefined : decodeJobCursor(request.cursor);
    const rows = await this.jobs.list({
      limit: request.limit + 1,
      ...(request.state === undefined ? {} : { state: request.state }),
      ...(request.name === undefined ? {} : { name: request.name }),
      ...(cursor === undefined ? {} : { beforeSeq: cursor.created }),
    });
    const page = rows.slice(0, request.limit);
    const last = page[page.length - 1];
    return { jobs: page.map(toRecord), nextCursor: rows.length > request.limit && last !== undefined ? encodeJobCursor({ created: last.seq, id: last.id }) : null };
  }

  deadLetters(request: Omit<JobListRequest, 'state'>): Promise<JobPage> {
    return this.list({ ...request, state: 'failed' });
  }

  async retry(id: string): Promise<JobRecord> {
    const job = await this.existing(id);
    const now = this.now();
    // As pg-boss does: a dead job gets one more attempt; a cancelled one goes back to the queue.
    const row =
      job.state === 'failed'
        ? await this.jobs.transition(id, 'failed', { state: 'retry', retry_limit: Math.max(job.retryLimit, job.attempts), start_after: now, completed_at: null })
        : job.state === 'cancelled'
          ? await this.jobs.transition(id, 'cancelled', { state: 'created', retry_limit: Math.max(job.retryLimit, job.attempts), start_after: now, completed_at: null })
          : undefined;
    if (row === undefined) throw new PactwatchError('CONFLICT', `job ${id} is ${job.state}; only failed or cancelled jobs can be retried`);
    this.runner?.wake();
    return toRecord(row);
  }

  async cancel(id: string): Promise<JobRecord> {
    const job = await this.existing(id);
    const row = job.state === 'created' || job.state === 'retry' ? await this.jobs.transition(id, job.state, { state: 'cancelled', completed_at: this.now() }) : undefined;
    if (row === undefined) throw new PactwatchError('CONFLICT', `job ${id} is ${job.state}; only jobs that have not started can be cancelled`);
    return toRecord(row);
  }

  private async existing(id: string): Promise<JobRecord> {
    const job = await this.get(id);
    if (job === undefined) throw new PactwatchError('NOT_FOUND', `no job "${id}"`);
    return job;
  }

  async work(handlers: JobHandlers, options: WorkOptions): Promise<void> {
    checkWorkOptions(options);
    if (this.runner !== undefined) throw new PactwatchError('CONFLICT', 'this process is already working on jobs');
    const names = Object.keys(handlers);
    this.runner = new PollingRunner<Claimed>({
      concurrency: options.concurrency,
      pollIntervalMs: options.pollIntervalMs ?? JOB_DEFAULTS.pollIntervalMs,
      claim: async () => {
        const claim = randomUUID();
        const row = await this.jobs.claim(names, this.now(), claim);
        return row === undefined ? undefined : { row, claim };
      },
      execute: (claimed) => this.execute(claimed, handlers),
      housekeeping: () => this.recoverExpired(),
      onError: (error) => this.options.logger.error({ err: error }, 'job worker error'),
    });
    this.runner.start();
  }

  private async execute({ row, claim }: Claimed, handlers: JobHandlers): Promise<void> {
    const handler = handlers[row.name];
    const log = this.options.logger.child({ job: { id: row.id, name: row.name, attempt: row.attempts } });
    log.info('job started');
    try {
      if (handler === undefined) throw new PactwatchError('INTERNAL', `no handler for job kind "${row.name}"`);
      const result = await handler(toRecord(row));
      const recorded = await this.jobs.complete(row.id, claim, writeJson(result ?? null), this.now());
      log.info(recorded ? 'job completed' : 'job finished after it was released or recovered; result dropped');
    } catch (error) {
      const failure = toJobError(error);
      const final = await this.failRun(row, claim, failure);
      log.warn({ error: failure }, final ? 'job failed after all retries' : 'job failed; will retry');
    }
  }

  /** Records a failed run; true when it was the last attempt allowed. */
  private async failRun(row: JobRow, claim: string, error: JobError): Promise<boolean> {
    const now = this.now();
    const final = row.attempts > row.retry_limit;
    await this.jobs.fail(row.id, claim, {
      state: final ? 'failed' : 'retry',
      error: writeJson(error),
      startAfter: final ? row.start_after : now + retryDelayMs(row.attempts, row.retry_delay_seconds, row.retry_backoff === 1),
      completedAt: final ? now : null,
    });
    return final;
  }

  private async recoverExpired(): Promise<void> {
    for (const row of await this.jobs.expired(this.now())) {
      if (row.claim === null) continue;
      const final = await this.failRun(row, row.claim, expiredJobError(row.expire_in_seconds));
      this.options.logger.warn({ job: { id: row.id, name: row.name } }, final ? 'abandoned job failed after all retries' : 'abandoned job queued again');
    }
  }

  async stop(options: StopOptions = {}): Promise<void> {
    const runner = this.runner;
    if (runner === undefined) return;
    this.runner = undefined;
    const unfinished = await runner.stop(options.timeoutMs ?? JOB_DEFAULTS.stopTimeoutMs);
    for (const { row, claim } of unfinished) await this.jobs.release(row.id, claim, this.now());
  }
}
