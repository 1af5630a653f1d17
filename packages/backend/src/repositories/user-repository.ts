import { isRole, PactwatchError } from '@pactwatch/domain';
import type { Db } from '../db/connection.js';
import type { AppUserTable } from '../db/schema/app-user.js';
import type { StoredUser } from '../security/account-types.js';

export type NewUser = Omit<StoredUser, 'disabled' | 'disabledAt' | 'failedLogins' | 'lockedUntil' | 'updatedAt'>;

export type UserPatch = Partial<Pick<StoredUser, 'role' | 'displayName' | 'passwordHash' | 'mustChangePassword' | 'disabledAt' | 'failedLogins' | 'lockedUntil'>>;

function patchColumns(patch: UserPatch): Partial<AppUserTable> {
  return {
    ...(patch.role === undefined ? {} : { role: patch.role }),
    ...(patch.displayName === undefined ? {} : { display_name: patch.displayName }),
    ...(patch.passwordHash === undefined ? {} : { password_hash: patch.passwordHash }),
    ...(patch.mustChangePassword === undefined ? {} : { must_change_password: patch.mustChangePassword ? 1 : 0 }),
    ...(patch.disabledAt === undefined ? {} : { disabled_at: patch.disabledAt }),
    ...(patch.failedLogins === undefined ? {} : { failed_logins: patch.failedLogins }),
    ...(patch.lockedUntil === undefined ? {} : { locked_until: patch.lockedUntil }),
  };
}

/** The lowercase key that makes usernames unique whatever their case. */
export function usernameKey(username: string): string {
  return username.normalize('NFC').toLowerCase();
}

function toUser(r: AppUserTable): StoredUser {
  if (!isRole(r.role)) throw new PactwatchError('DATABASE_ERROR', `user ${r.username} has an unknown role "${r.role}" in the store`);
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    disabled: r.disabled_at !== null,
    disabledAt: r.disabled_at,
    failedLogins: Number(r.failed_logins),
    lockedUntil: r.locked_until,
    mustChangePassword: Number(r.must_change_password) === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    passwordHash: r.password_hash,
  };
}

/** All SQL on user accounts. */
export class UserRepository {
  constructor(private readonly db: Db) {}

  async insert(user: NewUser): Promise<void> {
    await this.db
      .insertInto('app_user')
      .values({
        id: user.id,
        username: user.username,
        username_key: usernameKey(user.username),
        display_name: user.displayName,
        role: user.role,
        password_hash: user.passwordHash,
        must_change_password: user.mustChangePassword ? 1 : 0,
        disabled_at: null,
        failed_logins: 0,
        locked_until: null,
        created_at: user.createdAt,
        updated_at: user.createdAt,
      })
      .execute();
  }

  async findByUsername(username: string): Promise<StoredUser | undefined> {
    const row = await this.db.selectFrom('app_user').selectAll().where('username_key', '=', usernameKey(username)).executeTakeFirst();
    return row === undefined ? undefined : toUser(row);
  }

  async findById(id: string): Promise<StoredUser | undefined> {
    const row = await this.db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toUser(row);
  }

  async list(): Promise<StoredUser[]> {
    const rows = await this.db.selectFrom('app_user').selectAll().orderBy('username_key').execute();
    return rows.map(toUser);
  }

  /** A change to the account itself: bumps updated_at (the API's ETag for the user). */
  async update(id: string, patch: UserPatch, at: string): Promise<void> {
    await this.db.updateTable('app_user').set({ ...patchColumns(patch), updated_at: at }).where('id', '=', id).execute();
  }

  /** Login bookkeeping (failure counter, lock): not an edit of the account, so updated_at stays. */
  async setLoginState(id: string, state: { failedLogins: number; lockedUntil: string | null }): Promise<void> {
    await this.db.updateTable('app_user').set(patchColumns(state)).where('id', '=', id).execute();
  }

  /** Counts a failed login atomically (two parallel guesses both count) and returns the new count. */
  async countFailure(id: string): Promise<number> {
    await this.db
      .updateTable('app_user')
      .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
      .where('id', '=', id)
      .execute();
    const row = await this.db.selectFrom('app_user').select('failed_logins').where('id', '=', id).executeTakeFirstOrThrow();
    return Number(row.failed_logins);
  }

  /** Enabled admins; the last one may not be disabled or demoted (nobody could manage users then). */
  async countActiveAdmins(): Promise<number> {
    const row = await this.db
      .selectFrom('app_user')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role', '=', 'admin')
      .where('disabled_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async countAdmins(): Promise<number> {
    const row = await this.db.selectFrom('app_user').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'admin').executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
