import { describe, expect, it } from 'vitest';
import { apiWorld } from './api-harness.js';

// Bugs the API body fuzzing found (docs/RELIABILITY.md, "Fuzzing"), one regression test each.
describe('API fuzz findings stay fixed', () => {
  it('answers a URL with bad percent-encoding with a USAGE problem, not plain JSON', async () => {
    const world = await apiWorld({ dataset: false });
    const response = await world.request({ method: 'DELETE', url: '/api/v1/incidents/%C3%28', as: 'admin' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: 'USAGE', detail: expect.stringContaining('the request URL is not valid') });
  });

  it('answers a malformed multipart upload with a USAGE problem, not a 500', async () => {
    const world = await apiWorld({ dataset: false });
    const response = await world.request({
      method: 'POST',
      url: '/api/v1/imports',
      as: 'admin',
      headers: { 'content-type': 'multipart/form-data; boundary=zzz' },
      payload: '--zzz\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'USAGE', detail: expect.stringContaining('the multipart body is malformed') });
    expect((await world.core.jobs.list()).jobs).toHaveLength(0);
  });
});
