import { PactwatchError } from '@pactwatch/domain';
import type { WorkOptions } from './job-types.js';

/** Defaults shared by both back ends (pg-boss's own defaults, so the two behave alike). */
export const JOB_DEFAULTS = {
  retryLimit: 2,
  retryDelaySeconds: 0,
  expireInSeconds: 15 * 60,
  createdBy: 'pactwatch',
  pollIntervalMs: 1_000,
  stopTimeoutMs: 30_000,
} as const;

export const MAX_CONCURRENCY = 64;

export function checkWorkOptions(options: WorkOptions): void {
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1 || options.concurrency > MAX_CONCURRENCY) {
    throw new PactwatchError('USAGE', `concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}, got ${options.concurrency}`);
  }
  if (options.pollIntervalMs !== undefined && (!Number.isFinite(options.pollIntervalMs) || options.pollIntervalMs <= 0)) {
    throw new PactwatchError('USAGE', `poll interval must be a positive number of milliseconds, got ${options.pollIntervalMs}`);
  }
}
