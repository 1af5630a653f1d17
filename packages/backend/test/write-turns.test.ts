import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { queuedWriters, writeTransaction } from '../src/db/write-transaction.js';
import { AGREEMENT_YAML, workspace } from './helpers.js';
import { onPostgres } from './test-store.js';

/**
 * Writers of one process take turns before they take a connection (db/write-transaction.ts), so
 * queued writers never hold the pool's connections and reads are not stuck behind them. Found by
 * the soak (docs/RELIABILITY.md): on PostgreSQL 5–6 of 10 connections sat in pg_advisory_xact_lock.
 */
describe('write transactions take turns before taking a connection', () => {
  it('runs one writer at a time in this process, in arrival order, and every write lands', async () => {
    const ws = workspace();
    const app = await ws.open();
    await sql`create table turn_probe (n integer not null)`.execute(app.db);
    let inside = 0;
    let most = 0;
    const order: number[] = [];
    const writers = Array.from({ length: 25 }, (_, n) =>
      writeTransaction(app.db, async (trx) => {
        inside += 1;
        most = Math.max(most, inside);
        await sql`insert into turn_probe (n) values (${n})`.execute(trx);
        // Yield to the event loop mid-transaction, where an unqueued writer would slip in.
        await new Promise((resolve) => setImmediate(resolve));
        order.push(n);
        inside -= 1;
      }),
    );
    if (onPostgres) expect(queuedWriters(app.db)).toBe(25);
    await Promise.all(writers);
    expect(most).toBe(1);
    expect(order).toEqual(Array.from({ length: 25 }, (_, n) => n));
    expect(queuedWriters(app.db)).toBe(0);
    const rows = await sql<{ n: number }>`select count(*) as n from turn_probe`.execute(app.db);
    expect(Number(rows.rows[0]?.n)).toBe(25);
  });

  it('a failed writer rolls back and hands the turn on', async () => {
    const ws = workspace();
    const app = await ws.open();
    await sql`create table turn_fail (n integer not null)`.execute(app.db);
    const failing = writeTransaction(app.db, async (trx) => {
      await sql`insert into turn_fail (n) values (1)`.execute(trx);
      throw new Error('boom');
    });
    const next = writeTransaction(app.db, async (trx) => sql`insert into turn_fail (n) values (2)`.execute(trx));
    await expect(failing).rejects.toThrow('boom');
    await next;
    const rows = await sql<{ n: number }>`select n from turn_fail`.execute(app.db);
    expect(rows.rows.map((r) => Number(r.n))).toEqual([2]);
  });

  it.skipIf(!onPostgres)('PostgreSQL: with 30 writers queued, a read gets a connection at once instead of queueing behind them', async () => {
    const ws = workspace();
    ws.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
    const app = await ws.open();
    await app.dataset.load();
    const done: string[] = [];
    // More writers than the pool has connections (10): before the turns, writers 1–10 held all
    // of them (one writing, nine waiting on the advisory lock) and the read queued behind 20 more.
    const writers = Array.from({ length: 30 }, (_, n) =>
      writeTransaction(app.db, async (trx) => {
        await sql`select pg_sleep(0.05)`.execute(trx);
      }).then(() => done.push(`w${n}`)),
    );
    await new Promise((resolve) => setImmediate(resolve));
    const read = app.query.agreements().then((list) => {
      done.push('read');
      return list;
    });
    expect((await read).map((a) => a.id)).toEqual(['us-cn-test']);
    await Promise.all(writers);
    expect(done).toHaveLength(31);
    // Without the turns the read came 21st–23rd (pool queue order); with them, within a few writers.
    expect(done.indexOf('read')).toBeLessThan(10);
    // While the read ran, the writers used at most one connection between them.
    const waiting = await sql<{ n: number }>`select count(*) as n from pg_stat_activity where datname = current_database() and wait_event = 'advisory'`.execute(app.db);
    expect(Number(waiting.rows[0]?.n)).toBe(0);
  });
});
