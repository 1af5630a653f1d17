import { roleAllows, type Role } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { registeredRoutes } from '../src/build-app.js';
import { apiWorld, ROLE_LIST, type ApiWorld } from './api-harness.js';

// Within a test every request is either a read or a write that is refused before it changes
// anything (empty bodies fail validation, deletes lack If-Match), so the rows cannot affect each other.
const SAMPLE_PARAMS: Record<string, string> = {
  id: 'us-cn-2015',
  code: 'CN',
  format: 'csv',
  username: 'viewer-user',
  dyad: 'CN-US',
};

function concreteUrl(url: string): string {
  return url.replace(/:([a-zA-Z]+)/g, (_, name: string) => SAMPLE_PARAMS[name] ?? 'x');
}

type Caller = Role | 'anonymous';

function expectedRefusal(access: string, caller: Caller, method: string, anonymousRead: boolean): 401 | 403 | undefined {
  if (access === 'public') return undefined;
  if (caller === 'anonymous') return access === 'viewer' && anonymousRead && (method === 'GET' || method === 'HEAD') ? undefined : 401;
  return roleAllows(caller, access as Role) ? undefined : 403;
}

for (const anonymousRead of [false, true]) {
  describe(`every endpoint × role (anonymous read ${anonymousRead ? 'on' : 'off'})`, () => {
    // The store is closed after each test (workspace cleanup), so each test opens its own.
    const open = (): Promise<ApiWorld> => apiWorld({ env: { PACTWATCH_ANONYMOUS_READ: String(anonymousRead) } });

    it('declares an access level on every route, and the matrix covers more than the reads', async () => {
      const world = await open();
      const routes = registeredRoutes(world.app).filter((r) => !r.url.startsWith('/docs'));
      expect(routes.length).toBeGreaterThan(40);
      expect(new Set(routes.map((r) => r.access))).toEqual(new Set(['public', 'viewer', 'analyst', 'admin']));
      expect(routes.some((r) => r.method === 'DELETE')).toBe(true);
    });

    it('answers each route with the status its access level requires, for every caller', async () => {
      const world = await open();
      const routes = registeredRoutes(world.app).filter((r) => !r.url.startsWith('/docs/'));
      const rows: string[] = [];
      for (const route of routes) {
        for (const caller of ['anonymous', ...ROLE_LIST] as const) {
          const body = ['POST', 'PUT', 'PATCH'].includes(route.method) ? {} : undefined;
          const response = await world.request({ method: route.method as 'GET', url: concreteUrl(route.url), as: caller, ...(body === undefined ? {} : { payload: body }) });
          const refusal = expectedRefusal(route.access, caller, route.method, anonymousRead);
          const code = refusal === undefined ? undefined : (response.json() as { code?: string }).code;
          const ok =
            refusal === undefined
              ? response.statusCode !== 401 && response.statusCode !== 403 && response.statusCode < 500
              : response.statusCode === refusal && String(response.headers['content-type']).includes('application/problem+json') && code === (refusal === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN');
          if (!ok) rows.push(`${route.method} ${route.url} as ${caller}: got ${response.statusCode}, expected ${refusal ?? 'not 401/403/5xx'} (${response.body.slice(0, 160)})`);
        }
      }
      expect(rows).toEqual([]);
    });

    it('refuses every write without credentials, whatever the anonymous-read setting', async () => {
      const world = await open();
      const writes = registeredRoutes(world.app).filter((r) => r.method !== 'GET' && r.access !== 'public');
      expect(writes.length).toBeGreaterThan(15);
      for (const route of writes) {
        const response = await world.request({ method: route.method as 'POST', url: concreteUrl(route.url), payload: {} });
        expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      }
    });
  });
}

// Issue 8 (security): the matrix above walks registeredRoutes, which the onRoute hook fills for
// every route registered, so a new endpoint joins it automatically. This pins the one write that
// needs no credentials, so adding another public write is a deliberate, reviewed change.
describe('public writes', () => {
  it('are exactly the login route; every other write needs a signed-in caller', async () => {
    const world = await apiWorld({ dataset: false });
    const routes = registeredRoutes(world.app);
    const publicWrites = routes.filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method) && r.access === 'public').map((r) => `${r.method} ${r.url}`);
    expect(publicWrites).toEqual(['POST /api/v1/auth/login']);
    expect(routes.every((r) => ['public', 'viewer', 'analyst', 'admin'].includes(r.access))).toBe(true);
  });
});
