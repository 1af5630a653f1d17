import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { apiWorld, type ApiWorld } from './api-harness.js';
import { CFR_CSV } from './cfr-fixture.js';

/** A multipart/form-data body as a browser or curl would send it. */
function multipart(fields: Record<string, string>, file?: { name: string; content: string }): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----pactwatch-test-boundary';
  const parts: string[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  if (file !== undefined) parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n${file.content}\r\n`);
  parts.push(`--${boundary}--\r\n`);
  return { payload: Buffer.from(parts.join('')), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(world: ApiWorld, fields: Record<string, string>, file?: { name: string; content: string }): Promise<LightMyRequestResponse> {
  const body = multipart(fields, file);
  return world.request({ method: 'POST', url: '/api/v1/imports', as: 'admin', headers: body.headers, payload: body.payload });
}

async function waitForJob(world: ApiWorld, id: string): Promise<{ state: string; result: unknown; error: unknown }> {
  for (let i = 0; i < 400; i += 1) {
    const job = (await world.request({ method: 'GET', url: `/api/v1/jobs/${id}`, as: 'analyst' })).json() as { state: string; result: unknown; error: unknown };
    if (job.state === 'completed' || job.state === 'failed') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`job ${id} did not finish`);
}

describe('imports and jobs through the API', () => {
  it('queues an uploaded CFR file, imports it in the background and reports the reconciliation', async () => {
    const world = await apiWorld({ dataset: false });
    const accepted = await upload(world, { format: 'csv', mapping: 'cfr' }, { name: 'cfr-tracker.csv', content: CFR_CSV });
    expect(accepted.statusCode, accepted.body).toBe(202);
    const job = accepted.json() as { id: string; name: string; state: string };
    expect(job).toMatchObject({ name: 'import', state: 'created' });
    expect(accepted.headers['location']).toBe(`/api/v1/jobs/${job.id}`);
    await world.core.jobs.startWorker({ concurrency: 1, pollIntervalMs: 20 });
    const done = await waitForJob(world, job.id);
    await world.core.jobs.stop();
    expect(done.state).toBe('completed');
    // Nothing is lost: the unknown sponsor is quarantined, and the counts reconcile.
    expect(done.result).toMatchObject({ read: 3, stored: 2, quarantined: 1 });
    const report = done.result as { read: number; stored: number; updated: number; unchanged: number; quarantined: number };
    expect(report.stored + report.updated + report.unchanged + report.quarantined).toBe(report.read);
    const incidents = (await world.request({ method: 'GET', url: '/api/v1/incidents?sponsor=CN', as: 'viewer' })).json() as { items: Array<{ title: string }> };
    expect(incidents.items.map((i) => i.title)).toContain('Cloud Hopper');
    const audit = (await world.request({ method: 'GET', url: '/api/v1/audit?action=import.run', as: 'analyst' })).json() as { items: unknown[] };
    expect(audit.items).toHaveLength(1);
  });

  it('proposes the incidents of an upload with asDrafts=true to the review queue, and a second upload skips them', async () => {
    const world = await apiWorld({ dataset: false });
    expect((await upload(world, { format: 'csv', mapping: 'cfr', asDrafts: 'yes' }, { name: 'cfr-tracker.csv', content: CFR_CSV })).statusCode).toBe(400);
    const accepted = await upload(world, { format: 'csv', mapping: 'cfr', asDrafts: 'true' }, { name: 'cfr-tracker.csv', content: CFR_CSV });
    expect(accepted.statusCode, accepted.body).toBe(202);
    const first = accepted.json() as { id: string; createdBy: string; payload: Record<string, unknown> };
    // The uploader (here the harness's admin token) is carried to the worker for the drafts and the audit log.
    const uploader = first.createdBy;
    expect(uploader).toContain('admin-user');
    expect(first.payload).toMatchObject({ asDrafts: true, requestedBy: { name: uploader, role: 'admin' } });
    await world.core.jobs.startWorker({ concurrency: 1, pollIntervalMs: 20 });
    const done = await waitForJob(world, first.id);
    expect(done.state).toBe('completed');
    expect(done.result).toMatchObject({ read: 3, stored: 0, updated: 0, unchanged: 0, quarantined: 1, drafted: 2, alreadyDrafted: 0, asDrafts: true, draftOrigin: 'import:cfr' });
    // Proposed, not stored: the incident list is empty and the queue holds both, by the uploader.
    const incidents = (await world.request({ method: 'GET', url: '/api/v1/incidents', as: 'viewer' })).json() as { items: unknown[] };
    expect(incidents.items).toEqual([]);
    const queue = (await world.request({ method: 'GET', url: '/api/v1/drafts?origin=import:cfr&state=pending', as: 'analyst' })).json() as { items: Array<{ origin: string; state: string; createdBy: string; notes: string; record: { title: string } }> };
    expect(queue.items.map((d) => d.record.title).sort()).toEqual(['Cloud Hopper', 'Shamoon']);
    expect(queue.items.every((d) => d.origin === 'import:cfr' && d.state === 'pending' && d.createdBy === uploader)).toBe(true);
    expect(queue.items[0]?.notes).toContain('cfr-tracker.csv');

    const second = (await upload(world, { format: 'csv', mapping: 'cfr', asDrafts: 'true' }, { name: 'cfr-tracker.csv', content: CFR_CSV })).json() as { id: string };
    const again = await waitForJob(world, second.id);
    await world.core.jobs.stop();
    expect(again.result).toMatchObject({ read: 3, drafted: 0, alreadyDrafted: 2, quarantined: 1 });
    const after = (await world.request({ method: 'GET', url: '/api/v1/drafts?origin=import:cfr', as: 'analyst' })).json() as { items: unknown[] };
    expect(after.items).toHaveLength(2);
    const audit = (await world.request({ method: 'GET', url: '/api/v1/audit?action=draft.create', as: 'analyst' })).json() as { items: Array<{ principal: { name: string } }> };
    expect(audit.items.map((e) => e.principal.name)).toEqual([uploader, uploader]);
  });

  it('refuses uploads without a file or format, with unknown fields, or over the size limit', async () => {
    const world = await apiWorld({ dataset: false, env: { PACTWATCH_MAX_UPLOAD_MB: '0.001' } });
    expect((await upload(world, { format: 'csv' })).statusCode).toBe(400);
    expect((await upload(world, {}, { name: 'a.csv', content: 'a,b\n' })).statusCode).toBe(400);
    expect((await upload(world, { format: 'csv', colour: 'red' }, { name: 'a.csv', content: 'a,b\n' })).statusCode).toBe(400);
    const big = await upload(world, { format: 'csv', mapping: 'cfr' }, { name: 'big.csv', content: `${CFR_CSV}\r\n${'x,'.repeat(2000)}` });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    const jobs = (await world.request({ method: 'GET', url: '/api/v1/jobs', as: 'analyst' })).json() as { items: unknown[] };
    expect(jobs.items).toHaveLength(0);
  });

  it('shows a failing import in the dead-letter list and lets an admin queue it again', async () => {
    const world = await apiWorld({ dataset: false });
    // Malformed JSON fails inside the job (the upload itself is well formed).
    const accepted = await upload(world, { format: 'json' }, { name: 'broken.json', content: '{"format": "not pactwatch"' });
    expect(accepted.statusCode).toBe(202);
    const { id } = accepted.json() as { id: string };
    await world.core.jobs.startWorker({ concurrency: 1, pollIntervalMs: 10 });
    // The one retry comes 10 s later (more with pg-boss's backoff and a loaded machine): a deadline, not a count.
    let dead: Array<{ id: string; error: { code: string } | null }> = [];
    for (const deadline = Date.now() + 75_000; dead.length === 0 && Date.now() < deadline; ) {
      dead = ((await world.request({ method: 'GET', url: '/api/v1/jobs/dead', as: 'analyst' })).json() as { items: typeof dead }).items;
      if (dead.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    await world.core.jobs.stop();
    expect(dead.map((j) => j.id)).toEqual([id]);
    expect(dead[0]?.error?.code).toBeDefined();
    const retried = await world.request({ method: 'POST', url: `/api/v1/jobs/${id}/retry`, as: 'admin' });
    expect(retried.statusCode).toBe(200);
    expect(['created', 'retry']).toContain((retried.json() as { state: string }).state);
    expect((await world.request({ method: 'POST', url: `/api/v1/jobs/${id}/retry`, as: 'analyst' })).statusCode).toBe(403);
  }, 120_000);
});
