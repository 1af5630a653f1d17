import { PactwatchError, SYSTEM_PRINCIPAL, type Principal, type Role } from '@pactwatch/domain';
import type { ApiTokenInfo, CreatedApiToken, LoginMeta, LoginResult, StoredUser } from '../security/account-types.js';
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from '../security/password-hash.js';
import { randomSecret, safeEqual, sha256Hex } from '../security/secret-tokens.js';
import { addMinutes, auditedAccount, publicAccount } from './account-rules.js';
import { identifyApiToken, createApiToken, listApiTokens, revokeApiToken } from './api-token-operations.js';
import { cliAuditContext, type AuditContext } from './audit-context.js';
import { PrincipalCache, type Identified } from './principal-cache.js';
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
  private readonly sessionPrincipals = new PrincipalCache();
  private readonly tokenPrincipals = new PrincipalCache();

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

  /**
   * A session cookie's token → who is acting (the account's current role). With the account
   * revision read at the start of the request (`browse.revisions()`), an answer already given at
   * that revision is reused (see PrincipalCache): a logout, a disabled account or a role change
   * from any process moves the revision.
   */
  async authenticateSession(sessionToken: string, accountRevision?: string): Promise<Principal> {
    return (await this.identifySession(sessionToken, accountRevision)).principal;
  }

  /** As authenticateSession, and says whether the store was asked (the API then re-reads the data revision). */
  async identifySession(sessionToken: string, accountRevision?: string): Promise<Identified> {
    if (sessionToken === '') throw new PactwatchError('UNAUTHENTICATED', 'not signed in');
    const key = sha256Hex(sessionToken);
    const now = this.ctx.now();
    if (accountRevision !== undefined) {
      const cached = this.sessionPrincipals.get(key, accountRevision, now.getTime());
      if (cached !== undefined) return { principal: cached, lookedUp: false };
    }
    const repos = repositories(this.ctx);
    const session = await repos.sessions.find(key);
    if (session === undefined || session.revokedAt !== null) throw new PactwatchError('UNAUTHENTICATED', 'the session is not valid; sign in again');
    if (session.expiresAt <= now.toISOString()) throw new PactwatchError('UNAUTHENTICATED', 'the session has expired; sign in again');
    const user = await repos.users.findById(session.userId);
    if (user === undefined) throw new PactwatchError('UNAUTHENTICATED', 'the session is not valid; sign in again');
    if (user.disabled) throw new PactwatchError('ACCOUNT_DISABLED', `account "${user.username}" is disabled; ask an admin`);
    const principal = userPrincipal(user);
    const touchDue = Date.parse(session.lastSeenAt) + TOUCH_INTERVAL_MS;
    if (now.getTime() >= touchDue) {
      // The touch moves the account revision itself: the next request looks up again, then caches.
      await repos.sessions.touch(session.id, now.toISOString());
    } else if (accountRevision !== undefined) {
      this.sessionPrincipals.set(key, accountRevision, principal, Math.min(touchDue, Date.parse(session.expiresAt)));
    }
    return { principal, lookedUp: true };
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

  /** A bearer token → who is acting; `accountRevision` as for sessions (answers reused while it stands). */
  async authenticateToken(rawToken: string, accountRevision?: string): Promise<Principal> {
    return (await this.identifyToken(rawToken, accountRevision)).principal;
  }

  /** As authenticateToken, and says whether the store was asked (the API then re-reads the data revision). */
  async identifyToken(rawToken: string, accountRevision?: string): Promise<Identified> {
    return identifyApiToken(this.ctx, rawToken, accountRevision === undefined ? undefined : { cache: this.tokenPrincipals, revision: accountRevision });
  }
}
