import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { apiWorld } from './api-harness.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A stand-in dashboard build: the server must serve exactly these files and nothing around them. */
function fakeBuild(): string {
  const root = mkdtempSync(join(tmpdir(), 'pw-web-'));
  dirs.push(root);
  const dist = join(root, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>dash</title><div id="root"></div>');
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log("app")');
  writeFileSync(join(root, 'secret.txt'), 'outside the build');
  return dist;
}

describe('the web dashboard served by the API', () => {
  it('serves index.html for the root and for any dashboard path (shareable links), hashed assets for a year', async () => {
    const world = await apiWorld({ dataset: false, app: { webRoot: fakeBuild() } });
    for (const url of ['/', '/agreements/us-cn-2015?tab=findings', '/incidents', '/dyads/CN-US']) {
      const page = await world.request({ method: 'GET', url });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.body).toContain('<div id="root">');
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    }
    const asset = await world.request({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.body).toBe('console.log("app")');
  });

  it('never serves files outside the build, and keeps unknown API paths as 404 problems', async () => {
    const world = await apiWorld({ dataset: false, app: { webRoot: fakeBuild() } });
    for (const url of ['/assets/../../secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/missing.js']) {
      const response = await world.request({ method: 'GET', url });
      expect(response.body, url).not.toContain('outside the build');
    }
    const missing = await world.request({ method: 'GET', url: '/assets/missing.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    for (const url of ['/api/v1/no-such-thing', '/api', '/health/deep', '/openapi.json/x']) {
      const response = await world.request({ method: 'GET', url, as: 'viewer' });
      expect(response.statusCode, url).toBe(404);
      expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  it('says how to build the dashboard when there is no build, and the API still works', async () => {
    const world = await apiWorld({ dataset: false, app: { webRoot: join(tmpdir(), 'pw-no-such-build') } });
    const page = await world.request({ method: 'GET', url: '/agreements' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('npm run build');
    expect((await world.request({ method: 'GET', url: '/api/v1/agreements', as: 'viewer' })).statusCode).toBe(200);
  });
});
