/**
 * Who may do what. Roles are ordered: each includes everything the one below it may do, so a
 * permission check is one comparison. The table of actions lives beside the API routes; this file
 * only fixes the vocabulary shared by the store, the API and the web app.
 */
export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };

/** True when `role` is at least `needed` (admin ⊇ analyst ⊇ viewer). */
export function roleAllows(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * Who did something, as the audit log records it. `user` and `token` come from the API; `cli` is a
 * person at the command line of the machine holding the store (trusted by file access); `system`
 * is pactwatch itself (background re-evaluation, scheduled jobs).
 */
export interface Principal {
  readonly kind: 'user' | 'token' | 'cli' | 'system' | 'anonymous';
  /** The user's or token's id; null for cli, system and anonymous. */
  readonly id: string | null;
  /** Readable name: the username, "token <name> of <user>", the OS user at the CLI, "pactwatch". */
  readonly name: string;
  /** The effective role; null for anonymous readers. */
  readonly role: Role | null;
}

export const SYSTEM_PRINCIPAL: Principal = { kind: 'system', id: null, name: 'pactwatch', role: 'admin' };

export function cliPrincipal(osUser: string): Principal {
  return { kind: 'cli', id: null, name: osUser === '' ? 'cli' : `cli:${osUser}`, role: 'admin' };
}
