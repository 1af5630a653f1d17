import { randomUUID } from 'node:crypto';
import { PactwatchError, SYSTEM_PRINCIPAL, type Role } from '@pactwatch/domain';
import type { Repositories } from '../repositories/index.js';
import type { AccountWithPassword, StoredUser, UserAccount } from '../security/account-types.js';
import { hashPassword, verifyPassword } from '../security/password-hash.js';
import { checkPasswordPolicy } from '../security/password-policy.js';
import { oneTimePassword, sha256Hex } from '../security/secret-tokens.js';
import { auditedAccount, checkRole, checkUsername, publicAccount, userNotFound } from './account-rules.js';
import { auditOrigin, cliAuditContext, type AuditContext } from './audit-context.js';
import { inTransaction, repositories, type ServiceContext } from './service-context.js';

export interface NewUserRequest {
  readonly username: string;
  readonly role: string;
  readonly displayName?: string;
  /** Omitted: a one-time password is generated, returned once, and must be changed at first login. */
  readonly password?: string;
}

/**
 * User accounts: create, list, disable, change role and passwords. Every change is written to the
 * audit log in the same transaction. Passwords are hashed before any transaction starts, so the
 * slow scrypt never holds the store's write lock.
 */
export class AccountService {
  constructor(private readonly ctx: ServiceContext) {}

  private async mustFind(repos: Repositories, username: string): Promise<StoredUser> {
    const user = await repos.users.findByUsername(username);
    if (user === undefined) throw userNotFound(username);
    return user;
  }

  async createUser(request: NewUserRequest, by: AuditContext = cliAuditContext()): Promise<AccountWithPassword> {
    const username = checkUsername(request.username);
    const role = checkRole(request.role);
    const generated = request.password === undefined ? oneTimePassword() : null;
    const password = request.password ?? generated ?? '';
    checkPasswordPolicy(password);
    const passwordHash = await hashPassword(password);
    const at = this.ctx.now();
    const user = await inTransaction(this.ctx, async (repos) => {
      const existing = await repos.users.findByUsername(username);
      if (existing !== undefined) throw new PactwatchError('CONFLICT', `user "${existing.username}" already exists (usernames ignore case)`);
      const id = randomUUID();
      const displayName = request.displayName?.trim() || username;
      await repos.users.insert({ id, username, displayName, role, passwordHash, mustChangePassword: generated !== null, createdAt: at.toISOString() });
      const created = publicAccount(await this.mustFind(repos, username));
      await repos.audit.record({ ...auditOrigin(by), action: 'user.create', entityType: 'user', entityId: id, before: null, after: auditedAccount(created) }, at);
      return created;
    });
    return { user, oneTimePassword: generated };
  }

  async listUsers(): Promise<UserAccount[]> {
    return (await repositories(this.ctx).users.list()).map(publicAccount);
  }

  async getUser(username: string): Promise<UserAccount> {
    return publicAccount(await this.mustFind(repositories(this.ctx), username));
  }

  async getUserById(id: string): Promise<UserAccount> {
    const user = await repositories(this.ctx).users.findById(id);
    if (user === undefined) throw new PactwatchError('NOT_FOUND', `no user with id "${id}"`);
    return publicAccount(user);
  }

  /** Applies one change to an account and audits before/after, in one transaction. */
  private async change(
    username: string,
    action: string,
    by: AuditContext,
    apply: (repos: Repositories, user: StoredUser, at: string) => Promise<void>,
    note?: string,
  ): Promise<UserAccount> {
    const at = this.ctx.now();
    return inTransaction(this.ctx, async (repos) => {
      const before = await this.mustFind(repos, username);
      await apply(repos, before, at.toISOString());
      const after = publicAccount(await this.mustFind(repos, username));
      await repos.audit.record({ ...auditOrigin(by), action, entityType: 'user', entityId: before.id, before: auditedAccount(publicAccount(before)), after: auditedAccount(after), ...(note === undefined ? {} : { note }) }, at);
      return after;
    });
  }

  private static async keepAnAdmin(repos: Repositories, user: StoredUser, what: string): Promise<void> {
    if (user.role === 'admin' && !user.disabled && (await repos.users.countActiveAdmins()) <= 1) {
      throw new PactwatchError('CONFLICT', `cannot ${what} "${user.username}": it is the last enabled admin; make another admin first`);
    }
  }

  /** Disables the account and ends its sessions; its API tokens stop working until it is enabled. */
  async disableUser(username: string, by: AuditContext = cliAuditContext()): Promise<UserAccount> {
    return this.change(username, 'user.disable', by, async (repos, user, at) => {
      if (user.disabled) return;
      await AccountService.keepAnAdmin(repos, user, 'disable');
      await repos.users.update(user.id, { disabledAt: at }, at);
      await repos.sessions.revokeAllForUser(user.id, at);
    });
  }

  /** Enables the account and clears any lockout. */
  async enableUser(username: string, by: AuditContext = cliAuditContext()): Promise<UserAccount> {
    return this.change(username, 'user.enable', by, async (repos, user, at) => {
      await repos.users.update(user.id, { disabledAt: null, failedLogins: 0, lockedUntil: null }, at);
    });
  }

  async setRole(username: string, role: Role | string, by: AuditContext = cliAuditContext()): Promise<UserAccount> {
    const next = checkRole(role);
    return this.change(username, 'user.set-role', by, async (repos, user, at) => {
      if (next !== 'admin') await AccountService.keepAnAdmin(repos, user, 'demote');
      await repos.users.update(user.id, { role: next }, at);
    });
  }

  /**
   * The holder changes their own password (the current one is required). Other sessions end;
   * `keepSessionToken` (the raw token of the session making the change) stays signed in.
   */
  async changePassword(username: string, currentPassword: string, newPassword: string, by: AuditContext, options: { keepSessionToken?: string } = {}): Promise<UserAccount> {
    const user = await this.mustFind(repositories(this.ctx), username);
    if (!(await verifyPassword(currentPassword, user.passwordHash))) throw new PactwatchError('UNAUTHENTICATED', 'the current password is not correct');
    checkPasswordPolicy(newPassword);
    if (newPassword === currentPassword) throw new PactwatchError('VALIDATION_FAILED', 'password: the new password must differ from the current one');
    const passwordHash = await hashPassword(newPassword);
    const keep = options.keepSessionToken === undefined ? undefined : sha256Hex(options.keepSessionToken);
    return this.change(username, 'user.change-password', by, async (repos, current, at) => {
      await repos.users.update(current.id, { passwordHash, mustChangePassword: false }, at);
      await repos.sessions.revokeAllForUser(current.id, at, keep);
    });
  }

  /** An admin resets a password: a new one-time password (returned once), lock cleared, sessions ended. */
  async resetPassword(username: string, by: AuditContext = cliAuditContext()): Promise<AccountWithPassword> {
    const generated = oneTimePassword();
    const passwordHash = await hashPassword(generated);
    const user = await this.change(username, 'user.reset-password', by, async (repos, current, at) => {
      await repos.users.update(current.id, { passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null }, at);
      await repos.sessions.revokeAllForUser(current.id, at);
    });
    return { user, oneTimePassword: generated };
  }

  /**
   * First start of a server: when no admin exists at all, creates `username` as admin with a
   * one-time password, returned this once for printing. Returns null when an admin exists.
   */
  async ensureFirstAdmin(username: string, by: AuditContext = { principal: SYSTEM_PRINCIPAL }): Promise<AccountWithPassword | null> {
    if ((await repositories(this.ctx).users.countAdmins()) > 0) return null;
    return this.createUser({ username, role: 'admin' }, by);
  }
}
