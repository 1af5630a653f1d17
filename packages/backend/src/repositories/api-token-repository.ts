import { isRole, PactwatchError } from '@pactwatch/domain';
import type { Db } from '../db/connection.js';
import type { ApiTokenInfo } from '../security/account-types.js';

export interface NewApiToken {
  readonly id: string;
  readonly name: string;
  readonly userId: string;
  readonly role: string;
  readonly tokenHash: string;
  readonly prefix: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
}

interface TokenRow {
  id: string;
  name: string;
  user_id: string;
  username: string;
  role: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

function toInfo(r: TokenRow): ApiTokenInfo {
  if (!isRole(r.role)) throw new PactwatchError('DATABASE_ERROR', `API token ${r.id} has an unknown role "${r.role}" in the store`);
  return {
    id: r.id,
    name: r.name,
    userId: r.user_id,
    username: r.username,
    role: r.role,
    prefix: r.prefix,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
  };
}

/** All SQL on API tokens. The token itself is never here, only its SHA-256. */
export class ApiTokenRepository {
  constructor(private readonly db: Db) {}

  private select() {
    return this.db
      .selectFrom('api_token')
      .innerJoin('app_user', 'app_user.id', 'api_token.user_id')
      .select([
        'api_token.id',
        'api_token.name',
        'api_token.user_id',
        'app_user.username',
        'api_token.role',
        'api_token.prefix',
        'api_token.created_at',
        'api_token.last_used_at',
        'api_token.expires_at',
        'api_token.revoked_at',
      ]);
  }

  async insert(token: NewApiToken): Promise<void> {
    await this.db
      .insertInto('api_token')
      .values({
        id: token.id,
        name: token.name,
        user_id: token.userId,
        role: token.role,
        token_hash: token.tokenHash,
        prefix: token.prefix,
        created_at: token.createdAt,
        last_used_at: null,
        expires_at: token.expiresAt,
        revoked_at: null,
      })
      .execute();
  }

  async findByHash(tokenHash: string): Promise<ApiTokenInfo | undefined> {
    const row = await this.select().where('api_token.token_hash', '=', tokenHash).executeTakeFirst();
    return row === undefined ? undefined : toInfo(row);
  }

  async findById(id: string): Promise<ApiTokenInfo | undefined> {
    const row = await this.select().where('api_token.id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toInfo(row);
  }

  async list(userId?: string): Promise<ApiTokenInfo[]> {
    let query = this.select();
    if (userId !== undefined) query = query.where('api_token.user_id', '=', userId);
    const rows = await query.orderBy('app_user.username_key').orderBy('api_token.created_at').orderBy('api_token.id').execute();
    return rows.map(toInfo);
  }

  async revoke(id: string, at: string): Promise<void> {
    await this.db.updateTable('api_token').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
  }

  async touch(id: string, at: string): Promise<void> {
    await this.db.updateTable('api_token').set({ last_used_at: at }).where('id', '=', id).execute();
  }
}
