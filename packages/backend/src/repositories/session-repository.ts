import type { Db } from '../db/connection.js';
import type { UserSessionTable } from '../db/schema/user-session.js';

export interface StoredSession {
  readonly id: string;
  readonly userId: string;
  readonly csrfHash: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly lastSeenAt: string;
  readonly revokedAt: string | null;
  readonly clientIp: string | null;
  readonly userAgent: string | null;
}

function toSession(r: UserSessionTable): StoredSession {
  return {
    id: r.id,
    userId: r.user_id,
    csrfHash: r.csrf_hash,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    lastSeenAt: r.last_seen_at,
    revokedAt: r.revoked_at,
    clientIp: r.client_ip,
    userAgent: r.user_agent,
  };
}

/** All SQL on browser sessions (keyed by the SHA-256 of the session token). */
export class SessionRepository {
  constructor(private readonly db: Db) {}

  async insert(session: Omit<StoredSession, 'revokedAt'>): Promise<void> {
    await this.db
      .insertInto('user_session')
      .values({
        id: session.id,
        user_id: session.userId,
        csrf_hash: session.csrfHash,
        created_at: session.createdAt,
        expires_at: session.expiresAt,
        last_seen_at: session.lastSeenAt,
        revoked_at: null,
        client_ip: session.clientIp,
        user_agent: session.userAgent,
      })
      .execute();
  }

  async find(id: string): Promise<StoredSession | undefined> {
    const row = await this.db.selectFrom('user_session').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toSession(row);
  }

  async touch(id: string, at: string): Promise<void> {
    await this.db.updateTable('user_session').set({ last_seen_at: at }).where('id', '=', id).execute();
  }

  async revoke(id: string, at: string): Promise<void> {
    await this.db.updateTable('user_session').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
  }

  /** Ends every live session of a user (disabled, password changed or reset), except `keepId`. */
  async revokeAllForUser(userId: string, at: string, keepId?: string): Promise<number> {
    let query = this.db.updateTable('user_session').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null);
    if (keepId !== undefined) query = query.where('id', '<>', keepId);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Sessions are credentials, not history: expired and revoked ones can go. */
  async purge(before: string): Promise<number> {
    const result = await this.db
      .deleteFrom('user_session')
      .where((eb) => eb.or([eb('expires_at', '<', before), eb('revoked_at', 'is not', null)]))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
