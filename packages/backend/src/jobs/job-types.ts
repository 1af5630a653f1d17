import type { JobPayload, JobRecord, JobState } from '@pactwatch/domain';

/**
 * The job queue as the rest of pactwatch sees it: the same interface whether the jobs live in
 * the SQLite `job` table (run by an in-process polling loop) or in pg-boss on PostgreSQL.
 */
// The job's public shape is a domain contract (the web app polls jobs and may not import this package).
export { JOB_STATES, type JobError, type JobPayload, type JobRecord, type JobState } from '@pactwatch/domain';

export interface EnqueueOptions {
  /** While a job with this key is waiting (created), enqueueing another returns that one. */
  readonly singletonKey?: string;
  readonly retryLimit?: number;
  readonly retryDelaySeconds?: number;
  /** Double the delay after each failed attempt. */
  readonly retryBackoff?: boolean;
  readonly startAfter?: Date;
  /** An active job not finished after this long counts as abandoned and is retried. */
  readonly expireInSeconds?: number;
  readonly createdBy?: string;
}

export interface JobListRequest {
  readonly state?: JobState;
  readonly name?: string;
  /** `nextCursor` of the previous page. */
  readonly cursor?: string;
  readonly limit: number;
}

/** Newest first; `nextCursor` is null on the last page. */
export interface JobPage {
  readonly jobs: readonly JobRecord[];
  readonly nextCursor: string | null;
}

/** Runs one job; what it returns (JSON) becomes the job's result. Throwing fails the attempt. */
export type JobHandler = (job: JobRecord) => Promise<unknown>;
export type JobHandlers = Readonly<Record<string, JobHandler>>;

export interface WorkOptions {
  /** Jobs run at once by this process (SQLite: in all; pg-boss: per job kind). */
  readonly concurrency: number;
  /** How often an idle worker looks for due jobs. */
  readonly pollIntervalMs?: number;
}

export interface StopOptions {
  /** How long to let running jobs finish before releasing them to other workers. */
  readonly timeoutMs?: number;
}

export interface JobQueue {
  readonly backend: 'sqlite' | 'pg-boss';
  enqueue(name: string, payload: JobPayload, options?: EnqueueOptions): Promise<JobRecord>;
  get(id: string): Promise<JobRecord | undefined>;
  list(request: JobListRequest): Promise<JobPage>;
  /** Jobs that failed after all their retries, newest first. */
  deadLetters(request: Omit<JobListRequest, 'state'>): Promise<JobPage>;
  /** Queues a failed (dead) or cancelled job again, with one more attempt allowed. */
  retry(id: string): Promise<JobRecord>;
  /** Cancels a job that has not started (created or waiting to retry). */
  cancel(id: string): Promise<JobRecord>;
  /** Starts running due jobs with these handlers until `stop`. */
  work(handlers: JobHandlers, options: WorkOptions): Promise<void>;
  /** Stops working: running jobs finish, or are released after the timeout; then closes connections. */
  stop(options?: StopOptions): Promise<void>;
}
