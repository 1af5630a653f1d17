import { randomBytes } from 'node:crypto';
import { PactwatchError, roleAllows, type Principal, type Role } from '@pactwatch/domain';
import type { ApiTokenInfo, CreatedApiToken } from '../security/account-types.js';
import { apiTokenDisplayPrefix, looksLikeApiToken, newApiToken, sha256Hex } from '../security/secret-tokens.js';
import { checkRole } from './account-rules.js';
import type { Identified, PrincipalCache } from './principal-cache.js';
import { auditOrigin, type AuditContext } from './audit-context.js';
import { inTransaction, repositories, type ServiceContext } from './service-context.js';

/** last_used_at is written at most this often per token: a busy script should not turn every read into a write. */
const TOUCH_INTERVAL_MS = 60_000;

function audited(info: ApiTokenInfo): Record<string, unknown> {
  return { id: info.id, name: info.name, owner: info.username, role: info.role, prefix: info.prefix, expiresAt: info.expiresAt, revokedAt: info.revokedAt };
}

/** The lower of two roles: a token never does more than its owner may do today. */
function cappedRole(tokenRole: Role, ownerRole: Role): Role {
  return roleAllows(ownerRole, tokenRole) ? tokenRole : ownerRole;
}

export async function createApiToken(ctx: ServiceContext, ownerUserId: string, name: string, role: Role | string, expiresAt: Date | undefined, by: AuditContext): Promise<CreatedApiToken> {
  const label = name.trim();
  if (label === '' || label.length > 100) throw new PactwatchError('VALIDATION_FAILED', 'name: a token needs a label of 1 to 100 characters (what script or machine uses it)');
  const scope = checkRole(role);
  const at = ctx.now();
  if (expiresAt !== undefined && (Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= at.getTime())) {
    throw new PactwatchError('VALIDATION_FAILED', 'expires: must be a valid time in the future');
  }
  const token = newApiToken();
  const info = await inTransaction(ctx, async (repos) => {
    const owner = await repos.users.findById(ownerUserId);
    if (owner === undefined) throw new PactwatchError('NOT_FOUND', `no user with id "${ownerUserId}"`);
    if (owner.disabled) throw new PactwatchError('ACCOUNT_DISABLED', `user "${owner.username}" is disabled; enable it before giving it tokens`);
    if (!roleAllows(owner.role, scope)) throw new PactwatchError('FORBIDDEN', `a token cannot have more rights than its owner: "${owner.username}" is ${owner.role}, the token asked for ${scope}`);
    const id = randomBytes(8).toString('hex');
    await repos.apiTokens.insert({ id, name: label, userId: owner.id, role: scope, tokenHash: sha256Hex(token), prefix: apiTokenDisplayPrefix(token), createdAt: at.toISOString(), expiresAt: expiresAt?.toISOString() ?? null });
    const created = await repos.apiTokens.findById(id);
    if (created === undefined) throw new PactwatchError('INTERNAL', `token ${id} vanished after insert`);
    await repos.audit.record({ ...auditOrigin(by), action: 'token.create', entityType: 'api-token', entityId: id, before: null, after: audited(created) }, at);
    return created;
  });
  return { token, info };
}

/** Revoking twice is harmless: the second call changes nothing and records nothing. */
export async function revokeApiToken(ctx: ServiceContext, id: string, by: AuditContext): Promise<ApiTokenInfo> {
  const at = ctx.now();
  return inTransaction(ctx, async (repos) => {
    const before = await repos.apiTokens.findById(id);
    if (before === undefined) throw new PactwatchError('NOT_FOUND', `no API token "${id}"; see \`pactwatch tokens list\``);
    if (before.revokedAt !== null) return before;
    await repos.apiTokens.revoke(id, at.toISOString());
    const after = (await repos.apiTokens.findById(id)) ?? before;
    await repos.audit.record({ ...auditOrigin(by), action: 'token.revoke', entityType: 'api-token', entityId: id, before: audited(before), after: audited(after) }, at);
    return after;
  });
}

export async function listApiTokens(ctx: ServiceContext, ownerUserId?: string): Promise<ApiTokenInfo[]> {
  return repositories(ctx).apiTokens.list(ownerUserId);
}

/**
 * A bearer token → who is acting. The role is the token's scope capped by the owner's current
 * role, so demoting a user demotes their tokens at once; a disabled owner disables them all.
 */
export async function identifyApiToken(ctx: ServiceContext, raw: string, cached?: { readonly cache: PrincipalCache; readonly revision: string }): Promise<Identified> {
  if (!looksLikeApiToken(raw)) throw new PactwatchError('UNAUTHENTICATED', 'the API token is not valid');
  const hash = sha256Hex(raw);
  const now = ctx.now();
  const hit = cached?.cache.get(hash, cached.revision, now.getTime());
  if (hit !== undefined) return { principal: hit, lookedUp: false };
  const repos = repositories(ctx);
  const info = await repos.apiTokens.findByHash(hash);
  if (info === undefined) throw new PactwatchError('UNAUTHENTICATED', 'the API token is not valid');
  if (info.revokedAt !== null) throw new PactwatchError('ACCOUNT_DISABLED', `API token ${info.prefix}… was revoked at ${info.revokedAt}`);
  if (info.expiresAt !== null && info.expiresAt <= now.toISOString()) throw new PactwatchError('UNAUTHENTICATED', `API token ${info.prefix}… expired at ${info.expiresAt}`);
  const owner = await repos.users.findById(info.userId);
  if (owner === undefined || owner.disabled) throw new PactwatchError('ACCOUNT_DISABLED', `the owner of API token ${info.prefix}… is disabled`);
  const principal: Principal = { kind: 'token', id: info.id, name: `token ${info.name} of ${owner.username}`, role: cappedRole(info.role, owner.role) };
  const touchDue = info.lastUsedAt === null ? now.getTime() : Date.parse(info.lastUsedAt) + TOUCH_INTERVAL_MS;
  if (now.getTime() >= touchDue) {
    // The touch moves the account revision itself: the next request looks up again, then caches.
    await repos.apiTokens.touch(info.id, now.toISOString());
  } else if (cached !== undefined) {
    cached.cache.set(hash, cached.revision, principal, info.expiresAt === null ? touchDue : Math.min(touchDue, Date.parse(info.expiresAt)));
  }
  return { principal, lookedUp: true };
}
