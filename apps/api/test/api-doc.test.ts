import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { registeredRoutes } from '../src/build-app.js';
import { apiWorld } from './api-harness.js';

describe('docs/API.md', () => {
  it('lists every route with the access level the app enforces, and nothing else', async () => {
    const world = await apiWorld({ dataset: false });
    const doc = readFileSync(new URL('../../../docs/API.md', import.meta.url), 'utf8');
    const documented = [...doc.matchAll(/^\| (GET|POST|PUT|PATCH|DELETE) \| `([^`]+)` \| (public|viewer|analyst|admin) \|/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
    const served = registeredRoutes(world.app)
      .filter((r) => !r.url.startsWith('/docs'))
      .map((r) => `${r.method} ${r.url} ${r.access}`);
    expect(documented.sort()).toEqual(served.sort());
  });
});
