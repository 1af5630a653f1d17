import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely, Transaction } from 'kysely';
import { isPostgres, lockWriters } from './dialect.js';

/**
 * Write transactions of one process take turns here BEFORE they take a pooled connection.
 *
 * Why: on PostgreSQL writers take turns on one advisory lock (lockWriters). Taken after the
 * transaction has its connection, every waiting writer held one of the pool's 10 connections while
 * doing nothing, and reads queued behind them for a connection (the soak saw 5–6 of 10 waiting in
 * pg_advisory_xact_lock at 30–50 writes/s, and every read's latency rose with the writes'). With
 * the turn taken first, a process holds at most one connection for writing and the rest serve
 * reads; the advisory lock still orders writers of different processes (API, CLI, workers).
 * SQLite has one connection and one writer by construction, so nothing is queued there.
 */
class WriterTurns {
  private tail: Promise<void> = Promise.resolve();
  private waiting = 0;

  /** Writers queued or writing in this process (for tests and diagnostics). */
  get depth(): number {
    return this.waiting;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let release = (): void => undefined;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    this.waiting += 1;
    try {
      await previous;
      return await work();
    } finally {
      this.waiting -= 1;
      release();
    }
  }
}

const turnsByDb = new WeakMap<object, WriterTurns>();
// A write transaction started while this async context already holds the turn (a nested write)
// runs without queueing again: queueing behind itself would wait forever.
const holdingTurn = new AsyncLocalStorage<object>();

function turnsFor(db: object): WriterTurns {
  let turns = turnsByDb.get(db);
  if (turns === undefined) {
    turns = new WriterTurns();
    turnsByDb.set(db, turns);
  }
  return turns;
}

/** Writers of `db` queued or writing in this process; always 0 on SQLite. */
export function queuedWriters(db: object): number {
  return turnsByDb.get(db)?.depth ?? 0;
}

/**
 * One write transaction: this process's writer turn (PostgreSQL), then a connection, then the
 * writer lock shared with other processes (lockWriters), then `work`. All of `work` lands or none.
 */
export async function writeTransaction<DB, T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  const transact = (): Promise<T> =>
    db.transaction().execute(async (trx) => {
      await lockWriters(trx);
      return work(trx);
    });
  if (!isPostgres(db) || holdingTurn.getStore() === db) return transact();
  return turnsFor(db).run(() => holdingTurn.run(db, transact));
}
