import { isRole, PactwatchError, ROLES, type Role } from '@pactwatch/domain';
import type { StoredUser, UserAccount } from '../security/account-types.js';

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

export function checkUsername(username: string): string {
  const trimmed = username.trim();
  if (!USERNAME.test(trimmed)) {
    throw new PactwatchError('VALIDATION_FAILED', `username: "${username}" must be 1 to 64 letters, digits, dots, dashes, underscores or @, starting with a letter or digit`);
  }
  return trimmed;
}

export function checkRole(role: string): Role {
  if (!isRole(role)) throw new PactwatchError('VALIDATION_FAILED', `role: must be one of ${ROLES.join(', ')}, got "${role}"`);
  return role;
}

/** The account without its hash: what services return and what the audit log records. */
export function publicAccount(user: StoredUser): UserAccount {
  const { passwordHash: _hidden, ...account } = user;
  return account;
}

/** What an audit row keeps of an account: identity and permissions, never secrets or counters. */
export function auditedAccount(user: UserAccount): Record<string, unknown> {
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role, disabled: user.disabled, mustChangePassword: user.mustChangePassword };
}

export function userNotFound(username: string): PactwatchError {
  return new PactwatchError('NOT_FOUND', `no user "${username}"; see \`pactwatch users list\``);
}

export function addMinutes(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * 60_000);
}
