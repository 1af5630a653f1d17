import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SYSTEM_PRINCIPAL, type AlertPayload, type Principal } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { AGREEMENT_YAML, incidentYaml, workspace } from '../helpers.js';
import { waitFor } from '../jobs/job-test-support.js';
import { breachRecord, webhookReceiver } from './alert-fixtures.js';

const analyst: Principal = { kind: 'user', id: 'u-1', name: 'alice', role: 'analyst' };
const SECRET = 'a-test-secret-of-enough-length';

/** A store with the test agreement, evaluated, and a rule on new breaches sending to `target`. */
async function storeWithBreachRule(target: string) {
  const ws = workspace();
  ws.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
  const app = await ws.open();
  await app.dataset.load();
  await app.evaluation.evaluate();
  const { rule } = await app.alerts.add({ name: 'breaches', definition: { kind: 'finding', verdicts: ['breach'] }, channel: 'webhook', target, secret: SECRET });
  return { ws, app, rule };
}

describe('alerts: hooks into changes', () => {
  it('an evaluation job that produces a new breach alerts through the alert-delivery job, run by the worker', async () => {
    const receiver = await webhookReceiver(SECRET);
    const { ws, app, rule } = await storeWithBreachRule(receiver.url);
    ws.write('incidents/later.yaml', incidentYaml('later'));
    await app.dataset.load();
    const job = await app.jobs.enqueueEvaluation(SYSTEM_PRINCIPAL, 'test');
    await app.jobs.startWorker({ concurrency: 2, pollIntervalMs: 10 });
    await waitFor(async () => receiver.received.length, (n) => n >= 1, 'the alert webhook');
    const payload = JSON.parse(receiver.received[0]?.body ?? '{}') as AlertPayload;
    expect(payload.subject).toBe('finding:later:us-cn-test/no-ip-theft:breach');
    expect(receiver.received[0]?.signatureValid).toBe(true);
    expect((await app.jobs.get(job.id)).state).toBe('completed');
    const delivered = await waitFor(async () => app.alerts.deliveries(rule.id), (d) => d[0]?.status === 'sent', 'the delivery to be marked sent');
    expect(delivered).toMatchObject([{ status: 'sent', attempts: 1 }]);
    expect(receiver.received).toHaveLength(1);
  });

  it('a failing scan never fails the incident edit that triggered it', async () => {
    const ws = workspace();
    ws.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
    const app = await ws.open();
    await app.dataset.load();
    await app.alerts.add({ name: 'breaches', definition: { kind: 'finding' }, channel: 'webhook', target: 'http://127.0.0.1:9/', secret: SECRET });
    // Break the store under the scan: the deliveries table is gone.
    await app.db.schema.dropTable('alert_delivery').execute();
    const created = await app.incidentEdits.create(breachRecord('edit-survives'), { principal: analyst });
    expect(created.incident.id).toBe('edit-survives');
    expect((await app.query.findings({ incidentId: 'edit-survives' })).map((f) => f.verdict)).toEqual(['breach']);
  });

  it('a breach loaded from the dataset folder (CLI load) is queued at once, without a separate scan', async () => {
    const { ws, app, rule } = await storeWithBreachRule('http://127.0.0.1:9/');
    ws.write('incidents/later.yaml', incidentYaml('later'));
    await app.dataset.load();
    expect(await app.alerts.deliveries(rule.id)).toEqual([]);
    await app.evaluation.evaluate();
    const queued = await app.alerts.deliveries(rule.id);
    expect(queued).toMatchObject([{ status: 'pending', subject: 'finding:later:us-cn-test/no-ip-theft:breach' }]);
    // Evaluating again changes nothing and queues nothing twice.
    await app.evaluation.evaluate({ full: true });
    expect(await app.alerts.deliveries(rule.id)).toHaveLength(1);
  });

  it('a breach brought in by an import (CLI import) is queued, and `alerts run` then counts no second match', async () => {
    const source = workspace();
    source.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
    source.write('incidents/imported.yaml', incidentYaml('imported'));
    const from = await source.open();
    await from.dataset.load();
    const file = join(source.dir, 'export.json');
    writeFileSync(file, (await from.exports.export({ format: 'json' })).text);

    const { app, rule } = await storeWithBreachRule('http://127.0.0.1:9/');
    const report = await app.imports.import({ file, format: 'json' });
    expect(report.records.incidents).toBe(1);
    expect(await app.alerts.deliveries(rule.id)).toMatchObject([{ status: 'pending', subject: 'finding:imported:us-cn-test/no-ip-theft:breach' }]);
    const run = await app.alerts.run();
    expect(run.scan.newMatches).toBe(0);
    expect(run.delivery.attempted).toBe(1);
  });
});
