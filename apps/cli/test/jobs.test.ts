import { spawn } from 'node:child_process';
import { createLogger, loadConfig, openPactwatch, SqliteJobQueue, type JobRecord } from '@pactwatch/backend';
import { PactwatchError } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { CLI, sandbox } from './cli-harness.js';

const jobOf = (stdout: string): JobRecord => JSON.parse(stdout) as JobRecord;

/** Polls the CLI until the job is in one of these states (a wait, not a timing assertion). */
async function waitForJob(run: (args: readonly string[]) => { status: number | null; stdout: string }, db: string, id: string, states: readonly string[]): Promise<JobRecord> {
  for (let tries = 0; tries < 200; tries += 1) {
    const shown = run(['--db', db, 'jobs', 'show', id, '--json']);
    if (shown.status === 0 && states.includes(jobOf(shown.stdout).state)) return jobOf(shown.stdout);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${id} never reached ${states.join('/')}`);
}

/** Leaves a dead job in the store: a kind whose handler always fails, with no retries. */
async function deadJob(db: string): Promise<string> {
  const app = await openPactwatch(loadConfig({ databasePath: db }, {}), { logger: createLogger({ logLevel: 'silent' }) });
  const queue = new SqliteJobQueue(app.db, { now: () => new Date(), logger: createLogger({ logLevel: 'silent' }) });
  try {
    const job = await queue.enqueue('doomed', { note: 'always fails' }, { retryLimit: 0 });
    await queue.work({ doomed: async () => { throw new PactwatchError('FILE_ERROR', 'the feed is gone'); } }, { concurrency: 1, pollIntervalMs: 5 });
    for (let tries = 0; tries < 500 && (await queue.get(job.id))?.state !== 'failed'; tries += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    return job.id;
  } finally {
    await queue.stop();
    await app.close();
  }
}

describe('pactwatch worker and jobs', () => {
  it('queues a coalesced evaluation, runs it in `pactwatch worker`, and stops cleanly on SIGTERM', async () => {
    const box = sandbox();
    expect(box.run(['--db', box.db, 'jobs', 'list'])).toMatchObject({ status: 0, stdout: 'No jobs.\n' });
    const queued = box.run(['--db', box.db, 'jobs', 'enqueue', 'evaluate', '--json']);
    expect(queued.status).toBe(0);
    const job = jobOf(queued.stdout);
    expect(job).toMatchObject({ name: 'evaluate', state: 'created', payload: { reason: 'requested at the command line', full: false } });
    expect(job.createdBy).toMatch(/^cli/);
    expect(jobOf(box.run(['--db', box.db, 'jobs', 'enqueue', 'evaluate', '--json']).stdout).id).toBe(job.id);

    const worker = spawn(process.execPath, [CLI, '--db', box.db, 'worker', '--concurrency', '2'], { env: { PATH: process.env['PATH'] ?? '', HOME: box.dir, PACTWATCH_LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    worker.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
    const exited = new Promise<number | null>((resolve) => worker.on('exit', (code) => resolve(code)));
    try {
      const done = await waitForJob(box.run, box.db, job.id, ['completed', 'failed']);
      expect(done).toMatchObject({ state: 'completed', attempts: 1, result: { reason: 'requested at the command line', incidentsEvaluated: 0 } });
    } finally {
      worker.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stderr).toContain('pactwatch worker: running jobs from');
    expect(stderr).toContain('pactwatch worker: SIGTERM, letting running jobs finish');
    expect(stderr).toContain('pactwatch worker: stopped');
    expect(stderr).toContain('"msg":"job completed"');

    const text = box.run(['--db', box.db, 'jobs', 'list', '--state', 'completed']);
    expect(text.stdout).toContain(job.id);
    expect(text.stdout).toMatch(/evaluate\s+completed\s+1\/4/);
    const page = JSON.parse(box.run(['--db', box.db, 'jobs', 'list', '--name', 'evaluate', '--json']).stdout) as { jobs: JobRecord[]; nextCursor: string | null };
    expect(page).toMatchObject({ jobs: [{ id: job.id, state: 'completed' }], nextCursor: null });
    expect(box.run(['--db', box.db, 'jobs', 'show', job.id]).stdout).toContain('--- result ---');
  });

  it('shows dead letters, and retries and cancels them', async () => {
    const box = sandbox();
    const id = await deadJob(box.db);
    const dead = box.run(['--db', box.db, 'jobs', 'dead']);
    expect(dead.status).toBe(0);
    expect(dead.stdout).toContain(id);
    expect(dead.stdout).toMatch(/FILE_ERROR: the feed is\s+gone/);
    expect(box.run(['--db', box.db, 'jobs', 'show', id]).stdout).toContain('failed (dead letter: all retries spent)');

    const retried = box.run(['--db', box.db, 'jobs', 'retry', id, '--json']);
    expect(jobOf(retried.stdout)).toMatchObject({ id, state: 'retry', attempts: 1, retryLimit: 1 });
    expect(JSON.parse(box.run(['--db', box.db, 'jobs', 'dead', '--json']).stdout)).toEqual({ jobs: [], nextCursor: null });
    expect(jobOf(box.run(['--db', box.db, 'jobs', 'cancel', id, '--json']).stdout).state).toBe('cancelled');

    expect(box.run(['--db', box.db, 'jobs', 'cancel', id])).toMatchObject({ status: 5, stderr: expect.stringContaining('only jobs that have not started can be cancelled') });
  });

  it('answers mistakes with the catalogue exit codes', () => {
    const box = sandbox();
    expect(box.run(['--db', box.db, 'jobs', 'show', '00000000-0000-4000-8000-000000000000']).status).toBe(4);
    expect(box.run(['--db', box.db, 'jobs', 'list', '--state', 'dead']).status).toBe(2);
    expect(box.run(['--db', box.db, 'worker', '--concurrency', '0']).status).toBe(2);
    expect(box.run(['--db', box.db, 'jobs', 'enqueue', 'feed-poll']).status).toBe(2);
  });
});
