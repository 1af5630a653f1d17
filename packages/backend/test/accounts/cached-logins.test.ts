import { cliPrincipal } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { AGREEMENT_YAML, workspace } from '../helpers.js';
import { testClock } from './clock.js';

const admin = { principal: cliPrincipal('tester') };
const onPostgres = process.env['PACTWATCH_TEST_STORE'] === 'postgres';

describe('cached logins (who a token or session is, per account revision)', () => {
  it('reuses an answer only at the revision it was given at: a deliberately stale revision proves the cache answers', async () => {
    const clock = testClock();
    const app = await workspace().open({ now: clock.now });
    const { user } = await app.accounts.createUser({ username: 'olga', role: 'analyst' }, admin);
    const { token, info } = await app.auth.createToken(user.id, 'script', 'viewer', undefined, admin);
    // The first use touches last_used (a write), so it is looked up, not cached.
    await app.auth.authenticateToken(token, 'rev-before-touch');
    const old = (await app.browse.revisions()).accounts;
    expect((await app.auth.authenticateToken(token, old)).role).toBe('viewer');

    await app.auth.revokeToken(info.id, admin);
    const now = (await app.browse.revisions()).accounts;
    expect(now).not.toBe(old);
    // At the revision the answer was cached at, it still stands (nothing was looked up) …
    expect((await app.auth.authenticateToken(token, old)).name).toBe('token script of olga');
    // … at the store's revision the revocation shows, and without a revision nothing is cached.
    await expect(app.auth.authenticateToken(token, now)).rejects.toMatchObject({ code: 'ACCOUNT_DISABLED' });
    await expect(app.auth.authenticateToken(token)).rejects.toMatchObject({ code: 'ACCOUNT_DISABLED' });
  });

  it('sees revocation, disabling and demotion made by another process at once', async () => {
    const ws = workspace();
    const api = await ws.open();
    const cli = await ws.open();
    const { user } = await cli.accounts.createUser({ username: 'petra', role: 'analyst' }, admin);
    const kept = await cli.auth.createToken(user.id, 'kept', 'analyst', undefined, admin);
    const doomed = await cli.auth.createToken(user.id, 'doomed', 'viewer', undefined, admin);
    const authenticate = async (token: string) => api.auth.authenticateToken(token, (await api.browse.revisions()).accounts);
    for (let i = 0; i < 3; i += 1) {
      expect((await authenticate(kept.token)).role).toBe('analyst');
      expect((await authenticate(doomed.token)).role).toBe('viewer');
    }

    await cli.auth.revokeToken(doomed.info.id, admin);
    await expect(authenticate(doomed.token)).rejects.toMatchObject({ code: 'ACCOUNT_DISABLED' });
    await cli.accounts.setRole('petra', 'viewer', admin);
    expect((await authenticate(kept.token)).role).toBe('viewer');
    await cli.accounts.disableUser('petra', admin);
    await expect(authenticate(kept.token)).rejects.toMatchObject({ code: 'ACCOUNT_DISABLED' });
  });

  it('lets a cached token answer expire on time, and touches last_used once a minute while in use', async () => {
    const clock = testClock();
    const app = await workspace().open({ now: clock.now });
    const { user } = await app.accounts.createUser({ username: 'quinn', role: 'admin' }, admin);
    const expires = new Date(clock.now().getTime() + 3 * 60_000);
    const { token } = await app.auth.createToken(user.id, 'short', 'viewer', expires, admin);
    const authenticate = async () => app.auth.authenticateToken(token, (await app.browse.revisions()).accounts);
    await authenticate();
    const firstUse = (await app.auth.listTokens(user.id))[0]?.lastUsedAt;
    expect(firstUse).not.toBeNull();
    clock.advanceMinutes(0.5);
    await authenticate();
    expect((await app.auth.listTokens(user.id))[0]?.lastUsedAt).toBe(firstUse);
    clock.advanceMinutes(1);
    await authenticate();
    expect((await app.auth.listTokens(user.id))[0]?.lastUsedAt).not.toBe(firstUse);
    clock.advanceMinutes(0.5);
    await authenticate();
    clock.advanceMinutes(1.5);
    await expect(authenticate()).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringContaining('expired') });
  });

  it('ends a cached session at logout from another process and at its expiry', async () => {
    const ws = workspace();
    const clock = testClock();
    const api = await ws.open({ now: clock.now });
    const other = await ws.open({ now: clock.now });
    await api.accounts.createUser({ username: 'rosa', role: 'viewer', password: 'correct horse battery staple' }, admin);
    const login = await api.auth.login('rosa', 'correct horse battery staple');
    const authenticate = async () => api.auth.authenticateSession(login.sessionToken, (await api.browse.revisions()).accounts);
    expect((await authenticate()).name).toBe('rosa');
    expect((await authenticate()).name).toBe('rosa');
    await other.auth.logout(login.sessionToken);
    await expect(authenticate()).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });

    const second = await api.auth.login('rosa', 'correct horse battery staple');
    const again = async () => api.auth.authenticateSession(second.sessionToken, (await api.browse.revisions()).accounts);
    expect((await again()).role).toBe('viewer');
    clock.advanceMinutes(api.config.server.sessionHours * 60 + 1);
    await expect(again()).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringContaining('expired') });
  });

  it('moves the account revision with account writes; on PostgreSQL the data revision stays put for them', async () => {
    const ws = workspace();
    ws.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
    const app = await ws.open();
    const r0 = await app.browse.revisions();
    await app.accounts.createUser({ username: 'sam', role: 'viewer' }, admin);
    const r1 = await app.browse.revisions();
    expect(r1.accounts).not.toBe(r0.accounts);
    if (onPostgres) expect(r1.data).toBe(r0.data);
    await app.dataset.load();
    const r2 = await app.browse.revisions();
    expect(r2.data).not.toBe(r1.data);
    expect(await app.browse.revision()).toBe(r2.data);
  });
});
