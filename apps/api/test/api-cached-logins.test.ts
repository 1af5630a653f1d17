import { cliPrincipal } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { apiWorld } from './api-harness.js';

describe('cached logins on a running server', () => {
  it('refuses a token revoked and an account disabled by another process on the very next request', async () => {
    const world = await apiWorld({ dataset: false });
    const cli = await world.reopen();
    const me = async () => world.request({ method: 'GET', url: '/api/v1/auth/me', as: 'analyst' });
    // Several uses: the first looks the token up (and touches it), the later ones are cached.
    for (let i = 0; i < 3; i += 1) expect((await me()).json()).toMatchObject({ kind: 'token', role: 'analyst' });
    const session = await world.login('viewer');
    const asViewer = async () => world.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session.cookie } });
    for (let i = 0; i < 3; i += 1) expect((await asViewer()).json()).toMatchObject({ kind: 'user', role: 'viewer' });

    const token = (await cli.auth.listTokens()).find((t) => t.name === 'analyst test token');
    expect(token).toBeDefined();
    await cli.auth.revokeToken(token?.id ?? '', { principal: cliPrincipal('tester') });
    const refused = await me();
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'ACCOUNT_DISABLED' });

    await cli.accounts.setRole('viewer-user', 'analyst');
    expect((await asViewer()).json()).toMatchObject({ role: 'analyst' });
    // Disabling also ends the account's sessions: 401 (session gone) rather than 403.
    await cli.accounts.disableUser('viewer-user');
    expect([401, 403]).toContain((await asViewer()).statusCode);
  });

  it('keeps a cached read a hit for a token whose last use was just recorded', async () => {
    const world = await apiWorld();
    const url = '/api/v1/agreements/us-cn-2015/scorecard';
    const first = await world.request({ method: 'GET', url, as: 'admin' });
    expect(first.headers['x-cache']).toBe('miss');
    const second = await world.request({ method: 'GET', url, as: 'admin' });
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.body).toBe(first.body);
  });
});
