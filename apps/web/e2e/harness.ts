import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/**
 * End-to-end harness: `pactwatch serve` (the built CLI and dashboard; the root `npm test` builds
 * both first, this builds nothing) on a fresh store, an analyst and a viewer, and Debian's
 * Chromium driven by playwright-core. Browsers are never downloaded (no `playwright install`):
 * without /usr/bin/chromium the suites skip with a notice (.ci/run installs it).
 */
/** Debian's Chromium; PACTWATCH_CHROMIUM names another build (or a missing path, to see the skip). */
export const CHROMIUM = process.env['PACTWATCH_CHROMIUM'] ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const CLI = fileURLToPath(new URL('../../cli/dist/main.js', import.meta.url));
export const WEB_INDEX = fileURLToPath(new URL('../dist/index.html', import.meta.url));
export const REPO_DATA = fileURLToPath(new URL('../../../data', import.meta.url));
export const SCREENSHOTS = fileURLToPath(new URL('../test-output/screenshots/', import.meta.url));

/** Logs why browser tests are skipped, once per suite; `describe.skipIf(!hasChromium)` does the skipping. */
export function chromiumNotice(suite: string): void {
  if (!hasChromium) console.warn(`[${suite}] browser tests skipped: ${CHROMIUM} is not installed (apt-get install chromium; .ci/run installs it)`);
}

export interface Account {
  readonly username: string;
  readonly password: string;
}

export interface Server {
  readonly url: string;
  /** The first admin, whose one-time password must be changed at first sign-in. */
  readonly admin: Account;
  readonly analyst: Account;
  readonly viewer: Account;
  /** Runs the CLI on this server's store (for setup steps the UI does not cover). */
  cli(args: readonly string[], input?: string): { status: number | null; stdout: string; stderr: string };
  stop(): Promise<void>;
}

/** Collects a stream until `pattern` matches, the process ends, or `ms` pass. */
function waitFor(child: ChildProcessWithoutNullStreams, pattern: RegExp, seen: { text: string }, ms: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`pactwatch serve did not print ${pattern} within ${ms} ms; stderr:\n${seen.text}`)), ms);
    const onData = (chunk: Buffer): void => {
      seen.text += chunk.toString('utf8');
      const match = pattern.exec(seen.text);
      if (match !== null) finish(null, match);
    };
    const onExit = (code: number | null): void => finish(new Error(`pactwatch serve exited (${code}) before listening; stderr:\n${seen.text}`));
    function finish(error: Error | null, match?: RegExpMatchArray): void {
      clearTimeout(timer);
      child.stderr.off('data', onData);
      child.off('exit', onExit);
      if (error !== null) reject(error);
      else resolve(match as RegExpMatchArray);
    }
    child.stderr.on('data', onData);
    child.on('exit', onExit);
  });
}

/** A password the account rules accept, fresh per run (never a literal in the repository). */
const newPassword = (): string => `e2e-${randomBytes(18).toString('base64url')}`;

/**
 * Starts `pactwatch serve --port 0` with its in-process worker on a new SQLite store in a temporary
 * folder (the curated dataset is loaded on first start), reads the URL and the one-time admin
 * password from stderr, and adds `ana` (analyst) and `vera` (viewer) with passwords given on
 * standard input, never in argv.
 */
export async function startServer(): Promise<Server> {
  for (const [what, path] of [
    ['the CLI', CLI],
    ['the dashboard', WEB_INDEX],
  ] as const) {
    if (!existsSync(path)) throw new Error(`${what} is not built (${path} is missing): run \`npm run build\` first (the root \`npm test\` does)`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'pactwatch-e2e-'));
  const db = join(dir, 'store.db');
  const env = { PATH: process.env['PATH'] ?? '', HOME: dir, PACTWATCH_LOG_LEVEL: 'silent' };
  const cli: Server['cli'] = (args, input) => {
    const result = spawnSync(process.execPath, [CLI, '--db', db, ...args], { encoding: 'utf8', env, input: input ?? '', timeout: 60_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const child = spawn(process.execPath, [CLI, '--db', db, '--data', REPO_DATA, 'serve', '--host', '127.0.0.1', '--port', '0'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const seen = { text: '' };
    const [, url] = await waitFor(child, /listening on (http:\/\/127\.0\.0\.1:\d+)/, seen, 120_000);
    const adminPassword = /One-time password[^\n]*\n\n\s+(\S+)/.exec(seen.text)?.[1];
    if (url === undefined || adminPassword === undefined) throw new Error(`could not read the URL and admin password from:\n${seen.text}`);
    const add = (username: string, role: string): Account => {
      const password = newPassword();
      const result = cli(['users', 'add', username, '--role', role, '--password-stdin'], `${password}\n`);
      if (result.status !== 0) throw new Error(`users add ${username} failed (${result.status}): ${result.stderr}`);
      return { username, password };
    };
    return { url, admin: { username: 'admin', password: adminPassword }, analyst: add('ana', 'analyst'), viewer: add('vera', 'viewer'), cli, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export interface Browser {
  readonly context: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Debian's Chromium, headless, in a fresh profile folder (removed on close), without background network chatter. */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'pactwatch-chromium-'));
  // The profile is the first argument: playwright refuses --user-data-dir in `args`.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 720 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // Generous waits, never timing assertions: in CI these tests share two cores with the whole
  // suite, and a first (uncached) agreement page can take well over playwright's default 30 s.
  context.setDefaultTimeout(90_000);
  context.setDefaultNavigationTimeout(90_000);
  return {
    context,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Signs in through the dashboard's form and waits until the header names the user. */
export async function login(page: Page, server: Pick<Server, 'url'>, account: Account): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Username').fill(account.username);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('.who').getByText(account.username).waitFor();
}

/** Saves a full-page PNG under apps/web/test-output/screenshots/ (ignored by git), returning its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name.replace(/[^a-z0-9-]+/gi, '-')}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export interface E2E {
  /** The running server (inside tests; throws if setup failed). */
  server(): Server;
  /** A new page in the shared browser, recording uncaught page errors in `errors`. */
  page(): Promise<{ page: Page; errors: string[] }>;
}

/**
 * One server and one browser per test file: registers beforeAll/afterAll (call it inside a
 * `describe.skipIf(!hasChromium)` block) and stops both whatever happens.
 */
export function setupE2E(): E2E {
  let server: Server | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    server: () => {
      if (server === undefined) throw new Error('the e2e server did not start (see beforeAll)');
      return server;
    },
    page: async () => {
      if (browser === undefined) throw new Error('the browser did not start (see beforeAll)');
      // Tests of a file share one browser profile: close the earlier tests' pages and forget their
      // cookies, so a page left open by one test (signed in as someone else) cannot act during the next.
      await Promise.all(browser.context.pages().map((open) => open.close()));
      await browser.context.clearCookies();
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      return { page, errors };
    },
  };
}
