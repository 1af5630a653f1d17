import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { startServer } from '@pactwatch/api';
import { PactwatchError } from '@pactwatch/domain';
import type { Command } from 'commander';
import { newPasswordText } from '../presenters/account-presenter.js';
import { storeLabel, withPactwatch } from '../runtime.js';
import { untilShutdownSignal } from '../shutdown-signal.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

function port(raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65_535) throw new PactwatchError('USAGE', `--port must be a whole number from 0 to 65535, got "${raw}"`);
  return value;
}

function concurrency(raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 64) throw new PactwatchError('USAGE', `--worker-concurrency must be a whole number from 1 to 64, got "${raw}"`);
  return value;
}

/**
 * Best effort: asks the desktop to open the dashboard. On a server without a desktop (no opener,
 * no DISPLAY) it says where to point a browser instead; it never fails the server.
 */
function openBrowser(url: string, say: (text: string) => void): void {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  const headless = process.platform === 'linux' && process.env['DISPLAY'] === undefined && process.env['WAYLAND_DISPLAY'] === undefined;
  if (headless) {
    say(`No desktop here to open a browser: visit ${url} from one.\n`);
    return;
  }
  try {
    const child = spawn(cmd as string, args as string[], { detached: true, stdio: 'ignore' });
    child.on('error', () => say(`Could not open a browser (${cmd as string} is missing): visit ${url}\n`));
    child.unref();
  } catch {
    say(`Could not open a browser: visit ${url}\n`);
  }
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Start the web dashboard and the HTTP API (OpenAPI at /openapi.json, interactive docs at /docs), and run background jobs in the same process.')
    .option('--port <n>', 'TCP port (0: any free port)', '8080')
    .option('--host <address>', 'address to listen on; keep 127.0.0.1 unless a TLS proxy fronts it', '127.0.0.1')
    .option('--no-worker', 'do not run background jobs here (PostgreSQL: leave them to `pactwatch worker` processes)')
    .option('--worker-concurrency <n>', 'jobs run at once by the in-process worker', '1')
    .option('--open', 'open the web dashboard in a browser once listening (npm start does)')
    .addHelpText(
      'after',
      `
On first start without any admin account, an admin named "admin" is created and its one-time
password printed once on stderr. Settings: PACTWATCH_ANONYMOUS_READ, PACTWATCH_SECURE_COOKIES,
PACTWATCH_TRUST_PROXY, PACTWATCH_SESSION_HOURS, PACTWATCH_MAX_UPLOAD_MB (see README).

Examples:
  pactwatch serve
  pactwatch serve --port 9000 --host 127.0.0.1
  pactwatch --database-url postgres://pactwatch@127.0.0.1/pactwatch serve --no-worker`,
    )
    .action(async (options: { port: string; host: string; worker: boolean; workerConcurrency: string; open?: boolean }, command: Command) => {
      await withPactwatch(command, async (app, output) => {
        // A new store starts with the curated dataset, as `pactwatch start` would give it.
        if (!(await app.query.isInitialised())) {
          const load = await app.dataset.load();
          const evaluation = await app.evaluation.evaluate();
          output.err(`New store: loaded the curated dataset (${load.stored} records stored, ${load.quarantined} quarantined) and computed ${evaluation.findings} findings.`);
        }
        const first = await app.accounts.ensureFirstAdmin('admin');
        if (first !== null) output.err(`First start: no admin account existed.\n${newPasswordText(first, 'created', output.colors)}`);
        const server = await startServer(app, {
          host: options.host,
          port: port(options.port),
          worker: options.worker,
          workerConcurrency: concurrency(options.workerConcurrency),
          version: pkg.version,
          logger: { level: app.config.logLevel, stream: process.stderr },
        });
        output.err(`pactwatch API listening on ${server.url} (store ${storeLabel(app.config)}); docs at ${server.url}/docs\n`);
        output.err(`Dashboard: ${server.url}/ (Ctrl+C stops the server)\n`);
        if (options.open === true) openBrowser(`${server.url}/`, (text) => output.err(text));
        const signal = await untilShutdownSignal();
        output.err(`${signal}: stopping\n`);
        await server.close();
      });
    });
}
