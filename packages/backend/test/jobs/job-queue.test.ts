import type { JobRecord } from '@pactwatch/backend';
import { PactwatchError } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { workspace } from '../helpers.js';
import { onPostgres } from '../test-store.js';
import { queueOf, waitFor, waitForState } from './job-test-support.js';

// The JobQueue contract, run on whichever store the test project targets: the SQLite `job` table
// in the `sqlite` project, pg-boss in the `postgres` one. Delays are zero so nothing waits on time.
const FAST = { concurrency: 2, pollIntervalMs: 10 };

describe(`job queue (${onPostgres ? 'pg-boss' : 'SQLite'})`, () => {
  it('runs an enqueued job once and keeps its result, payload and creator', async () => {
    const app = await workspace().open();
    const queue = queueOf(app);
    const job = await queue.enqueue('echo', { word: 'hello' }, { createdBy: 'alice' });
    expect(job).toMatchObject({ name: 'echo', state: 'created', payload: { word: 'hello' }, attempts: 0, retryLimit: 2, createdBy: 'alice', result: null, error: null });
    const seen: JobRecord[] = [];
    await queue.work({ echo: async (j) => { seen.push(j); return { echoed: j.payload['word'] }; } }, FAST);
    const done = await waitForState(queue, job.id, ['completed']);
    expect(done).toMatchObject({ state: 'completed', result: { echoed: 'hello' }, attempts: 1, error: null, createdBy: 'alice' });
    expect(done.startedAt).not.toBeNull();
    expect(done.completedAt).not.toBeNull();
    expect(seen.map((j) => [j.id, j.state])).toEqual([[job.id, 'active']]);
  });

  it('retries a failing job, then keeps it as a dead letter with its last error, and retry() runs it again', async () => {
    const app = await workspace().open();
    const queue = queueOf(app);
    let healthy = false;
    let runs = 0;
    await queue.work(
      {
        flaky: async () => {
          runs += 1;
          if (!healthy) throw new PactwatchError('DATABASE_ERROR', `store unavailable (run ${runs})`);
          return { ok: true };
        },
      },
      FAST,
    );
    const job = await queue.enqueue('flaky', {}, { retryLimit: 1, retryDelaySeconds: 0 });
    const dead = await waitForState(queue, job.id, ['failed']);
    expect(dead).toMatchObject({ attempts: 2, retryLimit: 1, result: null, error: { code: 'DATABASE_ERROR', message: 'store unavailable (run 2)' } });
    expect(runs).toBe(2);
    const letters = await queue.deadLetters({ limit: 10 });
    expect(letters.jobs.map((j) => j.id)).toEqual([job.id]);

    healthy = true;
    const retried = await queue.retry(job.id);
    expect(retried.state).toBe('retry');
    const done = await waitForState(queue, job.id, ['completed']);
    expect(done).toMatchObject({ attempts: 3, result: { ok: true }, error: null });
    expect((await queue.deadLetters({ limit: 10 })).jobs).toEqual([]);
    await expect(queue.retry(job.id)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('lists newest first with a cursor, filters by state and name, and cancels a waiting job', async () => {
    const app = await workspace().open();
    const queue = queueOf(app);
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push((await queue.enqueue(i % 2 === 0 ? 'even' : 'odd', { i })).id);
    const first = await queue.list({ limit: 2 });
    const second = await queue.list({ limit: 2, cursor: first.nextCursor ?? '' });
    const third = await queue.list({ limit: 2, cursor: second.nextCursor ?? '' });
    expect([...first.jobs, ...second.jobs, ...third.jobs].map((j) => j.payload['i'])).toEqual([4, 3, 2, 1, 0]);
    expect(third.nextCursor).toBeNull();
    expect((await queue.list({ limit: 10, name: 'odd' })).jobs.map((j) => j.payload['i'])).toEqual([3, 1]);

    const cancelled = await queue.cancel(ids[0] ?? '');
    expect(cancelled.state).toBe('cancelled');
    expect((await queue.list({ limit: 10, state: 'cancelled' })).jobs.map((j) => j.id)).toEqual([ids[0]]);
    await expect(queue.cancel(ids[0] ?? '')).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await queue.get('not-a-job')).toBeUndefined();
    await expect(queue.retry('4b1c7f52-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(queue.list({ limit: 2, cursor: 'garbage' })).rejects.toMatchObject({ code: 'USAGE' });
  });

  it('coalesces jobs with the same singleton key while one is waiting', async () => {
    const app = await workspace().open();
    const queue = queueOf(app);
    const a = await queue.enqueue('evaluate-like', { n: 1 }, { singletonKey: 'k' });
    const b = await queue.enqueue('evaluate-like', { n: 2 }, { singletonKey: 'k' });
    const other = await queue.enqueue('evaluate-like', { n: 3 }, { singletonKey: 'other' });
    const plain1 = await queue.enqueue('evaluate-like', { n: 4 });
    const plain2 = await queue.enqueue('evaluate-like', { n: 5 });
    expect(b.id).toBe(a.id);
    expect(b.payload).toEqual({ n: 1 });
    expect(new Set([a.id, other.id, plain1.id, plain2.id]).size).toBe(4);
    await queue.work({ 'evaluate-like': async () => ({}) }, FAST);
    await waitForState(queue, a.id, ['completed']);
    const after = await queue.enqueue('evaluate-like', { n: 6 }, { singletonKey: 'k' });
    expect(after.id).not.toBe(a.id);
  });

  it('two workers on one store never run the same job twice', async () => {
    const ws = workspace();
    const [appA, appB] = [await ws.open(), await ws.open()];
    const [queueA, queueB] = [queueOf(appA), queueOf(appB)];
    const runs = new Map<string, string[]>();
    const handler = (worker: string) => async (job: JobRecord) => {
      runs.set(job.id, [...(runs.get(job.id) ?? []), worker]);
      await new Promise((resolve) => setTimeout(resolve, 1));
      return { worker };
    };
    const ids: string[] = [];
    for (let i = 0; i < 24; i += 1) ids.push((await queueA.enqueue('shared', { i })).id);
    await Promise.all([queueA.work({ shared: handler('A') }, { concurrency: 3, pollIntervalMs: 5 }), queueB.work({ shared: handler('B') }, { concurrency: 3, pollIntervalMs: 5 })]);
    await waitFor(async () => (await queueA.list({ limit: 50, state: 'completed' })).jobs.length, (n) => n === ids.length, 'all shared jobs to complete');
    expect([...runs.keys()].sort()).toEqual([...ids].sort());
    for (const [id, workers] of runs) expect(workers, `job ${id}`).toHaveLength(1);
    const results = (await queueB.list({ limit: 50 })).jobs.map((j) => (j.result as { worker: string }).worker);
    expect(results.filter((w) => w === 'A').length + results.filter((w) => w === 'B').length).toBe(ids.length);
  });
});
