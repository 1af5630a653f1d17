import type { AlertPayload, Principal } from '@pactwatch/domain';
import type { Pactwatch } from '@pactwatch/backend';
import { describe, expect, it } from 'vitest';
import { AGREEMENT_YAML, incidentYaml, workspace, type Workspace } from '../helpers.js';
import { breachRecord, smtpSink, webhookReceiver } from './alert-fixtures.js';

const analyst: Principal = { kind: 'user', id: 'u-1', name: 'alice', role: 'analyst' };
const edit = { principal: analyst, requestId: 'req-1' };
const SECRET = 'a-test-secret-of-enough-length';

interface Clock {
  now: () => Date;
  advance(ms: number): void;
}

function clock(start = '2026-03-01T12:00:00.000Z'): Clock {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms) => (t += ms) };
}

async function store(options: { env?: Record<string, string>; clock?: Clock } = {}): Promise<{ app: Pactwatch; ws: Workspace }> {
  const ws = workspace();
  ws.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
  ws.write('incidents/curated.yaml', incidentYaml('curated'));
  const app = await ws.open({ ...(options.env === undefined ? {} : { env: options.env }), ...(options.clock === undefined ? {} : { now: options.clock.now }) });
  await app.dataset.load();
  await app.evaluation.evaluate();
  return { app, ws };
}

describe('alerts: webhook delivery', () => {
  it('records existing breaches as baseline, alerts once on a new breach from an incident edit, signed with the rule secret', async () => {
    const { app } = await store();
    const receiver = await webhookReceiver(SECRET);
    const added = await app.alerts.add({ name: 'US-China breaches', definition: { kind: 'finding', agreementId: 'us-cn-test' }, channel: 'webhook', target: receiver.url, secret: SECRET });
    expect(added).toMatchObject({ generatedSecret: null, existing: 1, existingStatus: 'baseline' });
    expect(added.rule).toMatchObject({ secretSet: true, enabled: true, description: 'any new breach or possible breach of agreement us-cn-test' });
    expect(JSON.stringify(await app.alerts.list())).not.toContain(SECRET);
    // The baseline (the curated breach) is never sent.
    expect(await app.alerts.deliverDue()).toEqual({ attempted: 0, sent: 0, retrying: 0, dead: 0 });

    const created = await app.incidentEdits.create(breachRecord('new-theft'), edit);
    const pending = await app.alerts.deliveries(added.rule.id);
    expect(pending.map((d) => [d.subject, d.status])).toEqual([
      ['finding:curated:us-cn-test/no-ip-theft:breach', 'baseline'],
      ['finding:new-theft:us-cn-test/no-ip-theft:breach', 'pending'],
    ]);
    // Sending goes through the alert-delivery job (a worker, or `alerts run`).
    expect((await app.jobs.list({ name: 'alert-delivery' })).jobs).toHaveLength(1);

    expect(await app.alerts.deliverDue()).toEqual({ attempted: 1, sent: 1, retrying: 0, dead: 0 });
    expect(receiver.received).toHaveLength(1);
    const hit = receiver.received[0];
    if (hit === undefined) throw new Error('nothing received');
    expect(hit.signatureValid).toBe(true);
    const payload = JSON.parse(hit.body) as AlertPayload;
    expect(hit.headers['x-pactwatch-delivery']).toBe(payload.deliveryId);
    expect(payload).toMatchObject({
      schema: 'pactwatch.alert/1',
      test: false,
      subject: 'finding:new-theft:us-cn-test/no-ip-theft:breach',
      rule: { id: added.rule.id, name: 'US-China breaches' },
      match: { kind: 'finding', verdict: 'breach' },
      links: { incidentId: 'new-theft', agreementId: 'us-cn-test', commitmentId: 'us-cn-test/no-ip-theft', sponsor: 'CN', victim: 'US' },
      evidence: { sponsor: 'CN', basis: 'indictment', confidence: 90, attributedBy: 'DOJ' },
    });
    expect(JSON.stringify(payload)).not.toContain(SECRET);

    // Scanning again finds nothing new and sends nothing more.
    expect((await app.alerts.scan()).newMatches).toBe(0);
    expect((await app.alerts.deliverDue()).attempted).toBe(0);
    await app.incidentEdits.update('new-theft', { ...breachRecord('new-theft'), title: 'Renamed' }, { ...edit, ifMatch: created.version });
    expect((await app.alerts.run()).delivery.sent).toBe(0);
    expect(receiver.received).toHaveLength(1);
    expect((await app.alerts.get(added.rule.id)).deliveries).toMatchObject({ sent: 1, baseline: 1, pending: 0 });
  });

  it('sends existing matches too when asked, and generates a secret shown only when the rule is added', async () => {
    const { app } = await store();
    const placeholder = await app.alerts.add({ name: 'all', definition: { kind: 'finding' }, channel: 'webhook', target: 'http://127.0.0.1:9/unused', includeExisting: true });
    expect(placeholder.generatedSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(placeholder).toMatchObject({ existing: 1, existingStatus: 'pending' });
    const listed = await app.alerts.list();
    expect(listed[0]).toMatchObject({ secretSet: true, deliveries: { pending: 1 } });
    expect(JSON.stringify(listed)).not.toContain(placeholder.generatedSecret ?? 'none');
  });

  it('retries a failing receiver with exponential backoff and sends on the third attempt', async () => {
    const time = clock();
    const { app } = await store({ clock: time });
    const receiver = await webhookReceiver(SECRET, [500, 503]);
    const { rule } = await app.alerts.add({ name: 'retry', definition: { kind: 'incident', sponsor: 'CN' }, channel: 'webhook', target: receiver.url, secret: SECRET, includeExisting: true });
    expect(await app.alerts.deliverDue()).toEqual({ attempted: 1, sent: 0, retrying: 1, dead: 0 });
    let [delivery] = await app.alerts.deliveries(rule.id);
    expect(delivery).toMatchObject({ status: 'failed', attempts: 1, lastError: 'the webhook answered HTTP 500', nextAttemptAt: new Date(time.now().getTime() + 30_000).toISOString() });
    // Not due yet: nothing is attempted before the backoff has passed.
    time.advance(29_000);
    expect((await app.alerts.deliverDue()).attempted).toBe(0);
    time.advance(1_000);
    expect(await app.alerts.deliverDue()).toEqual({ attempted: 1, sent: 0, retrying: 1, dead: 0 });
    [delivery] = await app.alerts.deliveries(rule.id);
    // The delay doubles: 30 s, then 60 s.
    expect(delivery).toMatchObject({ status: 'failed', attempts: 2, lastError: 'the webhook answered HTTP 503', nextAttemptAt: new Date(time.now().getTime() + 60_000).toISOString() });
    time.advance(60_000);
    expect(await app.alerts.deliverDue()).toEqual({ attempted: 1, sent: 1, retrying: 0, dead: 0 });
    [delivery] = await app.alerts.deliveries(rule.id);
    expect(delivery).toMatchObject({ status: 'sent', attempts: 3, lastError: null, nextAttemptAt: null });
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.headers['x-pactwatch-delivery'])).size).toBe(1);
    expect(receiver.received.every((r) => r.signatureValid)).toBe(true);
  });

  it('gives a delivery up as dead after the configured number of attempts', async () => {
    const time = clock();
    const { app } = await store({ clock: time, env: { PACTWATCH_ALERT_MAX_ATTEMPTS: '2' } });
    const receiver = await webhookReceiver(SECRET, [500, 500, 500]);
    const { rule } = await app.alerts.add({ name: 'dead', definition: { kind: 'incident', sponsor: 'CN' }, channel: 'webhook', target: receiver.url, secret: SECRET, includeExisting: true });
    expect((await app.alerts.deliverDue()).retrying).toBe(1);
    time.advance(3_600_000);
    expect(await app.alerts.deliverDue()).toEqual({ attempted: 1, sent: 0, retrying: 0, dead: 1 });
    time.advance(24 * 3_600_000);
    expect((await app.alerts.deliverDue()).attempted).toBe(0);
    expect(await app.alerts.deliveries(rule.id)).toMatchObject([{ status: 'dead', attempts: 2, nextAttemptAt: null, lastError: 'the webhook answered HTTP 500' }]);
    expect(receiver.received).toHaveLength(2);
  });

  it('sends a marked test payload on demand and reports an unreachable receiver as a failed test', async () => {
    const { app } = await store();
    const receiver = await webhookReceiver(SECRET);
    const { rule } = await app.alerts.add({ name: 'test me', definition: { kind: 'changepoint', sponsor: 'CN', victim: 'US' }, channel: 'webhook', target: receiver.url, secret: SECRET });
    const result = await app.alerts.test(rule.id);
    expect(result).toMatchObject({ ok: true, detail: 'HTTP 204', channel: 'webhook' });
    const payload = JSON.parse(receiver.received[0]?.body ?? '{}') as AlertPayload;
    expect(payload.test).toBe(true);
    expect(payload.match.summary).toMatch(/^TEST alert/);
    expect(receiver.received[0]?.signatureValid).toBe(true);
    // A test is not a delivery: nothing is stored.
    expect(await app.alerts.deliveries(rule.id)).toEqual([]);
    const closed = await app.alerts.add({ name: 'nobody', definition: { kind: 'incident', sponsor: 'RU' }, channel: 'webhook', target: 'http://127.0.0.1:9/none', secret: SECRET });
    const failed = await app.alerts.test(closed.rule.id);
    expect(failed.ok).toBe(false);
    expect(failed.detail).toMatch(/could not be reached/);
    await expect(app.alerts.test('alert-nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses bad rules with the field named, removes and disables rules', async () => {
    const { app } = await store();
    await expect(app.alerts.add({ name: 'x', definition: { kind: 'finding', verdicts: ['possible_breach'] }, channel: 'webhook', target: 'http://127.0.0.1:9/' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/verdicts/) as unknown });
    await expect(app.alerts.add({ name: 'x', definition: { kind: 'incident', sponsor: 'CN' }, channel: 'webhook', target: 'ftp://example.org' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(app.alerts.add({ name: 'x', definition: { kind: 'incident', sponsor: 'CN' }, channel: 'webhook', target: 'http://127.0.0.1:9/', secret: 'short' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/secret/) as unknown });
    await expect(app.alerts.add({ name: 'x', definition: { kind: 'incident', sponsor: 'CN' }, channel: 'email', target: 'ops@example.org' })).rejects.toMatchObject({ code: 'CONFIG_INVALID', message: expect.stringMatching(/PACTWATCH_SMTP_URL/) as unknown });
    expect(await app.alerts.list()).toEqual([]);
    const { rule } = await app.alerts.add({ name: 'x', definition: { kind: 'incident', sponsor: 'CN' }, channel: 'webhook', target: 'http://127.0.0.1:9/', includeExisting: true });
    expect((await app.alerts.setEnabled(rule.id, false)).enabled).toBe(false);
    const jobsBefore = (await app.jobs.list({ name: 'alert-delivery' })).jobs.length;
    // A disabled rule's deliveries wait, and do not keep asking for delivery runs.
    expect((await app.alerts.deliverDue()).attempted).toBe(0);
    expect((await app.jobs.list({ name: 'alert-delivery' })).jobs).toHaveLength(jobsBefore);
    expect((await app.alerts.deliveries(rule.id)).map((d) => d.status)).toEqual(['pending']);
    expect((await app.alerts.remove(rule.id)).id).toBe(rule.id);
    expect(await app.alerts.list()).toEqual([]);
    await expect(app.alerts.remove(rule.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('alerts: rule kinds', () => {
  it('alerts on incidents attributed to a sponsor against a victim at or above the confidence only', async () => {
    const { app } = await store();
    const receiver = await webhookReceiver(SECRET);
    const { rule } = await app.alerts.add({ name: 'CN on GB', definition: { kind: 'incident', sponsor: 'CN', victim: 'GB', minConfidence: 70 }, channel: 'webhook', target: receiver.url, secret: SECRET });
    const cn = (confidence: number): Record<string, unknown> => ({ sponsor: 'CN', relation: 'state-organ', confidence, basis: 'government-attribution', attributedBy: 'NCSC', sources: [] });
    await app.incidentEdits.create(breachRecord('gb-weak', { attributions: [cn(60)], victims: [{ state: 'GB' }] }), edit);
    await app.incidentEdits.create(breachRecord('us-strong', { attributions: [cn(90)] }), edit);
    await app.incidentEdits.create(breachRecord('gb-strong', { attributions: [cn(75)], victims: [{ state: 'GB' }] }), edit);
    expect((await app.alerts.deliveries(rule.id)).map((d) => d.subject)).toEqual(['incident:gb-strong']);
    await app.alerts.deliverDue();
    const payload = JSON.parse(receiver.received[0]?.body ?? '{}') as AlertPayload;
    expect(payload).toMatchObject({ subject: 'incident:gb-strong', evidence: { sponsor: 'CN', confidence: 75, basis: 'government-attribution', attributedBy: 'NCSC' }, links: { incidentId: 'gb-strong', sponsor: 'CN', victim: 'GB' } });
  });

  it('alerts on a new changepoint in a dyad series with a clear level shift', async () => {
    const { app, ws } = await store();
    // Incidents CN → US: one a year 2000–2005, then the curated 2016 one only.
    for (let year = 2000; year <= 2005; year += 1) ws.write(`incidents/quiet-${year}.yaml`, incidentYaml(`quiet-${year}`, { start: String(year) }));
    await app.dataset.load();
    const { rule } = await app.alerts.add({ name: 'dyad shift', definition: { kind: 'changepoint', sponsor: 'CN', victim: 'US' }, channel: 'webhook', target: 'http://127.0.0.1:9/', secret: SECRET });
    expect((await app.alerts.deliveries(rule.id)).filter((d) => d.status !== 'baseline')).toEqual([]);
    // 2006–2011: eight incidents a year.
    for (let year = 2006; year <= 2011; year += 1) {
      for (let n = 0; n < 8; n += 1) ws.write(`incidents/loud-${year}-${n}.yaml`, incidentYaml(`loud-${year}-${n}`, { start: `${year}-0${n + 1}` }));
    }
    await app.dataset.load();
    const scan = await app.alerts.scan();
    const pending = (await app.alerts.deliveries(rule.id)).filter((d) => d.status === 'pending');
    expect(pending.map((d) => d.subject)).toContain('changepoint:CN-US:2006');
    expect(scan.byRule.find((r) => r.ruleId === rule.id)?.newMatches).toBe(pending.length);
    expect((await app.alerts.scan()).newMatches).toBe(0);
  });
});

describe('alerts: e-mail delivery', () => {
  it('sends through the configured SMTP server to the rule\'s address with a readable subject and body', async () => {
    const sink = await smtpSink();
    const { app } = await store({ env: { PACTWATCH_SMTP_URL: sink.url, PACTWATCH_SMTP_FROM: 'pactwatch@localhost' } });
    const { rule } = await app.alerts.add({ name: 'Mail breaches', definition: { kind: 'finding', verdicts: ['breach'] }, channel: 'email', target: 'analyst@example.org' });
    expect(rule.secretSet).toBe(false);
    await app.incidentEdits.create(breachRecord('mailed'), edit);
    expect(await app.alerts.deliverDue()).toEqual({ attempted: 1, sent: 1, retrying: 0, dead: 0 });
    expect(sink.messages).toHaveLength(1);
    const mail = sink.messages[0];
    expect(mail?.from).toBe('pactwatch@localhost');
    expect(mail?.to).toEqual(['analyst@example.org']);
    expect(mail?.subject).toMatch(/^\[pactwatch\] Mail breaches: breach of us-cn-test\/no-ip-theft/);
    expect(mail?.text).toContain('Subject: finding:mailed:us-cn-test/no-ip-theft:breach');
    expect(mail?.text).toContain('Evidence: attributed to CN by DOJ, basis indictment, confidence 90');
    const test = await app.alerts.test(rule.id);
    expect(test.ok).toBe(true);
    expect(sink.messages[1]?.subject).toMatch(/^\[pactwatch TEST\]/);
  });
});
