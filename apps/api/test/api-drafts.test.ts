import { describe, expect, it } from 'vitest';
import { apiWorld, newIncident } from './api-harness.js';

interface Draft {
  id: string;
  state: string;
  origin: string;
  incidentId: string | null;
  reason: string | null;
  record: { id: string };
  decidedBy: string | null;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

describe('review queue (drafts)', () => {
  it('queues a draft, accepts it as an evaluated incident, and refuses a second decision with 409', async () => {
    const world = await apiWorld();
    const bad = await world.request({ method: 'POST', url: '/api/v1/drafts', as: 'analyst', payload: { record: { id: 'incomplete-draft', title: 'Only a title' } } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED' });

    const created = await world.request({ method: 'POST', url: '/api/v1/drafts', as: 'analyst', payload: { record: newIncident('drafted-intrusion-2017'), confidence: 70, notes: 'wire report' } });
    expect(created.statusCode).toBe(201);
    const draft = created.json() as Draft;
    expect(draft).toMatchObject({ state: 'pending', origin: 'hand-entered', incidentId: null, record: { id: 'drafted-intrusion-2017' } });
    expect(created.headers['location']).toBe(`/api/v1/drafts/${draft.id}`);
    // A draft is not an incident until accepted.
    expect((await world.request({ method: 'GET', url: '/api/v1/incidents/drafted-intrusion-2017', as: 'viewer' })).statusCode).toBe(404);

    const accepted = await world.request({ method: 'POST', url: `/api/v1/drafts/${draft.id}/accept`, as: 'analyst' });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.headers['location']).toBe('/api/v1/incidents/drafted-intrusion-2017');
    expect(accepted.json()).toMatchObject({ draft: { state: 'accepted', incidentId: 'drafted-intrusion-2017' }, incident: { id: 'drafted-intrusion-2017' } });
    const incident = await world.request({ method: 'GET', url: '/api/v1/incidents/drafted-intrusion-2017', as: 'viewer' });
    expect(incident.headers['etag']).toBe(accepted.headers['etag']);
    const findings = (await world.request({ method: 'GET', url: '/api/v1/findings?incident=drafted-intrusion-2017&agreement=us-cn-2015', as: 'viewer' })).json() as Page<{ verdict: string }>;
    expect(findings.items.some((f) => f.verdict === 'breach')).toBe(true);

    const again = await world.request({ method: 'POST', url: `/api/v1/drafts/${draft.id}/reject`, as: 'analyst', payload: { reason: 'changed my mind' } });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'CONFLICT' });
    const audit = (await world.request({ method: 'GET', url: `/api/v1/audit?entityType=draft&entityId=${draft.id}`, as: 'analyst' })).json() as Page<{ action: string }>;
    expect(audit.items.map((e) => e.action)).toEqual(['draft.accept', 'draft.create']);
  });

  it('merges into an incident created here, but answers 409 for a curated one', async () => {
    const world = await apiWorld();
    await world.request({ method: 'POST', url: '/api/v1/incidents', as: 'analyst', payload: newIncident('merge-target-2017') });
    const record = newIncident('merge-source-2017', { sources: [{ publisher: 'Other', title: 'Second report' }] });
    const draft = (await world.request({ method: 'POST', url: '/api/v1/drafts', as: 'analyst', payload: { record } })).json() as Draft;

    const curated = await world.request({ method: 'POST', url: `/api/v1/drafts/${draft.id}/merge`, as: 'analyst', payload: { incidentId: 'cn-us-opm-2015' } });
    expect(curated.statusCode).toBe(409);
    expect(curated.json()).toMatchObject({ code: 'CONFLICT', detail: expect.stringContaining('read-only') as unknown });
    const missing = await world.request({ method: 'POST', url: `/api/v1/drafts/${draft.id}/merge`, as: 'analyst', payload: {} });
    expect(missing.statusCode).toBe(422);

    const merged = await world.request({ method: 'POST', url: `/api/v1/drafts/${draft.id}/merge`, as: 'analyst', payload: { incidentId: 'merge-target-2017' } });
    expect(merged.statusCode).toBe(200);
    const body = merged.json() as { draft: Draft; incident: { sources: Array<{ title: string }>; attributions: unknown[] } };
    expect(body.draft).toMatchObject({ state: 'merged', incidentId: 'merge-target-2017' });
    expect(body.incident.sources.map((s) => s.title)).toEqual(['Test report', 'Second report']);
    // The same attribution is not added twice.
    expect(body.incident.attributions).toHaveLength(1);
    expect((await world.request({ method: 'GET', url: '/api/v1/incidents/merge-source-2017', as: 'viewer' })).statusCode).toBe(404);
  });

  it('rejects with a required reason, pages the queue by state, and hides it from viewers', async () => {
    const world = await apiWorld({ dataset: false });
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const response = await world.request({ method: 'POST', url: '/api/v1/drafts', as: 'analyst', payload: { record: newIncident(`queued-${i}`), origin: 'import:cfr' } });
      ids.push((response.json() as Draft).id);
    }
    expect((await world.request({ method: 'POST', url: `/api/v1/drafts/${ids[0] ?? ''}/reject`, as: 'analyst', payload: { reason: '  ' } })).statusCode).toBe(422);
    const rejected = await world.request({ method: 'POST', url: `/api/v1/drafts/${ids[0] ?? ''}/reject`, as: 'analyst', payload: { reason: 'duplicate' } });
    expect(rejected.json()).toMatchObject({ state: 'rejected', reason: 'duplicate', decidedBy: expect.stringContaining('analyst-user') as unknown });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await world.request({ method: 'GET', url: `/api/v1/drafts?state=pending&limit=1${cursor === null ? '' : `&cursor=${cursor}`}`, as: 'analyst' });
      expect(response.statusCode).toBe(200);
      const page = response.json() as Page<Draft>;
      seen.push(...page.items.map((d) => d.id));
      cursor = page.nextCursor;
    } while (cursor !== null && seen.length < 10);
    expect(seen).toEqual([ids[2], ids[1]]);
    const one = await world.request({ method: 'GET', url: `/api/v1/drafts/${ids[0] ?? ''}`, as: 'admin' });
    expect(one.json()).toMatchObject({ id: ids[0], state: 'rejected', origin: 'import:cfr' });
    expect((await world.request({ method: 'GET', url: '/api/v1/drafts', as: 'viewer' })).statusCode).toBe(403);
    expect((await world.request({ method: 'GET', url: '/api/v1/drafts?state=maybe', as: 'analyst' })).statusCode).toBe(400);
  });
});
