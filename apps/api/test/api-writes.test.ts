import { describe, expect, it } from 'vitest';
import { apiWorld, newIncident } from './api-harness.js';

interface AuditPage {
  items: Array<{ action: string; entityId: string; principal: { name: string; kind: string }; before: unknown; after: unknown; requestId: string | null }>;
}

describe('writes', () => {
  it('creates an incident, evaluates it at once, and audits who did it with the after image', async () => {
    const world = await apiWorld();
    const created = await world.request({ method: 'POST', url: '/api/v1/incidents', as: 'analyst', payload: newIncident('api-test-intrusion-2017') });
    expect(created.statusCode).toBe(201);
    expect(created.headers['location']).toBe('/api/v1/incidents/api-test-intrusion-2017');
    expect(created.headers['etag']).toMatch(/^"[0-9a-f]+"$/);
    const findings = await world.request({ method: 'GET', url: '/api/v1/findings?incident=api-test-intrusion-2017&agreement=us-cn-2015', as: 'viewer' });
    const items = (findings.json() as { items: Array<{ verdict: string; commitment: string }> }).items;
    expect(items.length).toBeGreaterThan(0);
    // Commercial espionage by a state organ against a US company in 2017, at confidence 80: the US–China commitment's breach.
    expect(items.some((f) => f.verdict === 'breach')).toBe(true);
    const audit = (await world.request({ method: 'GET', url: '/api/v1/audit?entityType=incident&entityId=api-test-intrusion-2017', as: 'analyst' })).json() as AuditPage;
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ action: 'incident.create', entityId: 'api-test-intrusion-2017', principal: { kind: 'token' }, before: null, requestId: created.headers['x-request-id'] });
    expect(audit.items[0]?.principal.name).toContain('analyst-user');
    expect((audit.items[0]?.after as { title: string }).title).toBe('Test intrusion into a US manufacturer');
  });

  it('lets one of two analysts win and tells the other with 412; without If-Match the change is refused with 428', async () => {
    const world = await apiWorld({ dataset: false });
    const created = await world.request({ method: 'POST', url: '/api/v1/incidents', as: 'analyst', payload: newIncident('contested-2017') });
    const etag = String(created.headers['etag']);
    const alice = await world.request({ method: 'PUT', url: '/api/v1/incidents/contested-2017', as: 'analyst', headers: { 'if-match': etag }, payload: newIncident('contested-2017', { title: 'Alice\'s title' }) });
    expect(alice.statusCode).toBe(200);
    expect(alice.headers['etag']).not.toBe(etag);
    const bob = await world.request({ method: 'PUT', url: '/api/v1/incidents/contested-2017', as: 'admin', headers: { 'if-match': etag }, payload: newIncident('contested-2017', { title: 'Bob\'s title' }) });
    expect(bob.statusCode).toBe(412);
    expect(bob.json()).toMatchObject({ code: 'PRECONDITION_FAILED' });
    const blind = await world.request({ method: 'PUT', url: '/api/v1/incidents/contested-2017', as: 'analyst', payload: newIncident('contested-2017', { title: 'Blind write' }) });
    expect(blind.statusCode).toBe(428);
    const stored = await world.request({ method: 'GET', url: '/api/v1/incidents/contested-2017', as: 'viewer' });
    expect((stored.json() as { title: string }).title).toBe('Alice\'s title');
    expect(stored.headers['etag']).toBe(alice.headers['etag']);
    const audit = (await world.request({ method: 'GET', url: '/api/v1/audit?entityId=contested-2017', as: 'analyst' })).json() as AuditPage;
    expect(audit.items.map((e) => e.action)).toEqual(['incident.update', 'incident.create']);
    expect((audit.items[0]?.before as { title: string }).title).toBe('Test intrusion into a US manufacturer');
    expect((audit.items[0]?.after as { title: string }).title).toBe('Alice\'s title');
  });

  it('adds attributions and sources through sub-resources and deletes with If-Match', async () => {
    const world = await apiWorld({ dataset: false });
    const created = await world.request({ method: 'POST', url: '/api/v1/incidents', as: 'analyst', payload: newIncident('layered-2017') });
    const withAttribution = await world.request({
      method: 'POST',
      url: '/api/v1/incidents/layered-2017/attributions',
      as: 'analyst',
      headers: { 'if-match': String(created.headers['etag']) },
      payload: { sponsor: 'RU', confidence: 30, basis: 'media', attributedBy: 'A newspaper', relation: 'unknown' },
    });
    expect(withAttribution.statusCode).toBe(200);
    expect((withAttribution.json() as { attributions: unknown[] }).attributions).toHaveLength(2);
    const withSource = await world.request({ method: 'POST', url: '/api/v1/incidents/layered-2017/sources', as: 'analyst', headers: { 'if-match': String(withAttribution.headers['etag']) }, payload: { publisher: 'Another', title: 'Follow-up' } });
    expect((withSource.json() as { sources: unknown[] }).sources).toHaveLength(2);
    const stale = await world.request({ method: 'DELETE', url: '/api/v1/incidents/layered-2017', as: 'analyst', headers: { 'if-match': String(created.headers['etag']) } });
    expect(stale.statusCode).toBe(412);
    const deleted = await world.request({ method: 'DELETE', url: '/api/v1/incidents/layered-2017', as: 'analyst', headers: { 'if-match': String(withSource.headers['etag']) } });
    expect(deleted.statusCode).toBe(204);
    expect((await world.request({ method: 'GET', url: '/api/v1/incidents/layered-2017', as: 'viewer' })).statusCode).toBe(404);
    const audit = (await world.request({ method: 'GET', url: '/api/v1/audit?entityId=layered-2017', as: 'analyst' })).json() as AuditPage;
    expect(audit.items.map((e) => e.action)).toEqual(['incident.delete', 'incident.source.add', 'incident.attribution.add', 'incident.create']);
  });

  it('rejects unknown fields, bad values and duplicate ids, naming the field', async () => {
    const world = await apiWorld({ dataset: false });
    const unknown = await world.request({ method: 'POST', url: '/api/v1/incidents', as: 'analyst', payload: { ...newIncident('x-2017'), colour: 'red' } });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(JSON.stringify(unknown.json())).toContain('colour');
    const badDate = await world.request({ method: 'POST', url: '/api/v1/incidents', as: 'analyst', payload: newIncident('y-2017', { period: { start: 'last spring' } }) });
    expect(badDate.statusCode).toBe(422);
    expect((badDate.json() as { problems: Array<{ path: string }> }).problems.some((p) => p.path.includes('period'))).toBe(true);
    expect((await world.request({ method: 'POST', url: '/api/v1/incidents', as: 'analyst', payload: newIncident('dup-2017') })).statusCode).toBe(201);
    const duplicate = await world.request({ method: 'POST', url: '/api/v1/incidents', as: 'analyst', payload: newIncident('dup-2017') });
    expect(duplicate.statusCode).toBe(409);
    const notJson = await world.request({ method: 'POST', url: '/api/v1/incidents', as: 'analyst', headers: { 'content-type': 'application/json' }, payload: '{"id": ' });
    expect(notJson.statusCode).toBe(400);
    const huge = await world.request({ method: 'POST', url: '/api/v1/incidents', as: 'analyst', payload: newIncident('big-2017', { summary: 'x'.repeat(2 * 1024 * 1024) }) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('keeps curated incidents read-only (409 naming the file) and leaves them unchanged', async () => {
    const world = await apiWorld();
    const curated = await world.request({ method: 'GET', url: '/api/v1/incidents/cn-us-opm-2015', as: 'viewer' });
    expect(curated.statusCode).toBe(200);
    const body = { ...(curated.json() as Record<string, unknown>), title: 'Edited through the API' };
    const put = await world.request({ method: 'PUT', url: '/api/v1/incidents/cn-us-opm-2015', as: 'admin', headers: { 'if-match': String(curated.headers['etag']) }, payload: body });
    expect(put.statusCode).toBe(409);
    expect((put.json() as { detail: string }).detail).toContain('curated');
    const after = await world.request({ method: 'GET', url: '/api/v1/incidents/cn-us-opm-2015', as: 'viewer' });
    expect(after.headers['etag']).toBe(curated.headers['etag']);
  });

  it('lets admins add an agreement; its findings follow through a queued evaluation job', async () => {
    const world = await apiWorld();
    const agreement = {
      id: 'us-cn-api-2018',
      title: 'A test accord added through the API',
      kind: 'joint-statement',
      parties: [{ state: 'US' }, { state: 'CN' }],
      signed: '2016-01-01',
      status: 'announced',
      summary: 'Written for the API tests.',
      sources: [{ publisher: 'Test', title: 'Test' }],
      provenance: { origin: 'added', note: 'API test' },
      commitments: [{ id: 'no-theft', title: 'No theft', obligation: 'refrain', text: 'will not steal', source: { publisher: 'Test', title: 'Test' }, scope: { activities: ['commercial-espionage'], targets: ['private-sector'], means: 'cyber-enabled', actor: 'conducted-or-supported', rationale: 'Test coding.' } }],
    };
    const byAnalyst = await world.request({ method: 'POST', url: '/api/v1/agreements', as: 'analyst', payload: agreement });
    expect(byAnalyst.statusCode).toBe(403);
    const created = await world.request({ method: 'POST', url: '/api/v1/agreements', as: 'admin', payload: agreement });
    expect(created.statusCode, created.body).toBe(201);
    expect((created.json() as { commitments: Array<{ id: string }> }).commitments[0]?.id).toBe('us-cn-api-2018/no-theft');
    const jobs = (await world.request({ method: 'GET', url: '/api/v1/jobs?name=evaluate', as: 'analyst' })).json() as { items: Array<{ id: string; state: string }> };
    expect(jobs.items.length).toBeGreaterThan(0);
    await world.core.jobs.startWorker({ concurrency: 1, pollIntervalMs: 20 });
    let state = '';
    for (let i = 0; i < 200 && state !== 'completed'; i += 1) {
      state = (await world.core.jobs.get(jobs.items[0]?.id ?? '')).state;
      if (state !== 'completed') await new Promise((r) => setTimeout(r, 25));
    }
    await world.core.jobs.stop();
    expect(state).toBe('completed');
    const findings = (await world.request({ method: 'GET', url: '/api/v1/findings?agreement=us-cn-api-2018', as: 'viewer' })).json() as { items: unknown[] };
    expect(findings.items.length).toBeGreaterThan(0);
  });
});
