import { PactwatchError, SYSTEM_PRINCIPAL, type Principal, type Role } from '@pactwatch/domain';
import type { ApiTokenInfo, CreatedApiToken, LoginMeta, LoginResult, StoredUser } from '../security/account-types.js';
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from '../security/password-hash.js';
import { randomSecret, safeEqual, sha256Hex } from '../security/secret-tokens.js';
import { addMinutes, auditedAccount, publicAccount } from './account-rules.js';
import { authenticateApiToken, createApiToken, listApiTokens, revokeApiToken } from './api-token-operations.js';
import { cliAuditContext, type AuditContext } from './audit-context.js';
import { inTransaction, repositories, type ServiceContext } from './service-context.js';

/** last_seen_at is written at most once a minute per session, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

// One message for an unknown user and a wrong password: the reply must not confirm usernames.
const BAD_CREDENTIALS = 'the username or password is not correct';

function userPrincipal(user: { id: string; username: string; role: Role }): Principal {
  return { kind: 'user', id: user.id, name: user.username, role: user.role };
}

function lockedError(until: string): PactwatchError {
  return new PactwatchError('ACCOUNT_LOCKED', `too many failed logins: the account is locked until ${until}; an admin can unlock it with \`pactwatch users enable\``);
}

/**
 * Who is calling: password logins that open sessions (cookie + CSRF token), and API tokens for
 * scripts. Raw session and API tokens are returned once and stored only as SHA-256 hashes.
 */
export class AuthService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * Checks the password and opens a session. Unknown user and wrong password fail alike (and take
   * alike long: a dummy scrypt runs for unknown users). `config.server.loginMaxFailures` wrong
   * passwords in a row lock the account for `lockoutMinutes`; a success resets the count.
   */
  async login(username: string, password: string, meta: LoginMeta = {}): Promise<LoginResult> {
    const now = this.ctx.now();
    const user = await repositories(this.ctx).users.findByUsername(username);
    if (user === undefined) {
      await verifyAgainstDummy(password);
      throw new PactwatchError('UNAUTHENTICATED', BAD_CREDENTIALS);
    }
    // A locked account is not even checked: guessing must stop while the lock lasts.
    if (user.lockedUntil !== null && user.lockedUntil > now.toISOString()) throw lockedError(user.lockedUntil);
    if (!(await verifyPassword(password, user.passwordHash))) throw await this.failedLogin(user, now, meta);
    if (user.disabled) throw new PactwatchError('ACCOUNT_DISABLED', `account "${user.username}" is disabled; ask an admin`);
    const rehash = needsRehash(user.passwordHash) ? await hashPassword(password) : undefined;
    const sessionToken = randomSecret();
    const csrfToken = randomSecret();
    const expiresAt = addMinutes(now, this.ctx.config.server.sessionHours * 60).toISOString();
    await inTransaction(this.ctx, async (repos) => {
      await repos.users.setLoginState(user.id, { failedLogins: 0, lockedUntil: null });
      if (rehash !== undefined) await repos.users.update(user.id, { passwordHash: rehash }, now.toISOString());
      await repos.sessions.insert({
        id: sha256Hex(sessionToken),
        userId: user.id,
        csrfHash: sha256Hex(csrfToken),
        createdAt: now.toISOString(),
        expiresAt,
        lastSeenAt: now.toISOString(),
        clientIp: meta.ip ?? null,
        userAgent: meta.userAgent?.slice(0, 512) ?? null,
      });
    });
    return { sessionToken, csrfToken, principal: userPrincipal(user), expiresAt, mustChangePassword: user.mustChangePassword };
  }

  /** Counts the failure; the one that reaches the limit locks the account and is audited. */
  private async failedLogin(user: StoredUser, now: Date, meta: LoginMeta): Promise<PactwatchError> {
    const { loginMaxFailures, lockoutMinutes } = this.ctx.config.server;
    const lockedUntil = await inTransaction(this.ctx, async (repos) => {
      const failures = await repos.users.countFailure(user.id);
      if (failures < loginMaxFailures) return null;
      const until = addMinutes(now, lockoutMinutes).toISOString();
      // The counter restarts, so after the lock expires the account gets the full number of tries again.
      await repos.users.setLoginState(user.id, { failedLogins: 0, lockedUntil: until });
      const after = { ...auditedAccount(publicAccount(user)), lockedUntil: until };
      await repos.audit.record(
        {
          principal: SYSTEM_PRINCIPAL,
          action: 'user.lock',
          entityType: 'user',
          entityId: user.id,
          before: auditedAccount(publicAccount(user)),
          after,
          note: `${failures} failed logins in a row${meta.ip === undefined ? '' : ` (last from ${meta.ip})`}`,
          ...(meta.requestId === undefined ? {} : { requestId: meta.requestId }),
        },
        now,
      );
      return until;
    });
    return lockedUntil === null ? new PactwatchError('UNAUTHENTICATED', BAD_CREDENTIALS) : lockedError(lockedUntil);
  }

  /** A session cookie's token → who is acting (the account's current role). */
  async authenticateSession(sessionToken: string): Promise<Principal> {
    if (sessionToken === '') throw new PactwatchError('UNAUTHENTICATED', 'not signed in');
    const repos = repositories(this.ctx);
    const session = await repos.sessions.find(sha256Hex(sessionToken));
    if (session === undefined || session.revokedAt !== null) throw new PactwatchError('UNAUTHENTICATED', 'the session is not valid; sign in again');
    const now = this.ctx.now();
    if (session.expiresAt <= now.toISOString()) throw new PactwatchError('UNAUTHENTICATED', 'the session has expired; sign in again');
    const user = await repos.users.findById(session.userId);
    if (user === undefined) throw new PactwatchError('UNAUTHENTICATED', 'the session is not valid; sign in again');
    if (user.disabled) throw new PactwatchError('ACCOUNT_DISABLED', `account "${user.username}" is disabled; ask an admin`);
    if (now.getTime() - Date.parse(session.lastSeenAt) >= TOUCH_INTERVAL_MS) await repos.sessions.touch(session.id, now.toISOString());
    return userPrincipal(user);
  }

  /**
   * The CSRF check for writes made with a session cookie: the header value must be the token
   * issued with this session. Compared as hashes, in constant time. False for unknown sessions.
   */
  async verifyCsrf(sessionToken: string, csrfToken: string): Promise<boolean> {
    if (sessionToken === '' || csrfToken === '') return false;
    const session = await repositories(this.ctx).sessions.find(sha256Hex(sessionToken));
    if (session === undefined) return false;
    return safeEqual(sha256Hex(csrfToken), session.csrfHash);
  }

  /** Ends the session; unknown or already ended sessions are fine (logout is idempotent). */
  async logout(sessionToken: string): Promise<void> {
    if (sessionToken === '') return;
    await repositories(this.ctx).sessions.revoke(sha256Hex(sessionToken), this.ctx.now().toISOString());
  }

  /** Deletes expired and revoked sessions (housekeeping; sessions are credentials, not history). */
  async purgeSessions(): Promise<number> {
    return repositories(this.ctx).sessions.purge(this.ctx.now().toISOString());
  }

  /** A new API token for a user, scoped to `role` (≤ the owner's role). The raw token is returned once. */
  async createToken(ownerUserId: string, name: string, role: Role | string, expiresAt?: Date, by: AuditContext = cliAuditContext()): Promise<CreatedApiToken> {
    return createApiToken(this.ctx, ownerUserId, name, role, expiresAt, by);
  }

  async revokeToken(id: string, by: AuditContext = cliAuditContext()): Promise<ApiTokenInfo> {
    return revokeApiToken(this.ctx, id, by);
  }

  async listTokens(ownerUserId?: string): Promise<ApiTokenInfo[]> {
    return listApiTokens(this.ctx, ownerUserId);
  }

  async authenticateToken(rawToken: string): Promise<Principal> {
    return authenticateApiToken(this.ctx, rawToken);
  }
}
