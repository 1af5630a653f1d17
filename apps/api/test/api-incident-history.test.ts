import { describe, expect, it } from 'vitest';
import { apiWorld, newIncident } from './api-harness.js';

interface AuditPage {
  items: Array<{ action: string; entityType: string; entityId: string }>;
}

describe('an incident\'s history in the audit log', () => {
  it('lists its own changes and the overrides on its findings, and nothing about other incidents', async () => {
    const world = await apiWorld();
    for (const id of ['history-target-2017', 'history-target-2017b']) {
      expect((await world.request({ method: 'POST', url: '/api/v1/incidents', as: 'analyst', payload: newIncident(id) })).statusCode).toBe(201);
    }
    const findings = (await world.request({ method: 'GET', url: '/api/v1/findings?incident=history-target-2017&agreement=us-cn-2015', as: 'viewer' })).json() as { items: Array<{ commitment: string }> };
    const commitment = findings.items[0]?.commitment;
    if (commitment === undefined) throw new Error('the test incident has no finding under us-cn-2015');
    for (const incident of ['history-target-2017', 'history-target-2017b']) {
      const query = `commitment=${encodeURIComponent(commitment)}&incident=${incident}`;
      const detail = await world.request({ method: 'GET', url: `/api/v1/findings/detail?${query}`, as: 'analyst' });
      const put = await world.request({ method: 'PUT', url: '/api/v1/findings/override', as: 'analyst', headers: { 'if-match': String(detail.headers['etag']) }, payload: { commitment, incident, verdict: 'possible-breach', note: 'One vendor report only.' } });
      expect(put.statusCode).toBe(200);
    }

    const page = (await world.request({ method: 'GET', url: '/api/v1/audit?incident=history-target-2017', as: 'analyst' })).json() as AuditPage;
    expect(page.items.map((e) => [e.action, e.entityType, e.entityId])).toEqual([
      ['override.set', 'verdict-override', `${commitment}@history-target-2017`],
      ['incident.create', 'incident', 'history-target-2017'],
    ]);
    // A wildcard in the id is matched literally.
    expect(((await world.request({ method: 'GET', url: '/api/v1/audit?incident=history-target-201_', as: 'analyst' })).json() as AuditPage).items).toEqual([]);
    expect((await world.request({ method: 'GET', url: '/api/v1/audit?incident=history-target-2017', as: 'viewer' })).statusCode).toBe(403);
  });
});
