import { PactwatchError } from '@pactwatch/domain';
import { isPostgres } from '../db/dialect.js';
import type { ServiceContext } from '../services/service-context.js';
import type { JobQueue } from './job-types.js';
import { PgBossJobQueue } from './pg-boss-job-queue.js';
import { SqliteJobQueue } from './sqlite-job-queue.js';

/** pg-boss on PostgreSQL (workers on several machines), the in-process queue on SQLite. */
export function createJobQueue(ctx: ServiceContext): JobQueue {
  if (!isPostgres(ctx.db)) return new SqliteJobQueue(ctx.db, { now: ctx.now, logger: ctx.logger });
  const url = ctx.config.databaseUrl;
  if (url === undefined) throw new PactwatchError('CONFIG_INVALID', 'the store is PostgreSQL but no database URL is configured for its job queue');
  return new PgBossJobQueue(ctx.db, { connectionString: url, logger: ctx.logger });
}
