import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig, openPactwatch, type Pactwatch } from '@pactwatch/backend';
import { pino } from 'pino';
import { sendWebhook } from '../../src/alerts/webhook-sender.js';
import { afterEach, describe, expect, it } from 'vitest';
import { AGREEMENT_YAML, incidentYaml, workspace } from '../helpers.js';
import { createTestDatabase, dropTestDatabase, onPostgres } from '../test-store.js';

// Issue 8 (security): the backend's own log lines (alerts, jobs, imports) never carry a secret:
// webhook HMAC keys, the password inside PACTWATCH_SMTP_URL, API tokens, session tokens or passwords.

const WEBHOOK_SECRET = 'whsec-never-in-logs-4f1d2c9a';
const SMTP_PASSWORD = 'smtp-Pa55word-never-in-logs';
const USER_PASSWORD = 'a user password never in logs';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

/** A store whose logger writes every line (trace and up) into `lines`. */
async function capturedStore(env: Record<string, string>): Promise<{ app: Pactwatch; lines: string[] }> {
  const ws = workspace();
  ws.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
  ws.write('incidents/curated.yaml', incidentYaml('curated'));
  const dir = mkdtempSync(join(tmpdir(), 'pactwatch-logs-'));
  const databaseUrl = onPostgres ? await createTestDatabase() : undefined;
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const config = loadConfig({ databasePath: join(dir, 'store.db'), databaseUrl, dataDir: ws.dataDir }, env);
  const app = await openPactwatch(config, { logger: pino({ level: 'trace' }, sink) });
  cleanups.push(async () => {
    await app.close();
    if (databaseUrl !== undefined) await dropTestDatabase(databaseUrl);
    rmSync(dir, { recursive: true, force: true });
  });
  await app.dataset.load();
  await app.evaluation.evaluate();
  return { app, lines };
}

describe('backend logs carry no secrets', () => {
  it('logs failed webhook and e-mail deliveries without the webhook secret or the SMTP password', async () => {
    const { app, lines } = await capturedStore({
      // Port 9 (discard) is closed on loopback: every delivery fails at once, and is logged.
      PACTWATCH_SMTP_URL: `smtp://mailer:${SMTP_PASSWORD}@127.0.0.1:9`,
      PACTWATCH_SMTP_FROM: 'alerts@localhost',
      PACTWATCH_ALERT_TIMEOUT_SECONDS: '5',
    });
    await app.alerts.add({ name: 'hook', definition: { kind: 'incident', sponsor: 'CN' }, channel: 'webhook', target: 'http://127.0.0.1:9/hook', secret: WEBHOOK_SECRET, includeExisting: true });
    await app.alerts.add({ name: 'mail', definition: { kind: 'incident', sponsor: 'CN' }, channel: 'email', target: 'analyst@localhost', includeExisting: true });
    const { token } = await app.accounts.createUser({ username: 'log-user', role: 'analyst', password: USER_PASSWORD }).then(({ user }) => app.auth.createToken(user.id, 'log token', 'analyst'));
    const session = await app.auth.login('log-user', USER_PASSWORD);
    await expect(app.auth.login('log-user', `${USER_PASSWORD} but wrong`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const report = await app.alerts.deliverDue();
    expect(report.attempted).toBe(2);
    expect(report.sent).toBe(0);

    const text = lines.join('');
    expect(text).toContain('alert delivery failed');
    for (const line of lines) expect(() => JSON.parse(line) as unknown, line).not.toThrow();
    for (const secret of [WEBHOOK_SECRET, SMTP_PASSWORD, USER_PASSWORD, token, session.sessionToken, session.csrfToken]) {
      expect(text.includes(secret), `a secret (${secret.slice(0, 6)}…) appears in the logs`).toBe(false);
    }
    // The deliveries' stored errors (shown by `pactwatch alerts deliveries`) carry none either.
    for (const rule of await app.alerts.list()) {
      for (const delivery of await app.alerts.deliveries(rule.id)) expect(JSON.stringify(delivery)).not.toContain(SMTP_PASSWORD);
    }
  });

  it('refuses a webhook URL with user:password, without repeating the password', async () => {
    const ws = workspace();
    const app = await ws.open();
    const added = app.alerts.add({ name: 'creds', definition: { kind: 'incident', sponsor: 'CN' }, channel: 'webhook', target: 'https://hookuser:hook-Pa55-word@127.0.0.1:9/x' });
    await expect(added).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(added).rejects.toSatisfy((error: Error) => !error.message.includes('hook-Pa55-word'));
  });

  it('keeps a URL\'s credentials out of the send error of a rule stored before that check', async () => {
    const outcome = await sendWebhook({ url: 'http://hookuser:hook-Pa55-word@127.0.0.1:9/x', secret: WEBHOOK_SECRET, deliveryId: 'd-1', body: '{}', timestamp: '1', timeoutMs: 5_000 });
    expect(outcome.ok).toBe(false);
    const error = outcome.ok ? '' : outcome.error;
    expect(error).not.toContain('hook-Pa55-word');
    expect(error).not.toContain('hookuser');
    expect(error).not.toContain(WEBHOOK_SECRET);
  });
});
