import { describe, expect, it } from 'vitest';
import { registeredRoutes } from '../src/build-app.js';
import { apiWorld, newIncident, PASSWORD, type ApiWorld } from './api-harness.js';

// Issue 8 (security): session fixation and CSRF, tested explicitly against the in-process API.

const LOGIN = '/api/v1/auth/login';

async function loginWith(world: ApiWorld, username: string, headers: Record<string, string> = {}): Promise<{ status: number; cookie: string | undefined; csrf: string | undefined }> {
  const response = await world.request({ method: 'POST', url: LOGIN, headers, payload: { username, password: PASSWORD } });
  const value = response.cookies.find((c) => c.name === 'pw_session' && c.value !== '')?.value;
  return { status: response.statusCode, cookie: value, csrf: response.statusCode === 200 ? (response.json() as { csrfToken: string }).csrfToken : undefined };
}

async function whoIs(world: ApiWorld, cookieValue: string): Promise<number> {
  return (await world.request({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `pw_session=${cookieValue}` } })).statusCode;
}

describe('session fixation', () => {
  it('never accepts or reuses a session value the client chose before signing in', async () => {
    const world = await apiWorld({ dataset: false });
    const chosen = 'attacker-chosen-session-value-0123456789abcdefghij';
    expect(await whoIs(world, chosen)).toBe(401);
    const login = await loginWith(world, 'analyst-user', { cookie: `pw_session=${chosen}` });
    expect(login.status).toBe(200);
    // A fresh random token: 32 bytes in base64url, never the value offered.
    expect(login.cookie).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(login.cookie).not.toBe(chosen);
    expect(await whoIs(world, chosen)).toBe(401);
    expect(await whoIs(world, login.cookie ?? '')).toBe(200);
  });

  it('issues a new session at every login, and the previous cookie stops working after the next login', async () => {
    const world = await apiWorld({ dataset: false });
    const first = await loginWith(world, 'analyst-user');
    const second = await loginWith(world, 'analyst-user');
    expect(first.cookie).not.toBe(second.cookie);
    expect(first.csrf).not.toBe(second.csrf);
    // Signing in again while holding a live cookie (with its CSRF token) ends that session.
    const again = await loginWith(world, 'admin-user', { cookie: `pw_session=${first.cookie ?? ''}`, 'x-csrf-token': first.csrf ?? '' });
    expect(again.status).toBe(200);
    expect(again.cookie).not.toBe(first.cookie);
    expect(await whoIs(world, first.cookie ?? '')).toBe(401);
    expect(await whoIs(world, again.cookie ?? '')).toBe(200);
    const me = await world.request({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `pw_session=${again.cookie ?? ''}` } });
    expect(me.json()).toMatchObject({ name: 'admin-user', role: 'admin' });
  });

  it('refuses a login that rides on a live cookie without its CSRF token (login CSRF)', async () => {
    const world = await apiWorld({ dataset: false });
    const first = await loginWith(world, 'viewer-user');
    const forged = await loginWith(world, 'admin-user', { cookie: `pw_session=${first.cookie ?? ''}` });
    expect(forged.status).toBe(403);
    expect(forged.cookie).toBeUndefined();
    expect(await whoIs(world, first.cookie ?? '')).toBe(200);
  });

  it('ends the session at logout: the old cookie is refused and the reply clears it', async () => {
    const world = await apiWorld({ dataset: false });
    const login = await loginWith(world, 'viewer-user');
    const logout = await world.request({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: `pw_session=${login.cookie ?? ''}`, 'x-csrf-token': login.csrf ?? '' } });
    expect(logout.statusCode).toBe(204);
    const cleared = logout.cookies.find((c) => c.name === 'pw_session');
    expect(cleared?.value).toBe('');
    expect(await whoIs(world, login.cookie ?? '')).toBe(401);
    // The ended session's CSRF token is worthless too.
    const write = await world.request({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: `pw_session=${login.cookie ?? ''}`, 'x-csrf-token': login.csrf ?? '' } });
    expect(write.statusCode).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses cookie writes without, with a wrong, or with another session\'s CSRF token, and stores nothing', async () => {
    const world = await apiWorld({ dataset: false });
    const analyst = await world.login('analyst');
    const other = await world.login('admin');
    const attempts: Array<[string, Record<string, string>]> = [
      ['none', { cookie: analyst.cookie }],
      ['empty', { cookie: analyst.cookie, 'x-csrf-token': '' }],
      ['wrong', { cookie: analyst.cookie, 'x-csrf-token': 'not-the-token' }],
      ['another session\'s', { cookie: analyst.cookie, 'x-csrf-token': other.csrf }],
      ['the session token itself', { cookie: analyst.cookie, 'x-csrf-token': analyst.cookie.slice('pw_session='.length) }],
    ];
    for (const [label, headers] of attempts) {
      const response = await world.request({ method: 'POST', url: '/api/v1/incidents', headers, payload: newIncident('csrf-probe-2017') });
      expect(response.statusCode, label).toBe(403);
      expect((response.json() as { code: string }).code, label).toBe('FORBIDDEN');
    }
    for (const method of ['PUT', 'DELETE'] as const) {
      const response = await world.request({ method, url: '/api/v1/incidents/csrf-probe-2017', headers: { cookie: analyst.cookie }, payload: {} });
      expect(response.statusCode, method).toBe(403);
    }
    expect((await world.request({ method: 'GET', url: '/api/v1/incidents/csrf-probe-2017', as: 'viewer' })).statusCode).toBe(404);
    const right = await world.request({ method: 'POST', url: '/api/v1/incidents', headers: { cookie: analyst.cookie, 'x-csrf-token': analyst.csrf }, payload: newIncident('csrf-probe-2017') });
    expect(right.statusCode).toBe(201);
  });

  it('needs no CSRF token for writes made with an API token', async () => {
    const world = await apiWorld({ dataset: false });
    const created = await world.request({ method: 'POST', url: '/api/v1/incidents', as: 'analyst', payload: newIncident('token-write-2017') });
    expect(created.statusCode).toBe(201);
  });

  it('never changes the data or the audit log on a GET, whoever asks and however', async () => {
    // A frozen clock: the once-a-minute last-used touch of a session or token (an account write,
    // which on SQLite moves the same revision as data) happens in the warm-up below, never later.
    const world = await apiWorld({ now: () => new Date('2026-06-01T12:00:00Z') });
    const session = await world.login('admin');
    await world.request({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session.cookie } });
    await world.request({ method: 'GET', url: '/api/v1/auth/me', as: 'admin' });
    const auditHead = async (): Promise<unknown> => ((await world.request({ method: 'GET', url: '/api/v1/audit?limit=1', as: 'admin' })).json() as { items: unknown[] }).items[0] ?? null;
    const dataBefore = (await world.core.browse.revisions()).data;
    const auditBefore = await auditHead();
    const gets = registeredRoutes(world.app).filter((r) => r.method === 'GET' && !r.url.startsWith('/docs'));
    expect(gets.length).toBeGreaterThan(20);
    for (const route of gets) {
      const url = route.url.replace(/:([a-zA-Z]+)/g, (_, name: string) => ({ id: 'us-cn-2015', code: 'CN', format: 'csv', username: 'viewer-user', dyad: 'CN-US' })[name] ?? 'x');
      await world.request({ method: 'GET', url, headers: { cookie: session.cookie } });
      await world.request({ method: 'GET', url, as: 'admin' });
    }
    expect((await world.core.browse.revisions()).data).toBe(dataBefore);
    expect(await auditHead()).toEqual(auditBefore);
  });
});
