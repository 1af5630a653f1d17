import { describe, expect, it } from 'vitest';
import { apiWorld, newIncident, PASSWORD } from './api-harness.js';

describe('sign-in, sessions, tokens and protections', () => {
  it('signs in with a HttpOnly SameSite=Strict cookie; writes with it need the CSRF token', async () => {
    const world = await apiWorld({ dataset: false });
    const login = await world.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'analyst-user', password: PASSWORD } });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.find((c) => c.name === 'pw_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    const session = { cookie: `pw_session=${cookie?.value ?? ''}` };
    const { csrfToken } = login.json() as { csrfToken: string };
    const me = await world.request({ method: 'GET', url: '/api/v1/auth/me', headers: session });
    expect(me.json()).toMatchObject({ kind: 'user', name: 'analyst-user', role: 'analyst' });
    const noCsrf = await world.request({ method: 'POST', url: '/api/v1/incidents', headers: session, payload: newIncident('csrf-2017') });
    expect(noCsrf.statusCode).toBe(403);
    expect((noCsrf.json() as { detail: string }).detail).toContain('x-csrf-token');
    const wrongCsrf = await world.request({ method: 'POST', url: '/api/v1/incidents', headers: { ...session, 'x-csrf-token': 'guess' }, payload: newIncident('csrf-2017') });
    expect(wrongCsrf.statusCode).toBe(403);
    const withCsrf = await world.request({ method: 'POST', url: '/api/v1/incidents', headers: { ...session, 'x-csrf-token': csrfToken }, payload: newIncident('csrf-2017') });
    expect(withCsrf.statusCode).toBe(201);
    const logout = await world.request({ method: 'POST', url: '/api/v1/auth/logout', headers: { ...session, 'x-csrf-token': csrfToken } });
    expect(logout.statusCode).toBe(204);
    expect((await world.request({ method: 'GET', url: '/api/v1/auth/me', headers: session })).statusCode).toBe(401);
  });

  it('marks the cookie Secure when PACTWATCH_SECURE_COOKIES is on', async () => {
    const world = await apiWorld({ dataset: false, env: { PACTWATCH_SECURE_COOKIES: 'true' } });
    const login = await world.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'viewer-user', password: PASSWORD } });
    expect(login.cookies.find((c) => c.name === 'pw_session')?.secure).toBe(true);
    expect(login.headers['strict-transport-security']).toBeDefined();
  });

  it('gives the same answer for an unknown user and a wrong password, then locks the account (423)', async () => {
    const world = await apiWorld({ dataset: false, env: { PACTWATCH_LOGIN_MAX_FAILURES: '3' }, app: { loginRatePerMinute: 100 } });
    const unknown = await world.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'whatever it is' } });
    const wrong = await world.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'viewer-user', password: 'not the password' } });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect((unknown.json() as { detail: string }).detail).toBe((wrong.json() as { detail: string }).detail);
    await world.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'viewer-user', password: 'not the password' } });
    const third = await world.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'viewer-user', password: 'not the password' } });
    expect([401, 423]).toContain(third.statusCode);
    const locked = await world.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'viewer-user', password: PASSWORD } });
    expect(locked.statusCode).toBe(423);
    expect(locked.json()).toMatchObject({ code: 'ACCOUNT_LOCKED' });
  });

  it('rate-limits logins per client address with 429 and Retry-After', async () => {
    const world = await apiWorld({ dataset: false, app: { loginRatePerMinute: 3 } });
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 5; i += 1) {
      last = await world.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username: `nobody-${i}`, password: 'whatever it is' } });
      statuses.push(last.statusCode);
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    expect(last?.json()).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    expect(last?.headers['retry-after']).toBeDefined();
  });

  it('rate-limits writes per principal', async () => {
    const world = await apiWorld({ dataset: false, env: { PACTWATCH_WRITE_RATE_PER_MINUTE: '2' } });
    const codes: number[] = [];
    for (let i = 0; i < 4; i += 1) codes.push((await world.request({ method: 'POST', url: '/api/v1/incidents', as: 'analyst', payload: newIncident(`rate-${i}-2017`) })).statusCode);
    expect(codes).toEqual([201, 201, 429, 429]);
    // Another principal has its own budget.
    expect((await world.request({ method: 'POST', url: '/api/v1/incidents', as: 'admin', payload: newIncident('rate-admin-2017') })).statusCode).toBe(201);
  });

  it('stops honouring a revoked token, and a token never exceeds its owner\'s role', async () => {
    const world = await apiWorld({ dataset: false });
    const created = await world.request({ method: 'POST', url: '/api/v1/tokens', as: 'admin', payload: { user: 'analyst-user', name: 'script', role: 'viewer' } });
    expect(created.statusCode).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const { token, info } = created.json() as { token: string; info: { id: string; prefix: string } };
    expect(token.startsWith(info.prefix.replace(/…$/, ''))).toBe(true);
    const asScript = { authorization: `Bearer ${token}` };
    expect((await world.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: asScript })).json()).toMatchObject({ kind: 'token', role: 'viewer' });
    expect((await world.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: asScript, payload: newIncident('scoped-2017') })).statusCode).toBe(403);
    const listed = (await world.request({ method: 'GET', url: '/api/v1/tokens?user=analyst-user', as: 'admin' })).json() as { items: Array<{ id: string }> };
    expect(listed.items.map((t) => t.id)).toContain(info.id);
    expect(JSON.stringify(listed)).not.toContain(token);
    expect((await world.request({ method: 'DELETE', url: `/api/v1/tokens/${info.id}`, as: 'admin' })).statusCode).toBe(200);
    const after = await world.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: asScript });
    expect([401, 403]).toContain(after.statusCode);
    const tooHigh = await world.request({ method: 'POST', url: '/api/v1/tokens', as: 'admin', payload: { user: 'viewer-user', name: 'escalate', role: 'admin' } });
    expect(tooHigh.statusCode).toBe(403);
    const garbage = await world.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: 'Bearer pw_not-a-real-token' } });
    expect(garbage.statusCode).toBe(401);
  });

  it('sends security headers and a request id on every response', async () => {
    const world = await apiWorld({ dataset: false });
    const response = await world.request({ method: 'GET', url: '/health' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    // Errors too: refused before the route runs, unknown paths, invalid input.
    for (const refused of [
      await world.request({ method: 'GET', url: '/api/v1/incidents' }),
      await world.request({ method: 'GET', url: '/api/v1/no-such-thing', as: 'viewer' }),
      await world.request({ method: 'GET', url: '/api/v1/incidents?limit=nope', as: 'viewer' }),
    ]) {
      expect(refused.statusCode).toBeGreaterThanOrEqual(400);
      expect(refused.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(refused.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('lets admins manage users and their roles, and every change is audited', async () => {
    const world = await apiWorld({ dataset: false });
    const created = await world.request({ method: 'POST', url: '/api/v1/users', as: 'admin', payload: { username: 'newcomer', role: 'viewer' } });
    expect(created.statusCode).toBe(201);
    const { oneTimePassword } = created.json() as { oneTimePassword: string };
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(12);
    const promoted = await world.request({ method: 'PATCH', url: '/api/v1/users/newcomer', as: 'admin', payload: { role: 'analyst' } });
    expect(promoted.json()).toMatchObject({ role: 'analyst', disabled: false });
    const login = await world.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'newcomer', password: oneTimePassword } });
    expect(login.json()).toMatchObject({ mustChangePassword: true, principal: { role: 'analyst' } });
    const disabled = await world.request({ method: 'PATCH', url: '/api/v1/users/newcomer', as: 'admin', payload: { disabled: true } });
    expect(disabled.json()).toMatchObject({ disabled: true });
    const refused = await world.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'newcomer', password: oneTimePassword } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'ACCOUNT_DISABLED' });
    const audit = (await world.request({ method: 'GET', url: '/api/v1/audit?entityType=user', as: 'analyst' })).json() as { items: Array<{ action: string; after: unknown }> };
    expect(audit.items.map((e) => e.action)).toEqual(expect.arrayContaining(['user.create', 'user.set-role', 'user.disable']));
    expect(JSON.stringify(audit)).not.toContain(oneTimePassword);
  });
});
