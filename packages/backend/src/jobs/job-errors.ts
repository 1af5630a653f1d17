import { ERROR_CATALOGUE, PactwatchError, type ErrorCode } from '@pactwatch/domain';
import type { JobError } from './job-types.js';

/**
 * What a failed attempt leaves on the job: the catalogue code and message, never a stack (job
 * records are shown over the API). Errors that are not PactwatchErrors are bugs: INTERNAL.
 */
export function toJobError(error: unknown): JobError {
  if (error instanceof PactwatchError) return { message: error.message, code: error.code };
  return { message: error instanceof Error ? error.message : String(error), code: 'INTERNAL' };
}

/** Reads an error back from whatever a back end stored (pg-boss wraps some as `{ value }`). */
export function readJobError(stored: unknown): JobError | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const record = stored as { message?: unknown; code?: unknown; value?: unknown };
  if (typeof record.message !== 'string') return record.value === undefined ? null : readJobError(record.value);
  const code = typeof record.code === 'string' && record.code in ERROR_CATALOGUE ? (record.code as ErrorCode) : 'JOB_FAILED';
  return { message: record.message, code };
}

/** The error of a job that was left running by a worker that stopped or overran its limit. */
export function expiredJobError(expireInSeconds: number): JobError {
  return { message: `the worker running it stopped, or it ran past its ${expireInSeconds}-second limit`, code: 'JOB_FAILED' };
}

/** Delay before the next attempt once `attempts` runs have failed. */
export function retryDelayMs(attempts: number, delaySeconds: number, backoff: boolean): number {
  const factor = backoff ? 2 ** Math.min(16, Math.max(0, attempts - 1)) : 1;
  return Math.round(delaySeconds * factor * 1000);
}
