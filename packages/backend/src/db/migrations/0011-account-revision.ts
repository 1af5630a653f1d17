import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

/** The tables cached logins depend on: a revoked token, a disabled user or a logout must show at once. */
export const ACCOUNT_REVISION_TABLES = ['app_user', 'api_token', 'user_session'] as const;

/**
 * PostgreSQL account revision: the API caches who a token or session cookie belongs to, keyed on
 * this counter, so that every request need not look the token and its owner up. It works like
 * the store revision of 0006 (a one-row counter bumped once per writing transaction by BEFORE
 * STATEMENT triggers) but is a separate row: sessions and tokens are touched once a minute while
 * in use, and that must not invalidate the cached data reads. SQLite needs nothing: its revision
 * (data_version + total_changes) covers every table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`create table account_revision (id integer primary key check (id = 1), n bigint not null)`.execute(db);
  await sql`insert into account_revision (id, n) values (1, 0)`.execute(db);
  await sql
    .raw(
      `create function pactwatch_bump_account_revision() returns trigger language plpgsql as $$
begin
  if coalesce(current_setting('pactwatch.account_revision_bumped', true), '') <> 'on' then
    perform set_config('pactwatch.account_revision_bumped', 'on', true);
    update account_revision set n = n + 1 where id = 1;
  end if;
  return null;
end $$`,
    )
    .execute(db);
  for (const table of ACCOUNT_REVISION_TABLES) {
    await sql
      .raw(`create trigger ${table}_account_revision before insert or update or delete or truncate on ${table} for each statement execute function pactwatch_bump_account_revision()`)
      .execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('pactwatch migrations are forward-only');
}
