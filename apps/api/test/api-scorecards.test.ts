import { describe, expect, it } from 'vitest';
import { apiWorld } from './api-harness.js';

interface Card {
  agreementId: string;
  counts: Record<string, number>;
  incidents?: Record<string, string[]>;
  gaps: Array<{ dimension: string; count: number; incidents?: string[] }>;
}

describe('scorecards: a summary by default, the incident ids on request', () => {
  it('sends counts and gaps without ids unless ?incidents=true, and both agree with the service', async () => {
    const world = await apiWorld();
    const [expected] = await world.core.query.scorecards({ agreementId: 'us-cn-2015' });
    expect(expected).toBeDefined();
    const summary = (await world.request({ method: 'GET', url: '/api/v1/agreements/us-cn-2015/scorecard', as: 'viewer' })).json() as Card;
    expect(summary.incidents).toBeUndefined();
    expect(summary.counts).toEqual(expected?.counts);
    expect(summary.gaps).toEqual(expected?.gaps.map((g) => ({ dimension: g.dimension, count: g.count })));
    expect(summary.gaps.some((g) => g.dimension === 'target' && g.count > 0)).toBe(true);

    const full = await world.request({ method: 'GET', url: '/api/v1/agreements/us-cn-2015/scorecard?incidents=true', as: 'viewer' });
    expect(full.statusCode).toBe(200);
    expect(full.json()).toEqual(JSON.parse(JSON.stringify(expected)));
    expect((full.json() as Card).gaps.every((g) => g.incidents?.length === g.count)).toBe(true);

    const bad = await world.request({ method: 'GET', url: '/api/v1/agreements/us-cn-2015/scorecard?incidents=yes', as: 'viewer' });
    expect(bad.statusCode).toBe(400);
  });

  it('lists every scorecard the same way, and pages them', async () => {
    const world = await apiWorld();
    const all = await world.core.query.scorecards();
    const page = (await world.request({ method: 'GET', url: '/api/v1/scorecards?limit=500', as: 'viewer' })).json() as { items: Card[] };
    expect(page.items.map((c) => c.agreementId).sort()).toEqual(all.map((c) => c.agreementId).sort());
    expect(page.items.every((c) => c.incidents === undefined && c.gaps.every((g) => g.incidents === undefined))).toBe(true);
    const withIds = (await world.request({ method: 'GET', url: '/api/v1/scorecards?limit=500&incidents=true', as: 'viewer' })).json() as { items: Card[] };
    expect(withIds.items.every((c) => c.incidents !== undefined)).toBe(true);
  });
});
