import { defaultCliPrincipal, JOB_STATES } from '@pactwatch/backend';
import { PactwatchError } from '@pactwatch/domain';
import type { Command } from 'commander';
import { parsePositiveInt } from '../cli-input.js';
import { jobTableText, jobText } from '../presenters/job-presenter.js';
import { json } from '../presenters/output.js';
import { choice, storeLabel, withPactwatch } from '../runtime.js';
import { untilShutdownSignal } from '../shutdown-signal.js';

function concurrency(raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 64) throw new PactwatchError('USAGE', `--concurrency must be a whole number from 1 to 64, got "${raw}"`);
  return value;
}

interface PageOptions {
  limit?: string;
  cursor?: string;
  name?: string;
  json?: boolean;
}

function pageQuery(options: PageOptions): { limit?: number; cursor?: string; name?: string } {
  const limit = parsePositiveInt('--limit', options.limit);
  return { ...(limit === undefined ? {} : { limit }), ...(options.cursor === undefined ? {} : { cursor: options.cursor }), ...(options.name === undefined ? {} : { name: options.name }) };
}

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('Run background jobs (imports, re-evaluation, statistics refresh) until SIGINT or SIGTERM. On PostgreSQL start as many as you like, on any machine; they share the queue.')
    .option('--concurrency <n>', 'jobs run at once (on PostgreSQL: per job kind)', '1')
    .addHelpText('after', '\nLog lines go to stderr; PACTWATCH_LOG_LEVEL=info shows every job started and finished.\n\nExamples:\n  pactwatch worker\n  pactwatch --database-url postgres://pactwatch@db.internal/pactwatch worker --concurrency 4')
    .action(async (options: { concurrency: string }, command: Command) => {
      const n = concurrency(options.concurrency);
      await withPactwatch(command, async (app, output) => {
        await app.jobs.startWorker({ concurrency: n });
        output.err(`pactwatch worker: running jobs from ${storeLabel(app.config)} (concurrency ${n}); stop with Ctrl-C`);
        const signal = await untilShutdownSignal();
        output.err(`pactwatch worker: ${signal}, letting running jobs finish`);
        await app.jobs.stop();
        output.err('pactwatch worker: stopped');
      });
    });
}

export function registerJobCommands(program: Command): void {
  const jobs = program.command('jobs').description('Background jobs: status, results, retries and the dead-letter list.');
  jobs
    .command('list', { isDefault: true })
    .description('list jobs, newest first')
    .option('--state <state>', `only jobs in this state: ${JOB_STATES.join(', ')}`)
    .option('--name <kind>', 'only jobs of this kind (import, evaluate, stats-refresh)')
    .option('--limit <n>', 'at most this many (default 50, at most 200)')
    .option('--cursor <cursor>', 'continue a previous listing')
    .option('--json', 'print the page (jobs and next cursor) as JSON')
    .action(async (options: PageOptions & { state?: string }, command: Command) => {
      const state = choice('--state', options.state, JOB_STATES);
      await withPactwatch(command, async (app, output) => {
        const page = await app.jobs.list({ ...pageQuery(options), ...(state === undefined ? {} : { state }) });
        output.out(options.json === true ? json(page) : jobTableText(page, output.colors, output.width));
      });
    });
  jobs
    .command('dead')
    .description('the dead-letter list: jobs that failed after all their retries (retry them with `jobs retry ID`)')
    .option('--name <kind>', 'only jobs of this kind')
    .option('--limit <n>', 'at most this many (default 50, at most 200)')
    .option('--cursor <cursor>', 'continue a previous listing')
    .option('--json', 'print as JSON')
    .action(async (options: PageOptions, command: Command) => {
      await withPactwatch(command, async (app, output) => {
        const page = await app.jobs.deadLetters(pageQuery(options));
        output.out(options.json === true ? json(page) : jobTableText(page, output.colors, output.width, 'No dead letters.'));
      });
    });
  jobs
    .command('show')
    .description('one job with its payload, result or last error')
    .argument('<id>', 'the job id from `jobs list`')
    .option('--json', 'print as JSON')
    .action(async (id: string, options: { json?: boolean }, command: Command) => {
      await withPactwatch(command, async (app, output) => {
        const job = await app.jobs.get(id);
        output.out(options.json === true ? json(job) : jobText(job, output.colors));
      });
    });
  for (const [name, description] of [
    ['retry', 'queue a failed (dead) or cancelled job again, with one more attempt'],
    ['cancel', 'cancel a job that has not started'],
  ] as const) {
    jobs
      .command(name)
      .description(description)
      .argument('<id>', 'the job id')
      .option('--json', 'print the job as JSON')
      .action(async (id: string, options: { json?: boolean }, command: Command) => {
        await withPactwatch(command, async (app, output) => {
          const job = name === 'retry' ? await app.jobs.retry(id) : await app.jobs.cancel(id);
          output.out(options.json === true ? json(job) : jobText(job, output.colors));
        });
      });
  }
  jobs
    .command('enqueue')
    .description('queue a re-evaluation of findings or a statistics refresh (a worker or `serve` runs it)')
    .argument('<kind>', 'evaluate or stats-refresh')
    .option('--full', 'evaluate: recompute every finding, not only those of changed incidents')
    .option('--json', 'print the job as JSON')
    .action(async (kind: string, options: { full?: boolean; json?: boolean }, command: Command) => {
      const chosen = choice('<kind>', kind, ['evaluate', 'stats-refresh'] as const);
      await withPactwatch(command, async (app, output) => {
        const principal = defaultCliPrincipal();
        const job = chosen === 'evaluate' ? await app.jobs.enqueueEvaluation(principal, 'requested at the command line', { full: options.full === true }) : await app.jobs.enqueueStatsRefresh(principal);
        output.out(options.json === true ? json(job) : jobText(job, output.colors));
      });
    });
}
