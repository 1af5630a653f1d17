import { PG_BOSS_SCHEMA, type JobRecord } from '@pactwatch/backend';
import { PactwatchError } from '@pactwatch/domain';
import { sql } from 'kysely';
import PgBoss from 'pg-boss';
import { describe, expect, it } from 'vitest';
import { workspace } from '../helpers.js';
import { onPostgres } from '../test-store.js';
import { queueOf, waitFor, waitForState } from './job-test-support.js';

// pg-boss needs PostgreSQL: these run in the `postgres` test project only (PACTWATCH_TEST_DATABASE_URL
// set; .ci/run starts a throwaway cluster). The back-end-neutral contract is in job-queue.test.ts.
describe.skipIf(!onPostgres)('pg-boss job queue', () => {
  it('creates queues for concurrent enqueues and workers, in one process and across two, without failing', async () => {
    const ws = workspace();
    const [appA, appB] = [await ws.open(), await ws.open()];
    const [queueA, queueB] = [queueOf(appA), queueOf(appB)];
    const names = ['import', 'evaluate', 'stats-refresh', 'extra-a', 'extra-b'];
    const noop = async () => ({ ok: true });
    const jobs = await Promise.all([
      ...names.map((name) => queueA.enqueue(name, { from: 'A' })),
      ...names.map((name) => queueB.enqueue(name, { from: 'B' })),
      queueA.work(Object.fromEntries(names.map((name) => [name, noop])), { concurrency: 1, pollIntervalMs: 500 }).then(() => undefined),
    ]);
    const enqueued = jobs.filter((j): j is JobRecord => j !== undefined);
    expect(enqueued).toHaveLength(names.length * 2);
    for (const job of enqueued) expect(await waitForState(queueA, job.id, ['completed'])).toMatchObject({ error: null });
  });

  it('shares retried jobs between two workers through pg-boss, each run once per attempt', async () => {
    const ws = workspace();
    const [appA, appB] = [await ws.open(), await ws.open()];
    const [queueA, queueB] = [queueOf(appA), queueOf(appB)];
    expect(queueA.backend).toBe('pg-boss');
    const runs = new Map<string, string[]>();
    const handler = (worker: string) => async (job: JobRecord) => {
      const before = runs.get(job.id) ?? [];
      runs.set(job.id, [...before, worker]);
      if (job.payload['doomed'] === true || before.length === 0) throw new PactwatchError('DATABASE_ERROR', `attempt ${before.length + 1} failed`);
      return { worker };
    };
    const ids: string[] = [];
    for (let i = 0; i < 6; i += 1) ids.push((await queueA.enqueue('flaky', { i }, { retryLimit: 1, retryDelaySeconds: 0 })).id);
    const doomed = await queueB.enqueue('flaky', { doomed: true }, { retryLimit: 2, retryDelaySeconds: 0 });
    await queueA.work({ flaky: handler('A') }, { concurrency: 2, pollIntervalMs: 500 });
    await queueB.work({ flaky: handler('B') }, { concurrency: 2, pollIntervalMs: 500 });

    for (const id of ids) expect(await waitForState(queueA, id, ['completed'])).toMatchObject({ attempts: 2, error: null });
    expect(await waitForState(queueB, doomed.id, ['failed'])).toMatchObject({ attempts: 3, error: { code: 'DATABASE_ERROR', message: 'attempt 3 failed' } });
    for (const id of ids) expect(runs.get(id), `job ${id}`).toHaveLength(2);
    expect(runs.get(doomed.id)).toHaveLength(3);
    expect((await queueA.deadLetters({ limit: 10 })).jobs.map((j) => j.id)).toEqual([doomed.id]);

    // The jobs really are pg-boss's: its table holds them, with our payload and creator inside.
    const stored = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(`${PG_BOSS_SCHEMA}.job`)} where name = 'flaky'`.execute(appA.db);
    expect(stored.rows[0]?.n).toBe(7);
  });

  it('still lists and reads jobs after pg-boss has archived them', async () => {
    const app = await workspace().open();
    const queue = queueOf(app);
    const job = await queue.enqueue('echo', { word: 'kept' });
    await queue.work({ echo: async (j) => ({ echoed: j.payload['word'] }) }, { concurrency: 1, pollIntervalMs: 500 });
    await waitForState(queue, job.id, ['completed']);
    // pg-boss's own maintenance, with an archive interval short enough for a test.
    const boss = new PgBoss({ connectionString: app.config.databaseUrl ?? '', schema: PG_BOSS_SCHEMA, archiveCompletedAfterSeconds: 1, supervise: false, schedule: false, max: 1 });
    boss.on('error', () => undefined);
    await boss.start();
    try {
      await waitFor(
        async () => {
          await boss.archive();
          return (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(`${PG_BOSS_SCHEMA}.archive`)} where id = ${job.id}::uuid`.execute(app.db)).rows[0]?.n;
        },
        (n) => n === 1,
        'pg-boss to archive the job',
      );
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    expect(await queue.get(job.id)).toMatchObject({ state: 'completed', result: { echoed: 'kept' } });
    expect((await queue.list({ limit: 5 })).jobs.map((j) => j.id)).toEqual([job.id]);
  });
});
