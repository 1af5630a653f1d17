import { describe, expect, it } from 'vitest';
import { apiWorld, newIncident, type ApiWorld } from './api-harness.js';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface IncidentItem {
  id: string;
  title: string;
  summary: string;
  attributions: Array<{ confidence: number }>;
}

/** Every item of a list, following nextCursor; fails on a repeat (a broken keyset would loop or repeat). */
async function walk<T extends object>(world: ApiWorld, url: string, as: 'viewer' | 'analyst' = 'viewer'): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const response = await world.request({ method: 'GET', url: `${url}${url.includes('?') ? '&' : '?'}limit=2${cursor === null ? '' : `&cursor=${cursor}`}`, as });
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json() as Page<T>;
    all.push(...page.items);
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor !== null && pages < 200);
  return all;
}

describe('list filters for the dashboard', () => {
  it('searches incidents by text in id, title or summary, ignoring case and treating % literally', async () => {
    const world = await apiWorld();
    await world.request({ method: 'POST', url: '/api/v1/incidents', as: 'analyst', payload: newIncident('search-target-2017', { title: 'Breach of 100% of the PAYROLL servers', summary: 'Nothing else matches.' }) });
    const byTitle = await walk<IncidentItem>(world, '/api/v1/incidents?q=payroll');
    expect(byTitle.map((i) => i.id)).toEqual(['search-target-2017']);
    expect((await walk<IncidentItem>(world, '/api/v1/incidents?q=100%25')).map((i) => i.id)).toEqual(['search-target-2017']);
    expect(await walk<IncidentItem>(world, '/api/v1/incidents?q=1_0%25')).toEqual([]);
    const all = await world.core.query.incidents();
    const expected = all.filter((i) => [i.id, i.title, i.summary].some((t) => t.toLowerCase().includes('opm'))).map((i) => i.id);
    expect(expected.length).toBeGreaterThan(0);
    expect((await walk<IncidentItem>(world, '/api/v1/incidents?q=OPM&sort=id')).map((i) => i.id)).toEqual(expected.sort());
  });

  it('filters incidents by best attribution confidence and by finding (agreement and verdict)', async () => {
    const world = await apiWorld();
    const all = await world.core.query.incidents();
    const confident = all.filter((i) => Math.max(...i.attributions.map((a) => a.confidence)) >= 80).map((i) => i.id).sort();
    expect(confident.length).toBeGreaterThan(0);
    expect(confident.length).toBeLessThan(all.length);
    expect((await walk<IncidentItem>(world, '/api/v1/incidents?minConfidence=80&sort=id')).map((i) => i.id)).toEqual(confident);

    const findings = await world.core.query.findings({ agreementId: 'ru-cn-2015' });
    const possible = [...new Set(findings.filter((f) => f.verdict === 'possible-breach').map((f) => f.incidentId))].sort();
    expect(possible.length).toBeGreaterThan(0);
    expect((await walk<IncidentItem>(world, '/api/v1/incidents?agreement=ru-cn-2015&verdict=possible-breach&sort=id')).map((i) => i.id)).toEqual(possible);
    const judged = [...new Set(findings.map((f) => f.incidentId))].sort();
    expect((await walk<IncidentItem>(world, '/api/v1/incidents?agreement=ru-cn-2015&sort=-id')).map((i) => i.id)).toEqual([...judged].reverse());
    expect((await world.request({ method: 'GET', url: '/api/v1/incidents?verdict=guilty', as: 'viewer' })).statusCode).toBe(400);
    expect((await world.request({ method: 'GET', url: '/api/v1/incidents?minConfidence=101', as: 'viewer' })).statusCode).toBe(400);
  });

  it('walks incidents by title both ways with ties on title broken by id, without gaps or repeats', async () => {
    const world = await apiWorld();
    for (const id of ['tie-b-2017', 'tie-a-2017', 'tie-c-2017']) await world.request({ method: 'POST', url: '/api/v1/incidents', as: 'analyst', payload: newIncident(id, { title: 'Same title' }) });
    const all = await world.core.query.incidents();
    const order = [...all].sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : a.id < b.id ? -1 : 1)).map((i) => i.id);
    const ascending = (await walk<IncidentItem>(world, '/api/v1/incidents?sort=title')).map((i) => i.id);
    expect(new Set(ascending).size).toBe(all.length);
    // Titles compare by code point on both stores (collate "C" on PostgreSQL).
    expect(ascending).toEqual(order);
    expect((await walk<IncidentItem>(world, '/api/v1/incidents?sort=-title')).map((i) => i.id)).toEqual([...order].reverse());
    expect(ascending.filter((id) => id.startsWith('tie-'))).toEqual(['tie-a-2017', 'tie-b-2017', 'tie-c-2017']);
  });

  it('lists findings newest incidents first with a cursor that belongs to that sort', async () => {
    const world = await apiWorld();
    const all = await walk<{ incident: string; commitment: string }>(world, '/api/v1/findings?sort=recent');
    const findings = await world.core.query.findings();
    expect(all).toHaveLength(findings.length);
    const starts = new Map((await world.core.query.incidents()).map((i) => [i.id, i.period.start] as const));
    const keys = all.map((f) => `${f.incident}|${f.commitment}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Period starts are EDTF; for the curated data a later year-month string is a later start.
    const years = all.map((f) => (starts.get(f.incident) ?? '').slice(0, 7));
    expect(years).toEqual([...years].sort().reverse());
    const first = (await world.request({ method: 'GET', url: '/api/v1/findings?sort=recent&limit=1', as: 'viewer' })).json() as Page<unknown>;
    expect((await world.request({ method: 'GET', url: `/api/v1/findings?sort=incident&cursor=${first.nextCursor ?? ''}`, as: 'viewer' })).statusCode).toBe(400);
  });

  it('filters agreements by text and party, and exports only the selected incidents', async () => {
    const world = await apiWorld();
    const agreements = await walk<{ id: string }>(world, '/api/v1/agreements?q=CHINA&party=US');
    expect(agreements.map((a) => a.id)).toContain('us-cn-2015');
    expect(agreements.every((a) => a.id !== 'ru-cn-2015')).toBe(true);
    expect(await walk(world, '/api/v1/agreements?q=no-such-words-anywhere')).toEqual([]);

    const selected = (await walk<IncidentItem>(world, '/api/v1/incidents?sponsor=CN&victim=US&minConfidence=80&sort=id')).map((i) => i.id);
    expect(selected.length).toBeGreaterThan(0);
    const csv = await world.request({ method: 'GET', url: '/api/v1/exports/csv?sponsor=CN&victim=US&minConfidence=80', as: 'viewer' });
    expect(csv.statusCode).toBe(200);
    expect(JSON.parse(String(csv.headers['x-pactwatch-counts']))).toEqual({ rows: selected.length });
    expect(String(csv.headers['content-disposition'])).toContain('pactwatch-selection.csv');
    for (const id of selected) expect(csv.body).toContain(id);
    const json = (await world.request({ method: 'GET', url: '/api/v1/exports/json?agreement=us-cn-2015&verdict=breach', as: 'viewer' })).json() as { incidents: Array<{ id: string }>; agreements: Array<{ id: string }> };
    const breaches = [...new Set((await world.core.query.findings({ agreementId: 'us-cn-2015', verdict: 'breach' })).map((f) => f.incidentId))].sort();
    expect(json.incidents.map((i) => i.id).sort()).toEqual(breaches);
    expect(json.agreements.map((a) => a.id)).toEqual(['us-cn-2015']);
    const whole = await world.request({ method: 'GET', url: '/api/v1/exports/csv', as: 'viewer' });
    expect(JSON.parse(String(whole.headers['x-pactwatch-counts']))).toEqual({ rows: (await world.core.query.incidents()).length });
  });
});
