import { SYSTEM_PRINCIPAL, type AlertPayload, type Principal } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { AGREEMENT_YAML, incidentYaml, workspace } from '../helpers.js';
import { waitFor } from '../jobs/job-test-support.js';
import { breachRecord, webhookReceiver } from './alert-fixtures.js';

const analyst: Principal = { kind: 'user', id: 'u-1', name: 'alice', role: 'analyst' };
const SECRET = 'a-test-secret-of-enough-length';

describe('alerts: hooks into changes', () => {
  it('an evaluation job that produces a new breach alerts through the alert-delivery job, run by the worker', async () => {
    const ws = workspace();
    ws.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
    const app = await ws.open();
    await app.dataset.load();
    await app.evaluation.evaluate();
    const receiver = await webhookReceiver(SECRET);
    const { rule } = await app.alerts.add({ name: 'breaches', definition: { kind: 'finding', verdicts: ['breach'] }, channel: 'webhook', target: receiver.url, secret: SECRET });
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
});
