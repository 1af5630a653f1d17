import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { apiWorld } from './api-harness.js';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

describe('reads', () => {
  it('walks every incident page by cursor, without gaps or repeats, in the order asked', async () => {
    const world = await apiWorld();
    const all = await world.core.query.incidents();
    for (const sort of ['id', '-id', 'start', '-start']) {
      const seen: Array<{ id: string }> = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const response = await world.request({ method: 'GET', url: `/api/v1/incidents?limit=3&sort=${sort}${cursor === null ? '' : `&cursor=${cursor}`}`, as: 'viewer' });
        expect(response.statusCode).toBe(200);
        const page = response.json() as Page<{ id: string }>;
        expect(page.items.length).toBeLessThanOrEqual(3);
        seen.push(...page.items);
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor !== null && pages < 100);
      expect(seen.map((i) => i.id).sort()).toEqual(all.map((i) => i.id).sort());
      expect(new Set(seen.map((i) => i.id)).size).toBe(seen.length);
      if (sort === 'id') expect(seen.map((i) => i.id)).toEqual([...seen.map((i) => i.id)].sort());
      if (sort === '-id') expect(seen.map((i) => i.id)).toEqual([...seen.map((i) => i.id)].sort().reverse());
    }
  });

  it('refuses a cursor from another sort or a forged one with problem+json', async () => {
    const world = await apiWorld();
    const first = (await world.request({ method: 'GET', url: '/api/v1/incidents?limit=2&sort=id', as: 'viewer' })).json() as Page<unknown>;
    expect(first.nextCursor).not.toBeNull();
    const other = await world.request({ method: 'GET', url: `/api/v1/incidents?limit=2&sort=start&cursor=${first.nextCursor ?? ''}`, as: 'viewer' });
    expect(other.statusCode).toBe(400);
    expect(other.json()).toMatchObject({ code: 'USAGE', status: 400 });
    const forged = await world.request({ method: 'GET', url: '/api/v1/incidents?cursor=not-a-cursor', as: 'viewer' });
    expect(forged.statusCode).toBe(400);
  });

  it('filters findings by dyad and verdict, the same set the service returns', async () => {
    const world = await apiWorld();
    const expected = (await world.core.query.findings({})).filter((f) => f.dyad.sponsor === 'CN' && f.dyad.victim === 'US');
    expect(expected.length).toBeGreaterThan(0);
    const got: Array<{ sponsor: string; victim: string; incident: string; commitment: string; checks: unknown[] }> = [];
    let cursor: string | null = null;
    do {
      const response = await world.request({ method: 'GET', url: `/api/v1/findings?dyad=CN-US&limit=7&sort=incident${cursor === null ? '' : `&cursor=${cursor}`}`, as: 'viewer' });
      expect(response.statusCode).toBe(200);
      const page = response.json() as Page<(typeof got)[number]>;
      got.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(got.map((f) => `${f.commitment}|${f.incident}`).sort()).toEqual(expected.map((f) => `${f.commitmentId}|${f.incidentId}`).sort());
    expect(got.every((f) => f.sponsor === 'CN' && f.victim === 'US' && f.checks.length === 7)).toBe(true);
    const breaches = (await world.request({ method: 'GET', url: '/api/v1/findings?verdict=possible-breach&agreement=ru-cn-2015', as: 'viewer' })).json() as Page<{ verdict: string; agreement: string }>;
    expect(breaches.items.length).toBeGreaterThan(0);
    expect(breaches.items.every((f) => f.verdict === 'possible-breach' && f.agreement === 'ru-cn-2015')).toBe(true);
  });

  it('answers If-None-Match with 304, and a write changes the ETag of the lists it affects', async () => {
    const world = await apiWorld();
    const url = '/api/v1/agreements/us-cn-2015/scorecard';
    const first = await world.request({ method: 'GET', url, as: 'viewer' });
    expect(first.statusCode).toBe(200);
    const etag = String(first.headers['etag']);
    expect(etag).toMatch(/^"[^"]+"$/);
    const again = await world.request({ method: 'GET', url, as: 'viewer', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers['x-cache']).toBe('hit');

    const incidents = await world.request({ method: 'GET', url: '/api/v1/incidents?limit=500', as: 'viewer' });
    const before = (incidents.json() as Page<unknown>).items.length;
    const override = (await world.request({ method: 'GET', url: '/api/v1/findings?agreement=us-cn-2015&limit=1', as: 'viewer' })).json() as Page<{ commitment: string; incident: string }>;
    const target = override.items[0];
    if (target === undefined) throw new Error('no finding to override');
    const detail = await world.request({ method: 'GET', url: `/api/v1/findings/detail?commitment=${encodeURIComponent(target.commitment)}&incident=${target.incident}`, as: 'analyst' });
    const put = await world.request({
      method: 'PUT',
      url: '/api/v1/findings/override',
      as: 'analyst',
      headers: { 'if-match': String(detail.headers['etag']) },
      payload: { commitment: target.commitment, incident: target.incident, verdict: 'breach', note: 'Reviewed the indictment: commercial purpose shown.' },
    });
    expect(put.statusCode).toBe(200);
    const after = await world.request({ method: 'GET', url, as: 'viewer', headers: { 'if-none-match': etag } });
    expect(after.statusCode).toBe(200);
    expect(after.headers['etag']).not.toBe(etag);
    expect((after.json() as { overrides: number }).overrides).toBeGreaterThan((first.json() as { overrides: number }).overrides);
    const incidentsAfter = await world.request({ method: 'GET', url: '/api/v1/incidents?limit=500', as: 'viewer' });
    expect((incidentsAfter.json() as Page<unknown>).items.length).toBe(before);
  });

  it('reports missing records and unknown routes as problem+json with catalogue codes', async () => {
    const world = await apiWorld();
    const missing = await world.request({ method: 'GET', url: '/api/v1/incidents/no-such-incident', as: 'viewer' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json()).toMatchObject({ status: 404, code: 'NOT_FOUND', title: 'Not found', instance: '/api/v1/incidents/no-such-incident' });
    expect((missing.json() as { type: string }).type).toContain('ERRORS.md#not_found');
    const unknown = await world.request({ method: 'GET', url: '/api/v1/nothing-here', as: 'viewer' });
    expect(unknown.statusCode).toBe(404);
    const badQuery = await world.request({ method: 'GET', url: '/api/v1/incidents?colour=blue', as: 'viewer' });
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json()).toMatchObject({ code: 'USAGE' });
    const badLimit = await world.request({ method: 'GET', url: '/api/v1/findings?limit=100000', as: 'viewer' });
    expect(badLimit.statusCode).toBe(400);
  });

  it('publishes an OpenAPI 3.1 document naming every route, with interactive docs', async () => {
    const world = await apiWorld({ dataset: false });
    const response = await world.request({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json() as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown>; security?: unknown }>>; components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> } };
    expect(doc.openapi).toBe('3.1.0');
    // Checked against the OpenAPI 3.1 specification's own JSON Schema, so generators and clients accept it.
    const validator = new Validator();
    const validation = await validator.validate(doc as unknown as Record<string, unknown>);
    expect(validation.errors ?? []).toEqual([]);
    expect(validation.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)));
    for (const required of ['GET /api/v1/incidents', 'POST /api/v1/incidents', 'PUT /api/v1/incidents/{id}', 'GET /api/v1/findings', 'GET /api/v1/agreements/{id}/scorecard', 'GET /api/v1/agreements/{id}/trend', 'POST /api/v1/imports', 'GET /api/v1/audit', 'GET /api/v1/jobs/dead', 'POST /api/v1/tokens']) {
      expect(documented, required).toContain(required);
    }
    expect(doc.paths['/api/v1/incidents']?.['post']?.responses).toHaveProperty('412');
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Incident', 'Finding', 'Problem', 'Scorecard']));
    expect(Object.keys(doc.components.securitySchemes)).toEqual(['session', 'token']);
    const docs = await world.request({ method: 'GET', url: '/docs' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });
});
