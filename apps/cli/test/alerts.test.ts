import { spawn } from 'node:child_process';
import type { AlertPayload } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { AGREEMENT_YAML, incidentYaml } from '../../../packages/backend/test/helpers.js';
import { smtpSink, webhookReceiver } from '../../../packages/backend/test/alerts/alert-fixtures.js';
import { CLI, sandbox, type RunResult } from './cli-harness.js';

const SECRET = 'cli-test-secret-0123456789';
// Each test spawns the binary several times; on a busy machine that outlasts the default limit.
const LIMIT = 240_000;

/**
 * Runs the binary without blocking this process: the webhook receiver and SMTP sink live here
 * and must answer while the command runs (the harness's spawnSync would stall them).
 */
function runAsync(dir: string, args: readonly string[], env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env['PATH'] ?? '', HOME: dir, PACTWATCH_LOG_LEVEL: 'silent', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('pactwatch alerts (end to end)', () => {
  it('adds a webhook rule, lists it without its secret, sends a signed test alert, runs and removes it', async () => {
    const box = sandbox();
    box.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
    box.write('incidents/hack.yaml', incidentYaml('hack'));
    expect(box.run(['--db', box.db, '--data', box.data, 'init']).status).toBe(0);
    const receiver = await webhookReceiver(SECRET);
    const db = ['--db', box.db];

    const added = box.run([...db, 'alerts', 'add', '--name', 'US-China', '--on', 'finding', '--agreement', 'us-cn-test', '--verdict', 'breach,possible-breach', '--webhook', receiver.url, '--secret', SECRET, '--json']);
    expect(added.status, added.stderr).toBe(0);
    const rule = JSON.parse(added.stdout) as { id: string; secretSet: boolean; existing: number; existingStatus: string; description: string };
    expect(rule).toMatchObject({ secretSet: true, existing: 1, existingStatus: 'baseline', description: 'any new breach or possible breach of agreement us-cn-test' });
    expect(added.stdout).not.toContain(SECRET);

    const list = box.run([...db, 'alerts', 'list']);
    expect(list.status).toBe(0);
    expect(list.stdout).toContain(rule.id);
    expect(list.stdout).toContain('secret set');
    expect(list.stdout).not.toContain(SECRET);
    const listJson = box.run([...db, 'alerts', 'list', '--json']);
    expect(JSON.parse(listJson.stdout)).toMatchObject([{ id: rule.id, secretSet: true, deliveries: { baseline: 1, sent: 0 } }]);
    expect(listJson.stdout).not.toContain(SECRET);

    const test = await runAsync(box.dir, [...db, 'alerts', 'test', rule.id]);
    expect(test.status, test.stderr).toBe(0);
    expect(test.stdout).toContain(`Test alert for rule ${rule.id} by webhook`);
    expect(test.stdout).toContain('delivered (HTTP 204)');
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]?.signatureValid).toBe(true);
    expect((JSON.parse(receiver.received[0]?.body ?? '{}') as AlertPayload).test).toBe(true);

    // Nothing new since the baseline: a run sends nothing.
    const run = await runAsync(box.dir, [...db, 'alerts', 'run']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Scanned 1 rule(s): 0 new match(es).');
    expect(run.stdout).toContain('Delivered: 0 sent');
    expect(receiver.received).toHaveLength(1);

    const removed = box.run([...db, 'alerts', 'remove', rule.id]);
    expect(removed).toMatchObject({ status: 0, stdout: `Removed alert rule ${rule.id} "US-China".\n` });
    expect(box.run([...db, 'alerts', 'list']).stdout).toBe('No alert rules. Add one with `pactwatch alerts add`.\n');
  }, LIMIT);

  it('prints a generated secret once, refuses options that do not fit the rule kind, and exits 14 when a test fails', async () => {
    const box = sandbox();
    const db = ['--db', box.db];
    const added = box.run([...db, 'alerts', 'add', '--name', 'cn-gb', '--on', 'incident', '--sponsor', 'cn', '--victim', 'GB', '--min-confidence', '70', '--webhook', 'http://127.0.0.1:9/none']);
    expect(added.status, added.stderr).toBe(0);
    const secret = /^ {2}([A-Za-z0-9_-]{43})$/m.exec(added.stdout)?.[1];
    expect(secret).toBeDefined();
    expect(added.stdout).toContain('any new incident attributed to CN against GB with confidence ≥ 70');
    const id = /Added alert rule (alert-[0-9a-f]+)/.exec(added.stdout)?.[1] ?? '';
    expect(box.run([...db, 'alerts', 'list', '--json']).stdout).not.toContain(secret ?? 'none');

    const wrong = box.run([...db, 'alerts', 'add', '--name', 'x', '--on', 'incident', '--sponsor', 'CN', '--verdict', 'breach', '--webhook', 'http://127.0.0.1:9/']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('--verdict does not apply to --on incident');
    const badVerdict = box.run([...db, 'alerts', 'add', '--name', 'x', '--on', 'finding', '--verdict', 'possible_breach', '--webhook', 'http://127.0.0.1:9/']);
    expect(badVerdict.status).toBe(2);
    expect(badVerdict.stderr).toContain('--verdict must be one of breach, possible-breach');
    const noSmtp = box.run([...db, 'alerts', 'add', '--name', 'x', '--on', 'finding', '--email', 'a@example.org']);
    expect(noSmtp.status).toBe(7);
    expect(noSmtp.stderr).toContain('PACTWATCH_SMTP_URL');

    const failed = await runAsync(box.dir, [...db, 'alerts', 'test', id]);
    expect(failed.status).toBe(14);
    expect(failed.stdout).toContain('FAILED');
    expect(failed.stderr).toContain('ALERT_DELIVERY_FAILED');
  }, LIMIT);

  it('sends a test e-mail through the configured SMTP server', async () => {
    const box = sandbox();
    const sink = await smtpSink();
    const env = { PACTWATCH_SMTP_URL: sink.url, PACTWATCH_SMTP_FROM: 'pactwatch@localhost' };
    const added = box.run(['--db', box.db, 'alerts', 'add', '--name', 'mail', '--on', 'changepoint', '--sponsor', 'CN', '--victim', 'US', '--email', 'soc@example.org', '--json'], env);
    expect(added.status, added.stderr).toBe(0);
    const id = (JSON.parse(added.stdout) as { id: string }).id;
    const test = await runAsync(box.dir, ['--db', box.db, 'alerts', 'test', id], env);
    expect(test.status, test.stderr).toBe(0);
    expect(sink.messages).toHaveLength(1);
    expect(sink.messages[0]?.to).toEqual(['soc@example.org']);
    expect(sink.messages[0]?.subject).toMatch(/^\[pactwatch TEST\] mail: TEST alert/);
    expect(sink.messages[0]?.text).toContain('THIS IS A TEST ALERT');
  }, LIMIT);
});
