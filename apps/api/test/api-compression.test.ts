import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { apiWorld } from './api-harness.js';

describe('cached reads over gzip', () => {
  it('sends the same JSON gzipped to callers that accept it, with its own ETag, and plain to the others', async () => {
    const world = await apiWorld();
    const url = '/api/v1/scorecards';
    const plain = await world.request({ method: 'GET', url, as: 'viewer' });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toContain('accept-encoding');

    const zipped = await world.request({ method: 'GET', url, as: 'viewer', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(zipped.statusCode).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length);
    expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(plain.body);
    expect(zipped.headers['etag']).not.toBe(plain.headers['etag']);

    // Each representation revalidates against its own ETag.
    const again = await world.request({ method: 'GET', url, as: 'viewer', headers: { 'accept-encoding': 'gzip', 'if-none-match': String(zipped.headers['etag']) } });
    expect(again.statusCode).toBe(304);
    const mixed = await world.request({ method: 'GET', url, as: 'viewer', headers: { 'if-none-match': String(zipped.headers['etag']) } });
    expect(mixed.statusCode).toBe(200);
    expect(mixed.body).toBe(plain.body);

    // gzip refused explicitly (q=0) means plain.
    const refused = await world.request({ method: 'GET', url, as: 'viewer', headers: { 'accept-encoding': 'gzip;q=0, identity' } });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body).toBe(plain.body);
  });
});
