export * from './job-types.js';
export { JobService, type ImportJobRequest, type JobListQuery } from './job-service.js';
export { JOB_KINDS, type ImportJobPayload, type EvaluateJobPayload, type EvaluateJobResult, type StatsRefreshResult } from './job-handlers.js';
export { createJobQueue } from './create-job-queue.js';
export { SqliteJobQueue } from './sqlite-job-queue.js';
export { PgBossJobQueue, PG_BOSS_SCHEMA } from './pg-boss-job-queue.js';
export type { CachedTrend } from '../repositories/trend-cache-repository.js';
