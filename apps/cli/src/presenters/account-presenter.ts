import type { AccountWithPassword, ApiTokenInfo, CreatedApiToken, UserAccount } from '@pactwatch/backend';
import type { Colors } from './output.js';
import { renderTable } from './table.js';

function userState(user: UserAccount, now: Date): string {
  if (user.disabled) return 'disabled';
  if (user.lockedUntil !== null && Date.parse(user.lockedUntil) > now.getTime()) return `locked until ${user.lockedUntil}`;
  return user.mustChangePassword ? 'must change password' : 'active';
}

export function usersText(users: readonly UserAccount[], width: number, now: Date = new Date()): string {
  if (users.length === 0) return 'No users yet. Add one with `pactwatch users add NAME --role analyst`.\n';
  return renderTable(
    users,
    [
      { header: 'username', value: (u) => u.username },
      { header: 'role', value: (u) => u.role },
      { header: 'state', value: (u) => userState(u, now) },
      { header: 'created', value: (u) => u.createdAt.slice(0, 10) },
      { header: 'name', value: (u) => u.displayName, wrap: true },
    ],
    width,
  );
}

export function userText(user: UserAccount, now: Date = new Date()): string {
  return `${user.username} (${user.role}): ${userState(user, now)}\n`;
}

/** The generated password is printed once, on stdout, with what it is for. */
export function newPasswordText(result: AccountWithPassword, what: 'created' | 'reset', colors: Colors): string {
  const head = what === 'created' ? `Created user ${result.user.username} (${result.user.role}).` : `Reset the password of ${result.user.username}; their sessions were ended.`;
  if (result.oneTimePassword === null) return `${head}\n`;
  return `${head}\nOne-time password (shown only now; it must be changed at first sign-in):\n\n  ${colors.bold(result.oneTimePassword)}\n\n`;
}

export function tokensText(tokens: readonly ApiTokenInfo[], width: number): string {
  if (tokens.length === 0) return 'No API tokens.\n';
  return renderTable(
    tokens,
    [
      { header: 'id', value: (t) => t.id },
      { header: 'prefix', value: (t) => `${t.prefix}…` },
      { header: 'user', value: (t) => t.username },
      { header: 'role', value: (t) => t.role },
      { header: 'state', value: (t) => (t.revokedAt !== null ? 'revoked' : t.expiresAt !== null && Date.parse(t.expiresAt) <= Date.now() ? 'expired' : 'active') },
      { header: 'last used', value: (t) => t.lastUsedAt?.slice(0, 16).replace('T', ' ') ?? 'never' },
      { header: 'expires', value: (t) => t.expiresAt?.slice(0, 10) ?? 'never' },
      { header: 'name', value: (t) => t.name, wrap: true },
    ],
    width,
  );
}

export function newTokenText(created: CreatedApiToken, colors: Colors): string {
  const { info } = created;
  return `Created API token ${info.id} "${info.name}" for ${info.username} (${info.role}${info.expiresAt === null ? '' : `, expires ${info.expiresAt}`}).\n\n  ${colors.bold(created.token)}\n\n`;
}

export const TOKEN_WARNING = 'Copy the token now: it is shown only once and stored only as a hash. Send it as `Authorization: Bearer <token>`.';
