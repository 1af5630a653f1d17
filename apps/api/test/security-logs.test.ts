import { describe, expect, it } from 'vitest';
import { loggableUrl } from '../src/http/request-logging.js';
import { apiWorld, newIncident, PASSWORD, type ApiWorld } from './api-harness.js';

// Issue 8 (security): the API's logs are structured JSON with the request id on every request
// line, and no credential a request carries (token, cookie, password, CSRF token) is ever in them.

interface LogLine {
  readonly level: number;
  readonly msg?: string;
  readonly reqId?: string;
  readonly req?: { readonly url?: string };
  readonly res?: { readonly statusCode?: number };
}

async function loggedWorld(): Promise<{ world: ApiWorld; lines: string[] }> {
  const lines: string[] = [];
  const world = await apiWorld({ dataset: false, app: { logger: { level: 'trace', stream: { write: (line: string) => void lines.push(line) } } } });
  return { world, lines };
}

describe('request logs', () => {
  it('never contain a token, cookie, password or CSRF token, whatever the request carried', async () => {
    const { world, lines } = await loggedWorld();
    const newPassword = 'the brand new password, also secret';
    const secrets: string[] = [world.tokens.admin, world.tokens.analyst, PASSWORD, newPassword];

    await world.request({ method: 'GET', url: '/api/v1/auth/me', as: 'admin' });
    await world.request({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${world.tokens.analyst} extra` } });
    await world.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'viewer-user', password: `${PASSWORD}-wrong` } });
    secrets.push(`${PASSWORD}-wrong`);
    await world.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'viewer-user', password: PASSWORD, extra: 'x' } });
    // Malformed JSON: V8's parse errors quote the text around the fault, which would be a password.
    for (const broken of ['{"username":"viewer-user","password":Broken-Pa55-Secret}', 'Broken-Pa55-Secret', '{"password":"Broken-Pa55-Secret" "username":1}']) {
      const refused = await world.request({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: broken });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).not.toContain('Broken-Pa55');
    }
    secrets.push('Broken-Pa55');
    const session = await world.login('analyst');
    secrets.push(session.cookie.slice('pw_session='.length), session.csrf);
    await world.request({ method: 'POST', url: '/api/v1/incidents', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf }, payload: newIncident('logged-2017') });
    await world.request({ method: 'POST', url: '/api/v1/incidents', headers: { cookie: session.cookie, 'x-csrf-token': `${session.csrf}x` }, payload: newIncident('logged-2018') });
    secrets.push(`${session.csrf}x`);
    await world.request({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf }, payload: { currentPassword: PASSWORD, newPassword } });
    // A secret sent where it does not belong (a query string) is censored in the logged URL.
    await world.request({ method: 'GET', url: `/api/v1/incidents?token=${world.tokens.admin}&limit=1`, as: 'viewer' });
    // A new API token is in the response body, which is never logged.
    const created = await world.request({ method: 'POST', url: '/api/v1/tokens', as: 'admin', payload: { name: 'fresh', role: 'viewer', user: 'viewer-user' } });
    expect(created.statusCode, created.body).toBe(201);
    secrets.push((created.json() as { token: string }).token);

    const text = lines.join('');
    expect(lines.length).toBeGreaterThan(10);
    for (const secret of secrets) expect(text.includes(secret), `a secret (${secret.slice(0, 6)}…) appears in the logs`).toBe(false);
    expect(text).toContain('[Redacted]');
  });

  it('writes JSON lines, each request line carrying the request id the response sent as x-request-id', async () => {
    const { world, lines } = await loggedWorld();
    const responses = [
      await world.request({ method: 'GET', url: '/api/v1/auth/me', as: 'viewer' }),
      await world.request({ method: 'GET', url: '/api/v1/auth/me' }),
      await world.request({ method: 'POST', url: '/api/v1/incidents', as: 'viewer', payload: {} }),
    ];
    const parsed = lines.map((line) => JSON.parse(line) as LogLine);
    for (const response of responses) {
      const id = String(response.headers['x-request-id']);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      const own = parsed.filter((line) => line.reqId === id);
      expect(own.map((l) => l.msg)).toEqual(expect.arrayContaining(['incoming request', 'request completed']));
    }
    // Every line about a request (it has req or res) names its request.
    for (const line of parsed.filter((l) => l.req !== undefined || l.res !== undefined)) expect(line.reqId).toBeDefined();
  });

  it('censors headers and credential fields whatever logs them (the redaction paths)', async () => {
    const { world, lines } = await loggedWorld();
    world.app.log.info(
      {
        req: { headers: { authorization: 'Bearer pw_hand-logged-secret', cookie: 'pw_session=hand-logged-cookie', 'x-csrf-token': 'hand-logged-csrf' } },
        res: { headers: { 'set-cookie': 'pw_session=hand-logged-set-cookie' } },
        body: { username: 'kept', password: 'hand-logged-password' },
        rule: { secret: 'hand-logged-webhook-secret' },
        account: { token: 'pw_hand-logged-token' },
      },
      'hand-written line',
    );
    const text = lines.join('');
    expect(text).toContain('hand-written line');
    expect(text).toContain('kept');
    expect(text).not.toMatch(/hand-logged/);
  });

  it('censors secret-looking query values in logged URLs and leaves others alone', () => {
    expect(loggableUrl('/api/v1/incidents?limit=5&token=pw_abc&sponsor=CN')).toBe('/api/v1/incidents?limit=5&token=[Redacted]&sponsor=CN');
    expect(loggableUrl('/x?Password=hunter2&api_key=k')).toBe('/x?Password=[Redacted]&api_key=[Redacted]');
    expect(loggableUrl('/x?%74oken=pw_abc')).toBe('/x?%74oken=[Redacted]');
    expect(loggableUrl('/api/v1/incidents')).toBe('/api/v1/incidents');
  });
});
