import type { Config } from '../config/config.js';
import type { Logger } from '../config/logger.js';
import type { Db } from '../db/connection.js';
import { createRepositories, type Repositories } from '../repositories/index.js';

/** What every service gets: the store, settings, a logger and a clock (injected for reproducibility). */
export interface ServiceContext {
  readonly db: Db;
  readonly config: Config;
  readonly logger: Logger;
  readonly now: () => Date;
}

export function repositories(ctx: ServiceContext): Repositories {
  return createRepositories(ctx.db);
}

/** Runs `work` in one transaction with repositories bound to it: all of it lands or none does. */
export async function inTransaction<T>(ctx: ServiceContext, work: (repos: Repositories) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute(async (trx) => work(createRepositories(trx)));
}
