import type { Config } from '../config/config.js';
import type { Logger } from '../config/logger.js';
import type { Db } from '../db/connection.js';
import { isPostgres } from '../db/dialect.js';
import { writeTransaction } from '../db/write-transaction.js';
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

/**
 * Runs `work` in one transaction with repositories bound to it: all of it lands or none does.
 * Writers take turns (see lockWriters), as SQLite makes them; `readOnly` work (an export) reads
 * one consistent snapshot instead, on PostgreSQL without waiting for or blocking any writer.
 */
export async function inTransaction<T>(ctx: ServiceContext, work: (repos: Repositories) => Promise<T>, options: { readOnly?: boolean } = {}): Promise<T> {
  if (options.readOnly === true && isPostgres(ctx.db)) {
    return ctx.db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(async (trx) => work(createRepositories(trx)));
  }
  // On SQLite a read-only transaction is an ordinary one: the single connection makes it consistent.
  if (options.readOnly === true) return ctx.db.transaction().execute(async (trx) => work(createRepositories(trx)));
  return writeTransaction(ctx.db, async (trx) => work(createRepositories(trx)));
}
