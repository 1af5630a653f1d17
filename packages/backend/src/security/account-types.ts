import type { Principal, Role } from '@pactwatch/domain';

/** A user account as services return it: never the password hash. Instants are ISO 8601 UTC. */
export interface UserAccount {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly disabled: boolean;
  readonly disabledAt: string | null;
  readonly failedLogins: number;
  readonly lockedUntil: string | null;
  readonly mustChangePassword: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The account with its hash, for the services that check passwords; never leaves the backend. */
export interface StoredUser extends UserAccount {
  readonly passwordHash: string;
}

/** An API token as lists show it: the prefix, never the secret or its hash. */
export interface ApiTokenInfo {
  readonly id: string;
  readonly name: string;
  readonly userId: string;
  readonly username: string;
  readonly role: Role;
  readonly prefix: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
}

/** A new account or reset password: the generated one-time password is returned exactly once. */
export interface AccountWithPassword {
  readonly user: UserAccount;
  /** Null when the caller supplied the password. */
  readonly oneTimePassword: string | null;
}

export interface CreatedApiToken {
  /** The raw token (`pw_…`): shown once, stored only as a hash. */
  readonly token: string;
  readonly info: ApiTokenInfo;
}

/** Where a login came from, kept on the session for the user's own session list and forensics. */
export interface LoginMeta {
  readonly ip?: string;
  readonly userAgent?: string;
  readonly requestId?: string;
}

export interface LoginResult {
  /** The raw session token for the cookie: returned once, stored only as its SHA-256. */
  readonly sessionToken: string;
  /** Sent back by the client in a header on every write (double submit); stored hashed. */
  readonly csrfToken: string;
  readonly principal: Principal;
  readonly expiresAt: string;
  /** True after an admin-generated one-time password: the UI should ask for a new one. */
  readonly mustChangePassword: boolean;
}

/** Who did what to which entity, with the state before and after (JSON values). */
interface AuditChange {
  readonly principal: Principal;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** What a service records (recordAudit). Never put passwords or token secrets in before/after. */
export interface AuditRecord extends AuditChange {
  readonly note?: string;
  readonly requestId?: string;
}

/** One audit row as read back, with its sequence number and time (ISO 8601 UTC). */
export interface AuditEntry extends AuditChange {
  readonly id: number;
  readonly at: string;
  readonly note: string | null;
  readonly requestId: string | null;
}

export interface AuditFilter {
  readonly entityType?: string;
  readonly entityId?: string;
  /** Everything about one incident: its own entries and the verdict overrides on its findings. */
  readonly incident?: string;
  readonly principalName?: string;
  readonly action?: string;
  /** Inclusive lower bound on `at`. */
  readonly since?: Date;
  /** Exclusive upper bound on `at`. */
  readonly until?: Date;
  /** Entries older than this id (the previous page's `nextCursor`). */
  readonly cursor?: number;
  readonly limit?: number;
}

export interface AuditPage {
  /** Newest first. */
  readonly entries: readonly AuditEntry[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  readonly nextCursor: number | null;
}
