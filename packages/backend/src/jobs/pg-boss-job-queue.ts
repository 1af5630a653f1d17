import { randomUUID } from 'node:crypto';
import { PactwatchError } from '@pactwatch/domain';
import PgBoss from 'pg-boss';
import type { Logger } from '../config/logger.js';
import type { Db } from '../db/connection.js';
import { PgBossJobRepository, type PgBossJobRow } from '../repositories/pg-boss-job-repository.js';
import { decodeJobCursor, encodeJobCursor, isJobId } from './job-cursor.js';
import { readJobError, toJobError } from './job-errors.js';
import { JOB_DEFAULTS, checkWorkOptions } from './job-options.js';
import type { EnqueueOptions, JobHandlers, JobListRequest, JobPage, JobPayload, JobQueue, JobRecord, JobState, StopOptions, WorkOptions } from './job-types.js';

export const PG_BOSS_SCHEMA = 'pgboss';

/** What pactwatch puts in a pg-boss job's `data`: the payload and who asked. */
interface JobData {
  readonly payload: JobPayload;
  readonly createdBy: string;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function toRecord(row: PgBossJobRow): JobRecord {
  const data: Record<string, unknown> = isObject(row.data) ? row.data : {};
  const state = row.state as JobState;
  const finished = state === 'completed' || state === 'failed' || state === 'cancelled';
  return {
    id: row.id,
    name: row.name,
    state,
    payload: isObject(data['payload']) ? data['payload'] : {},
    result: state === 'completed' && isObject(row.output) ? (row.output['result'] ?? null) : null,
    // pg-boss keeps the last failure's output until the job completes.
    error: state === 'completed' ? null : readJobError(row.output),
    attempts: row.retry_count + (row.started_on === null ? 0 : 1),
    retryLimit: row.retry_limit,
    createdAt: row.created_on.toISOString(),
    startedAt: row.started_on?.toISOString() ?? null,
    completedAt: finished ? (row.completed_on?.toISOString() ?? null) : null,
    startAfter: row.start_after.toISOString(),
    createdBy: typeof data['createdBy'] === 'string' ? data['createdBy'] : JOB_DEFAULTS.createdBy,
  };
}

/**
 * Jobs in PostgreSQL through pg-boss 10, so `pactwatch worker` processes on several machines share
 * them (pg-boss claims with SKIP LOCKED, retries with backoff and expires jobs of dead workers).
 * Every queue uses pg-boss's `short` policy (one waiting job per singleton key); a job enqueued
 * without a key gets its own id as key, so only jobs that ask to coalesce ever do, as on SQLite.
 * Two pg-boss instances: a lazily started client (send, cancel, retry; no maintenance) and, in a
 * process that works, a worker instance that also runs pg-boss's maintenance (expiry, archiving).
 */
export class PgBossJobQueue implements JobQueue {
  readonly backend = 'pg-boss' as const;
  private readonly jobs: PgBossJobRepository;
  private client: Promise<PgBoss> | undefined;
  private worker: PgBoss | undefined;
  private readonly queues = new Set<string>();
  /** Queue creations of this process, one after another (see `queue`). */
  private creating: Promise<unknown> = Promise.resolve();

  constructor(
    db: Db,
    private readonly options: { readonly connectionString: string; readonly logger: Logger; readonly schema?: string },
  ) {
    this.jobs = new PgBossJobRepository(db, this.schema);
  }

  private get schema(): string {
    return this.options.schema ?? PG_BOSS_SCHEMA;
  }

  private async boss(role: 'client' | 'worker', connections: number): Promise<PgBoss> {
    const boss = new PgBoss({
      connectionString: this.options.connectionString,
      schema: this.schema,
      max: connections,
      application_name: `pactwatch-${role}`,
      schedule: false,
      supervise: role === 'worker',
    });
    // pg-boss reports background failures (maintenance, polling) as events; unheard they would end the process.
    boss.on('error', (error) => this.options.logger.error({ err: { message: error.message } }, `pg-boss ${role} error`));
    try {
      await boss.start();
    } catch (error) {
      throw new PactwatchError('DATABASE_ERROR', `cannot start the pg-boss job queue: ${error instanceof Error ? error.message : String(error)}`);
    }
    return boss;
  }

  /** The client instance, started on first use (it also installs pg-boss's schema). */
  private started(): Promise<PgBoss> {
    this.client ??= this.boss('client', 2).catch((error: unknown) => {
      this.client = undefined;
      throw error;
    });
    return this.client;
  }

  /**
   * Makes sure pg-boss has the queue. pg-boss's createQueue takes locks that deadlock against a
   * concurrent createQueue (PostgreSQL then aborts one: seen in CI when an upload's enqueue and a
   * starting worker created different queues at once). So this process creates queues one at a
   * time, and an attempt that fails anyway (another process racing) is retried.
   */
  private async queue(boss: PgBoss, name: string): Promise<void> {
    if (this.queues.has(name)) return;
    const run = this.creating.then(() => this.createQueue(boss, name));
    this.creating = run.catch(() => undefined);
    await run;
    this.queues.add(name);
  }

  private async createQueue(boss: PgBoss, name: string): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      if ((await boss.getQueue(name)) !== null) return;
      try {
        await boss.createQueue(name, { name, policy: 'short' });
        return;
      } catch (error) {
        // Another process created it first, or this attempt was a deadlock victim: look again.
        if ((await boss.getQueue(name)) !== null) return;
        if (attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  }

  async enqueue(name: string, payload: JobPayload, options: EnqueueOptions = {}): Promise<JobRecord> {
    const boss = await this.started();
    await this.queue(boss, name);
    const id = randomUUID();
    const data: JobData = { payload, createdBy: options.createdBy ?? JOB_DEFAULTS.createdBy };
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const sent = await boss.send(name, data, {
        id,
        singletonKey: options.singletonKey ?? `job:${id}`,
        retryLimit: options.retryLimit ?? JOB_DEFAULTS.retryLimit,
        retryDelay: options.retryDelaySeconds ?? JOB_DEFAULTS.retryDelaySeconds,
        retryBackoff: options.retryBackoff === true,
        expireInSeconds: options.expireInSeconds ?? JOB_DEFAULTS.expireInSeconds,
        ...(options.startAfter === undefined ? {} : { startAfter: options.startAfter }),
      });
      const row = sent === null ? (options.singletonKey === undefined ? undefined : await this.jobs.pendingSingleton(name, options.singletonKey)) : await this.jobs.get(sent);
      if (row !== undefined) return toRecord(row);
    }
    throw new PactwatchError('CONFLICT', `job "${name}" could not be queued: its singleton key stayed taken`);
  }

  async get(id: string): Promise<JobRecord | undefined> {
    if (!isJobId(id)) return undefined;
    await this.started();
    const row = await this.jobs.get(id);
    return row === undefined ? undefined : toRecord(row);
  }

  async list(request: JobListRequest): Promise<JobPage> {
    const cursor = request.cursor === undefined ? undefined : decodeJobCursor(request.cursor);
    await this.started();
    const rows = await this.jobs.list({
      limit: request.limit + 1,
      ...(request.state === undefined ? {} : { state: request.state }),
      ...(request.name === undefined ? {} : { name: request.name }),
      ...(cursor === undefined ? {} : { before: { createdUs: cursor.created, id: cursor.id } }),
    });
    const page = rows.slice(0, request.limit);
    const last = page[page.length - 1];
    return { jobs: page.map(toRecord), nextCursor: rows.length > request.limit && last !== undefined ? encodeJobCursor({ created: Number(last.created_us), id: last.id }) : null };
  }

  deadLetters(request: Omit<JobListRequest, 'state'>): Promise<JobPage> {
    return this.list({ ...request, state: 'failed' });
  }

  private async existing(id: string): Promise<JobRecord> {
    const job = await this.get(id);
    if (job === undefined) throw new PactwatchError('NOT_FOUND', `no job "${id}"`);
    return job;
  }

  async retry(id: string): Promise<JobRecord> {
    const job = await this.existing(id);
    const boss = await this.started();
    // pg-boss's retry gives a failed job one more attempt; resume puts a cancelled one back.
    if (job.state === 'failed') await boss.retry(job.name, id);
    else if (job.state === 'cancelled') await boss.resume(job.name, id);
    else throw new PactwatchError('CONFLICT', `job ${id} is ${job.state}; only failed or cancelled jobs can be retried`);
    await this.jobs.makeDue(job.name, id);
    return this.existing(id);
  }

  async cancel(id: string): Promise<JobRecord> {
    const job = await this.existing(id);
    if (job.state !== 'created' && job.state !== 'retry') throw new PactwatchError('CONFLICT', `job ${id} is ${job.state}; only jobs that have not started can be cancelled`);
    const boss = await this.started();
    await boss.cancel(job.name, id);
    return this.existing(id);
  }

  async work(handlers: JobHandlers, options: WorkOptions): Promise<void> {
    checkWorkOptions(options);
    if (this.worker !== undefined) throw new PactwatchError('CONFLICT', 'this process is already working on jobs');
    const names = Object.keys(handlers);
    const worker = await this.boss('worker', Math.min(20, options.concurrency * names.length + 2));
    this.worker = worker;
    const pollingIntervalSeconds = Math.max(0.5, (options.pollIntervalMs ?? JOB_DEFAULTS.pollIntervalMs) / 1000);
    for (const [name, handler] of Object.entries(handlers)) {
      await this.queue(worker, name);
      // pg-boss 10 runs one job at a time per worker: `concurrency` workers per kind.
      for (let i = 0; i < options.concurrency; i += 1) {
        await worker.work<JobData>(name, { batchSize: 1, includeMetadata: true, pollingIntervalSeconds }, async (jobs) => {
          const job = jobs[0];
          if (job === undefined) return undefined;
          const record = await this.get(job.id);
          if (record === undefined) throw new PactwatchError('INTERNAL', `job ${job.id} vanished while starting`);
          const log = this.options.logger.child({ job: { id: job.id, name, attempt: record.attempts } });
          log.info('job started');
          try {
            const result = await handler(record);
            log.info('job completed');
            return { result: result ?? null };
          } catch (error) {
            const failure = toJobError(error);
            log.warn({ error: failure }, 'job attempt failed');
            // pg-boss stores what is thrown as the job's output: a plain object keeps stacks out.
            throw failure;
          }
        });
      }
    }
  }

  async stop(options: StopOptions = {}): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    // Graceful: running jobs get the timeout to finish; pg-boss then fails what is left, which
    // sends it back to the queue as a retry for another worker.
    if (worker !== undefined) await worker.stop({ graceful: true, wait: true, timeout: options.timeoutMs ?? JOB_DEFAULTS.stopTimeoutMs });
    const client = this.client;
    this.client = undefined;
    if (client !== undefined) await (await client.catch(() => undefined))?.stop({ graceful: false, wait: true });
  }
}
