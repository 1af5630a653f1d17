import { describe, expect, it } from 'vitest';
import { apiWorld, newIncident } from './api-harness.js';

describe('X-Record-Origin on single records', () => {
  it('says curated for dataset records and user for records entered through the API', async () => {
    const world = await apiWorld();
    const curated = await world.request({ method: 'GET', url: '/api/v1/incidents/cn-us-opm-2015', as: 'viewer' });
    expect(curated.statusCode).toBe(200);
    expect(curated.headers['x-record-origin']).toBe('curated');
    const agreement = await world.request({ method: 'GET', url: '/api/v1/agreements/us-cn-2015', as: 'viewer' });
    expect(agreement.headers['x-record-origin']).toBe('curated');

    const created = await world.request({ method: 'POST', url: '/api/v1/incidents', as: 'analyst', payload: newIncident('user-origin-test') });
    expect(created.statusCode).toBe(201);
    const mine = await world.request({ method: 'GET', url: '/api/v1/incidents/user-origin-test', as: 'viewer' });
    expect(mine.headers['x-record-origin']).toBe('user');
  });
});
