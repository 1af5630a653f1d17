import { describe, expect, it } from 'vitest';
import { apiWorld, newIncident } from './api-harness.js';

describe('the response cache under a burst of identical reads', () => {
  it('computes a missed page once for all the readers waiting on it, then serves hits', async () => {
    const world = await apiWorld();
    const url = '/api/v1/agreements/us-cn-2015/scorecard';
    const first = await world.request({ method: 'GET', url, as: 'viewer' });
    expect(first.headers['x-cache']).toBe('miss');
    // A write moves the revision: every reader now misses at the same moment.
    expect((await world.request({ method: 'POST', url: '/api/v1/incidents', as: 'analyst', payload: newIncident('stampede-2017') })).statusCode).toBe(201);
    const burst = await Promise.all(Array.from({ length: 20 }, () => world.request({ method: 'GET', url, as: 'viewer' })));
    const kinds = burst.map((r) => r.headers['x-cache']);
    expect(kinds.filter((k) => k === 'miss')).toHaveLength(1);
    expect(kinds.every((k) => k === 'miss' || k === 'shared' || k === 'hit')).toBe(true);
    expect(new Set(burst.map((r) => r.body)).size).toBe(1);
    expect(burst[0]?.body).not.toBe(first.body);
    expect((await world.request({ method: 'GET', url, as: 'viewer' })).headers['x-cache']).toBe('hit');
  });

  it('computes every read when the cache is off (responseCache: false), sharing nothing', async () => {
    const world = await apiWorld({ app: { responseCache: false } });
    const url = '/api/v1/agreements/us-cn-2015/scorecard';
    const burst = await Promise.all(Array.from({ length: 5 }, () => world.request({ method: 'GET', url, as: 'viewer' })));
    expect(burst.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(burst.map((r) => r.headers['x-cache'])).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(new Set(burst.map((r) => r.body)).size).toBe(1);
  });
});
