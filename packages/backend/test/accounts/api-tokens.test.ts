import { cliPrincipal } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { workspace } from '../helpers.js';
import { testClock } from './clock.js';

const admin = { principal: cliPrincipal('tester') };

describe('AuthService: API tokens', () => {
  it('shows the token once, stores only its hash, and authenticates it with the token role', async () => {
    const app = await workspace().open();
    const { user } = await app.accounts.createUser({ username: 'ivan', role: 'admin' }, admin);
    const created = await app.auth.createToken(user.id, 'nightly import', 'analyst', undefined, admin);
    expect(created.token).toMatch(/^pw_[A-Za-z0-9_-]{43}$/);
    expect(created.info).toMatchObject({ name: 'nightly import', username: 'ivan', role: 'analyst', prefix: created.token.slice(0, 7), revokedAt: null, lastUsedAt: null });
    const rows = await app.db.selectFrom('api_token').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(created.token);

    const principal = await app.auth.authenticateToken(created.token);
    expect(principal).toEqual({ kind: 'token', id: created.info.id, name: 'token nightly import of ivan', role: 'analyst' });
    expect((await app.auth.listTokens(user.id))[0]?.lastUsedAt).not.toBeNull();
    const [entry] = (await app.audit.list({ action: 'token.create' })).entries;
    expect(entry).toMatchObject({ entityType: 'api-token', entityId: created.info.id, after: { name: 'nightly import', owner: 'ivan', role: 'analyst' } });
    expect(JSON.stringify(entry)).not.toContain(created.token);
  });

  it('never grants a token more than its owner: refused at creation, capped after a demotion', async () => {
    const app = await workspace().open();
    await app.accounts.createUser({ username: 'root', role: 'admin' }, admin);
    const { user } = await app.accounts.createUser({ username: 'judy', role: 'analyst' }, admin);
    await expect(app.auth.createToken(user.id, 'too strong', 'admin', undefined, admin)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const { token } = await app.auth.createToken(user.id, 'script', 'analyst', undefined, admin);
    expect((await app.auth.authenticateToken(token)).role).toBe('analyst');
    await app.accounts.setRole('judy', 'viewer', admin);
    expect((await app.auth.authenticateToken(token)).role).toBe('viewer');
    await app.accounts.setRole('judy', 'admin', admin);
    expect((await app.auth.authenticateToken(token)).role).toBe('analyst');
  });

  it('refuses revoked tokens and tokens of disabled owners with ACCOUNT_DISABLED, unknown ones with UNAUTHENTICATED', async () => {
    const app = await workspace().open();
    await app.accounts.createUser({ username: 'root', role: 'admin' }, admin);
    const { user } = await app.accounts.createUser({ username: 'ken', role: 'analyst' }, admin);
    const kept = await app.auth.createToken(user.id, 'kept', 'viewer', undefined, admin);
    const revoked = await app.auth.createToken(user.id, 'revoked', 'viewer', undefined, admin);
    const info = await app.auth.revokeToken(revoked.info.id, admin);
    expect(info.revokedAt).not.toBeNull();
    expect((await app.auth.revokeToken(revoked.info.id, admin)).revokedAt).toBe(info.revokedAt);
    await expect(app.auth.authenticateToken(revoked.token)).rejects.toMatchObject({ code: 'ACCOUNT_DISABLED' });
    expect((await app.audit.list({ action: 'token.revoke' })).entries).toHaveLength(1);

    await app.accounts.disableUser('ken', admin);
    await expect(app.auth.authenticateToken(kept.token)).rejects.toMatchObject({ code: 'ACCOUNT_DISABLED' });
    await app.accounts.enableUser('ken', admin);
    expect((await app.auth.authenticateToken(kept.token)).name).toBe('token kept of ken');

    await expect(app.auth.authenticateToken(`pw_${'A'.repeat(43)}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(app.auth.authenticateToken('garbage')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(app.auth.revokeToken('nope', admin)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('expires tokens at their expiry time and refuses an expiry in the past', async () => {
    const clock = testClock();
    const app = await workspace().open({ now: clock.now });
    const { user } = await app.accounts.createUser({ username: 'leo', role: 'viewer' }, admin);
    await expect(app.auth.createToken(user.id, 'old', 'viewer', new Date(clock.now().getTime() - 1), admin)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const { token } = await app.auth.createToken(user.id, 'short-lived', 'viewer', new Date(clock.now().getTime() + 60 * 60_000), admin);
    expect((await app.auth.authenticateToken(token)).role).toBe('viewer');
    clock.advanceMinutes(60);
    await expect(app.auth.authenticateToken(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('lists tokens by owner without secrets', async () => {
    const app = await workspace().open();
    const a = await app.accounts.createUser({ username: 'mia', role: 'viewer' }, admin);
    const b = await app.accounts.createUser({ username: 'ned', role: 'viewer' }, admin);
    await app.auth.createToken(a.user.id, 'one', 'viewer', undefined, admin);
    await app.auth.createToken(b.user.id, 'two', 'viewer', undefined, admin);
    expect((await app.auth.listTokens()).map((t) => [t.username, t.name])).toEqual([['mia', 'one'], ['ned', 'two']]);
    expect((await app.auth.listTokens(b.user.id)).map((t) => t.name)).toEqual(['two']);
    expect(Object.keys((await app.auth.listTokens())[0] ?? {})).not.toContain('tokenHash');
  });
});
