/**
 * A background job as the queue reports it and GET /api/v1/jobs answers it. Declared here, once,
 * because the web app polls jobs but may not import the backend that runs them.
 */
export const JOB_STATES = ['created', 'active', 'retry', 'completed', 'failed', 'cancelled'] as const;
/** `failed` is final: a job gets there only after all its retries (the dead-letter view). */
export type JobState = (typeof JOB_STATES)[number];

export type JobPayload = Readonly<Record<string, unknown>>;

/** Why the last attempt failed: a catalogue code (docs/ERRORS.md) and a message. */
export interface JobError {
  readonly message: string;
  readonly code: string;
}

export interface JobRecord {
  readonly id: string;
  readonly name: string;
  readonly state: JobState;
  readonly payload: JobPayload;
  /** The handler's result once completed, else null (for imports: the reconciliation report). */
  readonly result: unknown;
  /** The last failed attempt's error (kept while the job waits to be retried), else null. */
  readonly error: JobError | null;
  /** Runs started so far (the first run counts as one). */
  readonly attempts: number;
  /** Runs allowed after the first one fails. */
  readonly retryLimit: number;
  /** ISO 8601 instants. */
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly completedAt: string | null;
  readonly startAfter: string;
  /** Name of the principal who asked for the job ("pactwatch" for automatic ones). */
  readonly createdBy: string;
}
