import { parseUncertainDate, type Incident } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { apiWorld } from './api-harness.js';

interface Series {
  granularity: string;
  periods: Array<{ label: string; count: number | null }>;
  items: number;
  total: number;
}

interface DyadSummary {
  sponsor: string;
  victim: string;
  incidents: number;
  breach: number;
  possibleBreach: number;
}

interface DyadDetail extends DyadSummary {
  perYear: Series | null;
  verdicts: Record<string, number>;
  agreements: Array<{ id: string; trend: { source: string; computedAt: string; report: { agreement?: { id: string } } | null; error: { code: string } | null } }>;
}

/** Incidents per SPONSOR-VICTIM key, counted from the records themselves. */
function pairCounts(incidents: readonly Incident[]): Record<string, number> {
  const pairs = new Map<string, Set<string>>();
  for (const i of incidents) for (const a of i.attributions) for (const v of i.victims) pairs.set(`${a.sponsor}-${v.state}`, (pairs.get(`${a.sponsor}-${v.state}`) ?? new Set()).add(i.id));
  return Object.fromEntries([...pairs].map(([key, ids]) => [key, ids.size]));
}

describe('chart reads for the dashboard', () => {
  it('serves the count series of `pactwatch series` for the same parameters', async () => {
    const world = await apiWorld();
    const response = await world.request({ method: 'GET', url: '/api/v1/series?sponsor=cn&victim=US&from=2012&to=2018&by=year', as: 'viewer' });
    expect(response.statusCode, response.body).toBe(200);
    const series = response.json() as Series;
    expect(series.granularity).toBe('year');
    expect(series.periods.map((p) => p.label)).toEqual(['2012', '2013', '2014', '2015', '2016', '2017', '2018']);
    const cnUs = (await world.core.query.incidents()).filter((i) => i.attributions.some((a) => a.sponsor === 'CN') && i.victims.some((v) => v.state === 'US'));
    expect(cnUs.length).toBeGreaterThan(0);
    expect(series.items).toBe(cnUs.length);
    expect(series.total).toBeCloseTo(series.periods.reduce((sum, p) => sum + (p.count ?? 0), 0), 9);
    expect(series).toEqual(await world.core.trends.series({ by: 'year', from: '2012', to: '2018', dateBy: 'start', uncertain: 'spread', sponsors: ['CN'], victims: ['US'] }));

    const breaches = (await world.request({ method: 'GET', url: '/api/v1/series?agreement=us-cn-2015&verdict=breach,possible-breach&from=2013&to=2018&by=quarter', as: 'viewer' })).json() as Series;
    const judged = new Set((await world.core.query.findings({ agreementId: 'us-cn-2015' })).filter((f) => f.verdict === 'breach' || f.verdict === 'possible-breach').map((f) => f.incidentId));
    expect(breaches.items).toBe(judged.size);
    expect(breaches.periods).toHaveLength(24);
    expect((await world.request({ method: 'GET', url: '/api/v1/series?from=2012', as: 'viewer' })).statusCode).toBe(400);
    expect((await world.request({ method: 'GET', url: '/api/v1/series?from=2012&to=2014&activity=hacking-for-fun', as: 'viewer' })).statusCode).toBe(400);
  });

  it('lists every sponsor → victim pair with incident and breach counts, most incidents first', async () => {
    const world = await apiWorld();
    const response = await world.request({ method: 'GET', url: '/api/v1/dyads', as: 'viewer' });
    expect(response.statusCode, response.body).toBe(200);
    const { items } = response.json() as { items: DyadSummary[] };
    const incidents = await world.core.query.incidents();
    const pairs = pairCounts(incidents);
    expect(Object.fromEntries(items.map((d) => [`${d.sponsor}-${d.victim}`, d.incidents]))).toEqual(pairs);
    expect(items.map((d) => d.incidents)).toEqual([...items.map((d) => d.incidents)].sort((a, b) => b - a));
    const findings = await world.core.query.findings();
    const cnUs = items.find((d) => d.sponsor === 'CN' && d.victim === 'US');
    const withVerdict = (verdict: string): number => new Set(findings.filter((f) => f.dyad.sponsor === 'CN' && f.dyad.victim === 'US' && f.verdict === verdict).map((f) => f.incidentId)).size;
    expect(cnUs).toMatchObject({ breach: withVerdict('breach'), possibleBreach: withVerdict('possible-breach') });
    expect((cnUs?.breach ?? 0) + (cnUs?.possibleBreach ?? 0)).toBeGreaterThan(0);

    // `to` keeps incidents that may have begun by then, as the incident list's filter does.
    const early = (await world.request({ method: 'GET', url: '/api/v1/dyads?to=2015-06', as: 'viewer' })).json() as { items: DyadSummary[] };
    const by = parseUncertainDate('2015-06').latest;
    const expectedEarly = pairCounts(incidents.filter((i) => parseUncertainDate(i.period.start).earliest <= by));
    expect(Object.keys(expectedEarly).length).toBeGreaterThan(0);
    expect(Object.fromEntries(early.items.map((d) => [`${d.sponsor}-${d.victim}`, d.incidents]))).toEqual(expectedEarly);
  });

  it('details one pair: per-year series, verdict counts, and the agreements between them with cached or computed trends', async () => {
    const world = await apiWorld();
    const response = await world.request({ method: 'GET', url: '/api/v1/dyads/cn-us', as: 'viewer' });
    expect(response.statusCode, response.body).toBe(200);
    const dyad = response.json() as DyadDetail;
    const findings = (await world.core.query.findings()).filter((f) => f.dyad.sponsor === 'CN' && f.dyad.victim === 'US');
    expect(dyad.verdicts['breach'] ?? 0).toBe(findings.filter((f) => f.verdict === 'breach').length);
    expect(Object.values(dyad.verdicts).reduce((a, b) => a + b, 0)).toBe(findings.length);
    expect(dyad.perYear?.items).toBe(dyad.incidents);
    const withCn = new Set((await world.core.query.agreements({ party: 'CN' })).map((a) => a.id));
    const between = (await world.core.query.agreements({ party: 'US' })).filter((a) => withCn.has(a.id)).map((a) => a.id);
    expect(dyad.agreements.map((a) => a.id)).toEqual(between);
    expect(between).toContain('us-cn-2015');
    expect(between).not.toContain('ru-cn-2015');
    for (const a of dyad.agreements) {
      expect(a.trend.source).toBe('computed');
      expect(a.trend.report === null).toBe(a.trend.error !== null);
    }

    // After a statistics refresh the cached analysis is served instead of a new fit.
    const computed = dyad.agreements.find((a) => a.id === 'us-cn-2015')?.trend.report;
    await world.core.db.insertInto('trend_cache').values({ agreement_id: 'us-cn-2015', computed_at: '2024-01-02T03:04:05.000Z', report: JSON.stringify(computed), error: null }).execute();
    const cached = (await world.request({ method: 'GET', url: '/api/v1/dyads/CN-US', as: 'viewer' })).json() as DyadDetail;
    expect(cached.agreements.find((a) => a.id === 'us-cn-2015')?.trend).toMatchObject({ source: 'cache', computedAt: '2024-01-02T03:04:05.000Z', report: { agreement: { id: 'us-cn-2015' } } });

    const empty = (await world.request({ method: 'GET', url: '/api/v1/dyads/FR-BR', as: 'viewer' })).json() as DyadDetail;
    expect(empty).toMatchObject({ sponsor: 'FR', victim: 'BR', incidents: 0, breach: 0, perYear: null });
    expect((await world.request({ method: 'GET', url: '/api/v1/dyads/CNUS', as: 'viewer' })).statusCode).toBe(400);
  });
});
