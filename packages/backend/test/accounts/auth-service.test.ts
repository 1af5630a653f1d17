import { cliPrincipal, isPactwatchError } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { workspace } from '../helpers.js';
import { testClock } from './clock.js';

const admin = { principal: cliPrincipal('tester') };
const PASSWORD = 'grace has a long password';

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (isPactwatchError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a failure');
}

describe('AuthService: password login', () => {
  it('gives one message for an unknown user and a wrong password', async () => {
    const app = await workspace().open();
    await app.accounts.createUser({ username: 'grace', role: 'analyst', password: PASSWORD }, admin);
    const unknown = await failure(app.auth.login('nobody', PASSWORD));
    const wrong = await failure(app.auth.login('grace', 'not her password'));
    expect(unknown).toEqual({ code: 'UNAUTHENTICATED', message: 'the username or password is not correct' });
    expect(wrong).toEqual(unknown);
  });

  it('locks after the configured number of consecutive failures, until the lock expires', async () => {
    const clock = testClock();
    const app = await workspace().open({ now: clock.now });
    const { loginMaxFailures, lockoutMinutes } = app.config.server;
    const { user } = await app.accounts.createUser({ username: 'grace', role: 'analyst', password: PASSWORD }, admin);
    for (let i = 1; i < loginMaxFailures; i += 1) expect((await failure(app.auth.login('grace', `wrong ${i}`))).code).toBe('UNAUTHENTICATED');
    expect((await app.accounts.getUser('grace')).failedLogins).toBe(loginMaxFailures - 1);

    const locking = await failure(app.auth.login('grace', 'wrong again'));
    const until = new Date(clock.now().getTime() + lockoutMinutes * 60_000).toISOString();
    expect(locking.code).toBe('ACCOUNT_LOCKED');
    expect(locking.message).toContain(until);
    // While locked, even the right password is refused.
    expect((await failure(app.auth.login('grace', PASSWORD))).code).toBe('ACCOUNT_LOCKED');
    const [lock] = (await app.audit.list({ entityType: 'user', entityId: user.id, action: 'user.lock' })).entries;
    expect(lock).toMatchObject({ principal: { kind: 'system' }, after: { lockedUntil: until } });
    expect(lock?.note).toContain(`${loginMaxFailures} failed logins`);

    clock.advanceMinutes(lockoutMinutes + 1);
    expect((await app.auth.login('grace', PASSWORD)).principal.name).toBe('grace');
    expect(await app.accounts.getUser('grace')).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });

  it('resets the failure count on success, so failures must be consecutive to lock', async () => {
    const app = await workspace().open();
    const max = app.config.server.loginMaxFailures;
    await app.accounts.createUser({ username: 'grace', role: 'analyst', password: PASSWORD }, admin);
    for (let round = 0; round < 2; round += 1) {
      for (let i = 1; i < max; i += 1) await failure(app.auth.login('grace', 'wrong password!'));
      await app.auth.login('grace', PASSWORD);
    }
    expect((await app.accounts.getUser('grace')).failedLogins).toBe(0);
    expect((await app.audit.list({ action: 'user.lock' })).entries).toEqual([]);
  });

  it('refuses a disabled account with ACCOUNT_DISABLED (after a correct password) and ends its sessions', async () => {
    const app = await workspace().open();
    await app.accounts.createUser({ username: 'grace', role: 'analyst', password: PASSWORD }, admin);
    const session = await app.auth.login('grace', PASSWORD);
    await app.accounts.disableUser('grace', admin);
    expect((await failure(app.auth.login('grace', PASSWORD))).code).toBe('ACCOUNT_DISABLED');
    expect((await failure(app.auth.login('grace', 'wrong password!'))).code).toBe('UNAUTHENTICATED');
    expect((await failure(app.auth.authenticateSession(session.sessionToken))).code).toBe('UNAUTHENTICATED');
    await app.accounts.enableUser('grace', admin);
    expect((await app.auth.login('grace', PASSWORD)).principal.role).toBe('analyst');
  });
});

describe('AuthService: sessions and CSRF', () => {
  it('authenticates a session until it expires, with the current role', async () => {
    const clock = testClock();
    const app = await workspace().open({ now: clock.now });
    await app.accounts.createUser({ username: 'admin1', role: 'admin' }, admin);
    await app.accounts.createUser({ username: 'heidi', role: 'viewer', password: PASSWORD }, admin);
    const login = await app.auth.login('heidi', PASSWORD, { ip: '192.0.2.1', userAgent: 'test' });
    expect(login.sessionToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(login.expiresAt).toBe(new Date(clock.now().getTime() + app.config.server.sessionHours * 3_600_000).toISOString());
    expect(await app.auth.authenticateSession(login.sessionToken)).toEqual({ kind: 'user', id: login.principal.id, name: 'heidi', role: 'viewer' });
    await app.accounts.setRole('heidi', 'analyst', admin);
    expect((await app.auth.authenticateSession(login.sessionToken)).role).toBe('analyst');

    clock.advanceMinutes(app.config.server.sessionHours * 60 - 1);
    expect((await app.auth.authenticateSession(login.sessionToken)).name).toBe('heidi');
    clock.advanceMinutes(1);
    const expired = await failure(app.auth.authenticateSession(login.sessionToken));
    expect(expired).toEqual({ code: 'UNAUTHENTICATED', message: 'the session has expired; sign in again' });
  });

  it('stores neither the session token nor the CSRF token, only their hashes', async () => {
    const app = await workspace().open();
    await app.accounts.createUser({ username: 'heidi', role: 'viewer', password: PASSWORD }, admin);
    const login = await app.auth.login('heidi', PASSWORD);
    const rows = await app.db.selectFrom('user_session').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(login.sessionToken);
    expect(JSON.stringify(rows)).not.toContain(login.csrfToken);
  });

  it('checks the CSRF token against its own session only', async () => {
    const app = await workspace().open();
    await app.accounts.createUser({ username: 'heidi', role: 'viewer', password: PASSWORD }, admin);
    const one = await app.auth.login('heidi', PASSWORD);
    const two = await app.auth.login('heidi', PASSWORD);
    expect(await app.auth.verifyCsrf(one.sessionToken, one.csrfToken)).toBe(true);
    expect(await app.auth.verifyCsrf(one.sessionToken, two.csrfToken)).toBe(false);
    expect(await app.auth.verifyCsrf(one.sessionToken, '')).toBe(false);
    expect(await app.auth.verifyCsrf('not-a-session', one.csrfToken)).toBe(false);
  });

  it('logs out one session and leaves the others', async () => {
    const app = await workspace().open();
    await app.accounts.createUser({ username: 'heidi', role: 'viewer', password: PASSWORD }, admin);
    const one = await app.auth.login('heidi', PASSWORD);
    const two = await app.auth.login('heidi', PASSWORD);
    await app.auth.logout(one.sessionToken);
    await app.auth.logout(one.sessionToken);
    expect((await failure(app.auth.authenticateSession(one.sessionToken))).code).toBe('UNAUTHENTICATED');
    expect((await app.auth.authenticateSession(two.sessionToken)).name).toBe('heidi');
    expect((await failure(app.auth.authenticateSession(''))).code).toBe('UNAUTHENTICATED');
    expect(await app.auth.purgeSessions()).toBe(1);
  });
});
