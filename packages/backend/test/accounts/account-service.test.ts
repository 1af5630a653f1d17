import { cliPrincipal } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { workspace } from '../helpers.js';

const admin = { principal: cliPrincipal('tester') };

describe('AccountService', () => {
  it('creates a user with a one-time password that must be changed, and audits it without secrets', async () => {
    const app = await workspace().open();
    const { user, oneTimePassword } = await app.accounts.createUser({ username: 'Alice', role: 'analyst', displayName: 'Alice A.' }, admin);
    expect(user).toMatchObject({ username: 'Alice', displayName: 'Alice A.', role: 'analyst', disabled: false, mustChangePassword: true, failedLogins: 0 });
    expect(oneTimePassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(user).not.toHaveProperty('passwordHash');
    const login = await app.auth.login('alice', oneTimePassword ?? '');
    expect(login.mustChangePassword).toBe(true);

    const { entries } = await app.audit.list({ entityType: 'user', entityId: user.id });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'user.create', principal: { kind: 'cli', name: 'cli:tester', role: 'admin' }, before: null, after: { username: 'Alice', role: 'analyst' } });
    expect(JSON.stringify(entries[0])).not.toContain(oneTimePassword ?? '');
    expect(JSON.stringify(entries[0])).not.toContain('scrypt$');
  });

  it('treats usernames case-insensitively but keeps the spelling given', async () => {
    const app = await workspace().open();
    await app.accounts.createUser({ username: 'Bob.Smith', role: 'viewer', password: 'a long enough password' }, admin);
    await expect(app.accounts.createUser({ username: 'bob.smith', role: 'admin', password: 'another long password' }, admin)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await app.accounts.getUser('BOB.SMITH')).username).toBe('Bob.Smith');
    expect((await app.auth.login('bob.SMITH', 'a long enough password')).principal).toMatchObject({ kind: 'user', name: 'Bob.Smith', role: 'viewer' });
  });

  it('refuses short passwords, bad usernames and unknown roles with clear messages', async () => {
    const app = await workspace().open();
    await expect(app.accounts.createUser({ username: 'carol', role: 'analyst', password: 'too short' }, admin)).rejects.toThrow(/at least 12 characters/);
    await expect(app.accounts.createUser({ username: 'has space', role: 'analyst' }, admin)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(app.accounts.createUser({ username: 'carol', role: 'superuser' }, admin)).rejects.toThrow(/role: must be one of viewer, analyst, admin/);
    expect(await app.accounts.listUsers()).toEqual([]);
  });

  it('disables, enables and changes roles, auditing before and after', async () => {
    const app = await workspace().open();
    await app.accounts.createUser({ username: 'root', role: 'admin' }, admin);
    const { user } = await app.accounts.createUser({ username: 'dave', role: 'viewer' }, admin);
    expect((await app.accounts.setRole('dave', 'analyst', admin)).role).toBe('analyst');
    expect((await app.accounts.disableUser('dave', admin)).disabled).toBe(true);
    expect((await app.accounts.enableUser('DAVE', admin)).disabled).toBe(false);
    const { entries } = await app.audit.list({ entityType: 'user', entityId: user.id });
    expect(entries.map((e) => e.action)).toEqual(['user.enable', 'user.disable', 'user.set-role', 'user.create']);
    expect(entries[2]).toMatchObject({ before: { role: 'viewer' }, after: { role: 'analyst' } });
    expect(entries[1]).toMatchObject({ before: { disabled: false }, after: { disabled: true } });
    await expect(app.accounts.setRole('nobody', 'admin', admin)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('never disables or demotes the last enabled admin', async () => {
    const app = await workspace().open();
    await app.accounts.createUser({ username: 'only', role: 'admin' }, admin);
    await expect(app.accounts.disableUser('only', admin)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(app.accounts.setRole('only', 'analyst', admin)).rejects.toMatchObject({ code: 'CONFLICT' });
    await app.accounts.createUser({ username: 'second', role: 'admin' }, admin);
    expect((await app.accounts.setRole('only', 'analyst', admin)).role).toBe('analyst');
  });

  it('resets a password: new one-time password, lock cleared, sessions ended', async () => {
    const app = await workspace().open();
    await app.accounts.createUser({ username: 'erin', role: 'analyst', password: 'erin original password' }, admin);
    const session = await app.auth.login('erin', 'erin original password');
    const reset = await app.accounts.resetPassword('erin', admin);
    expect(reset.user.mustChangePassword).toBe(true);
    await expect(app.auth.authenticateSession(session.sessionToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(app.auth.login('erin', 'erin original password')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const again = await app.auth.login('erin', reset.oneTimePassword ?? '');
    expect(again.mustChangePassword).toBe(true);
  });

  it('changes a password with the current one, keeping only the session that asked', async () => {
    const app = await workspace().open();
    await app.accounts.createUser({ username: 'frank', role: 'viewer', password: 'frank first password' }, admin);
    const here = await app.auth.login('frank', 'frank first password');
    const elsewhere = await app.auth.login('frank', 'frank first password');
    const self = { principal: here.principal };
    await expect(app.accounts.changePassword('frank', 'not the password', 'frank second password', self)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(app.accounts.changePassword('frank', 'frank first password', 'short', self)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const changed = await app.accounts.changePassword('frank', 'frank first password', 'frank second password', self, { keepSessionToken: here.sessionToken });
    expect(changed.mustChangePassword).toBe(false);
    expect((await app.auth.authenticateSession(here.sessionToken)).name).toBe('frank');
    await expect(app.auth.authenticateSession(elsewhere.sessionToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await app.auth.login('frank', 'frank second password')).principal.name).toBe('frank');
    const [entry] = (await app.audit.list({ action: 'user.change-password' })).entries;
    expect(entry?.principal).toMatchObject({ kind: 'user', name: 'frank' });
  });

  it('creates the first admin only when no admin exists, returning the password once', async () => {
    const app = await workspace().open();
    const first = await app.accounts.ensureFirstAdmin('boss');
    expect(first?.user).toMatchObject({ username: 'boss', role: 'admin', mustChangePassword: true });
    expect(first?.oneTimePassword).toBeTruthy();
    expect(await app.accounts.ensureFirstAdmin('boss')).toBeNull();
    expect(await app.accounts.ensureFirstAdmin('other')).toBeNull();
    expect((await app.accounts.listUsers()).map((u) => u.username)).toEqual(['boss']);
    const [entry] = (await app.audit.list({ action: 'user.create' })).entries;
    expect(entry?.principal).toMatchObject({ kind: 'system', name: 'pactwatch' });
  });
});
