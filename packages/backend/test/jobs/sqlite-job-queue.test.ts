import { createLogger, SqliteJobQueue, type Pactwatch } from '@pactwatch/backend';
import { PactwatchError } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { workspace } from '../helpers.js';
import { onPostgres } from '../test-store.js';
import { manualClock, waitForState } from './job-test-support.js';

// Backoff and crash recovery of the SQLite queue, driven by a hand-moved clock. Skipped in the
// postgres project: there pg-boss runs the jobs on the database server's clock (its own retry
// and expiry are exercised by job-queue.test.ts).
const logger = createLogger({ logLevel: 'silent' });

function sqliteQueue(app: Pactwatch, now: () => Date): SqliteJobQueue {
  const queue = new SqliteJobQueue(app.db, { now, logger });
  const close = app.close.bind(app);
  Object.assign(app, { close: async () => { await queue.stop({ timeoutMs: 1_000 }); await close(); } });
  return queue;
}

describe.skipIf(onPostgres)('SQLite job queue: backoff, crashes, shutdown', () => {
  it('waits an exponentially growing delay between attempts', async () => {
    const clock = manualClock();
    const queue = sqliteQueue(await workspace().open(), clock.now);
    let runs = 0;
    await queue.work({ flaky: async () => { runs += 1; throw new PactwatchError('DATABASE_ERROR', `busy ${runs}`); } }, { concurrency: 1, pollIntervalMs: 5 });
    const job = await queue.enqueue('flaky', {}, { retryLimit: 2, retryDelaySeconds: 10, retryBackoff: true });

    const first = await waitForState(queue, job.id, ['retry'], (j) => j.attempts === 1);
    expect(Date.parse(first.startAfter) - clock.ms()).toBe(10_000);
    expect(first.error).toEqual({ code: 'DATABASE_ERROR', message: 'busy 1' });

    clock.advance(9_999);
    // Not due yet: the job is still waiting after the worker has had many polls to look at it.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await queue.get(job.id))?.attempts).toBe(1);

    clock.advance(1);
    const second = await waitForState(queue, job.id, ['retry'], (j) => j.attempts === 2);
    expect(Date.parse(second.startAfter) - clock.ms()).toBe(20_000);

    clock.advance(20_000);
    const dead = await waitForState(queue, job.id, ['failed']);
    expect(dead).toMatchObject({ attempts: 3, error: { code: 'DATABASE_ERROR', message: 'busy 3' }, completedAt: new Date(clock.ms()).toISOString() });
    expect(runs).toBe(3);
  });

  it('recovers a job whose worker died, and ignores the dead run if it finishes late', async () => {
    const clock = manualClock();
    const ws = workspace();
    const [crashed, healthy] = [sqliteQueue(await ws.open(), clock.now), sqliteQueue(await ws.open(), clock.now)];
    let unblock: () => void = () => undefined;
    const blocked = new Promise<void>((resolve) => { unblock = resolve; });
    // The "crashed" worker takes the job and never comes back (until the very end of the test).
    await crashed.work({ slow: async () => { await blocked; return { by: 'crashed' }; } }, { concurrency: 1, pollIntervalMs: 5 });
    const job = await crashed.enqueue('slow', {}, { expireInSeconds: 60, retryLimit: 1 });
    await waitForState(crashed, job.id, ['active']);

    await healthy.work({ slow: async () => ({ by: 'healthy' }) }, { concurrency: 1, pollIntervalMs: 5 });
    clock.advance(60_001);
    const done = await waitForState(healthy, job.id, ['completed']);
    expect(done).toMatchObject({ attempts: 2, result: { by: 'healthy' } });

    unblock();
    await crashed.stop({ timeoutMs: 5_000 });
    expect((await healthy.get(job.id))?.result).toEqual({ by: 'healthy' });
  });

  it('fails an abandoned job for good once its retries are spent', async () => {
    const clock = manualClock();
    const ws = workspace();
    const crashed = sqliteQueue(await ws.open(), clock.now);
    const recoverer = sqliteQueue(await ws.open(), clock.now);
    let unblock: () => void = () => undefined;
    const blocked = new Promise<void>((resolve) => { unblock = resolve; });
    await crashed.work({ hang: async () => { await blocked; return {}; } }, { concurrency: 1, pollIntervalMs: 5 });
    const job = await crashed.enqueue('hang', {}, { expireInSeconds: 30, retryLimit: 0 });
    await waitForState(crashed, job.id, ['active']);
    // A worker for another kind still looks after abandoned jobs of every kind.
    await recoverer.work({ other: async () => ({}) }, { concurrency: 1, pollIntervalMs: 5 });
    clock.advance(30_001);
    const dead = await waitForState(recoverer, job.id, ['failed']);
    expect(dead.error).toEqual({ code: 'JOB_FAILED', message: 'the worker running it stopped, or it ran past its 30-second limit' });
    expect((await recoverer.deadLetters({ limit: 5 })).jobs.map((j) => j.id)).toEqual([job.id]);
    unblock();
  });

  it('stop() lets running jobs finish, and hands back those that overrun the timeout', async () => {
    const clock = manualClock();
    const ws = workspace();
    const queue = sqliteQueue(await ws.open(), clock.now);
    let unblock: () => void = () => undefined;
    const blocked = new Promise<void>((resolve) => { unblock = resolve; });
    await queue.work({ quick: async () => ({ quick: true }), stuck: async () => { await blocked; return {}; } }, { concurrency: 2, pollIntervalMs: 5 });
    const stuck = await queue.enqueue('stuck', {});
    await waitForState(queue, stuck.id, ['active']);
    await queue.stop({ timeoutMs: 20 });
    const released = await queue.get(stuck.id);
    expect(released).toMatchObject({ state: 'retry', attempts: 0 });
    unblock();

    const other = sqliteQueue(await ws.open(), clock.now);
    await other.work({ stuck: async () => ({ second: true }) }, { concurrency: 1, pollIntervalMs: 5 });
    expect(await waitForState(other, stuck.id, ['completed'])).toMatchObject({ attempts: 1, result: { second: true } });
    await expect(other.work({}, { concurrency: 1 })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(queue.work({}, { concurrency: 0 })).rejects.toMatchObject({ code: 'USAGE' });
  });
});
