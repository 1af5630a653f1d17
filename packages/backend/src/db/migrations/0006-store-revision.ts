import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

/**
 * Tables whose contents the API's cached reads show. Account, session, token, audit and job tables
 * are left out on purpose: a session's `last_used` touch or a job's progress must not invalidate
 * every cached scorecard. A later migration that adds a data table calls `trackRevision` for it.
 */
export const REVISION_TRACKED_TABLES = [
  'agreement',
  'agreement_party',
  'commitment',
  'incident',
  'attribution',
  'victim',
  'context_event',
  'party_group',
  'group_member',
  'actor',
  'finding',
  'verdict_override',
  'meta',
  'import_batch',
  'quarantine',
  'source_object',
  'trend_cache',
] as const;

/**
 * PostgreSQL store revision: a one-row counter bumped by a BEFORE STATEMENT trigger on every
 * tracked table, at most once per transaction. It replaces the WAL position, which any write in
 * the cluster moves (pg-boss polling, autovacuum, other databases), so cached reads were thrown
 * away all the time. Being a row, the counter is transactional: readers see the new value exactly
 * when they can see the write. BEFORE (not AFTER) so the counter's row lock is taken before the
 * statement locks any data row: writers queue on it in one order and cannot deadlock through it.
 * SQLite keeps `data_version` + `total_changes()` (see RevisionRepository) and needs nothing here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`create table store_revision (id integer primary key check (id = 1), n bigint not null)`.execute(db);
  await sql`insert into store_revision (id, n) values (1, 0)`.execute(db);
  // The transaction-local setting makes later statements of the same transaction skip the update;
  // it is rolled back with a savepoint, so a bump undone by a rollback is redone next time.
  await sql
    .raw(
      `create function pactwatch_bump_revision() returns trigger language plpgsql as $$
begin
  if coalesce(current_setting('pactwatch.revision_bumped', true), '') <> 'on' then
    perform set_config('pactwatch.revision_bumped', 'on', true);
    update store_revision set n = n + 1 where id = 1;
  end if;
  return null;
end $$`,
    )
    .execute(db);
  for (const table of REVISION_TRACKED_TABLES) await trackRevision(db, table);
}

export async function trackRevision(db: Kysely<unknown>, table: string): Promise<void> {
  if (!isPostgres(db)) return;
  await sql
    .raw(`create trigger ${table}_revision before insert or update or delete or truncate on ${table} for each statement execute function pactwatch_bump_revision()`)
    .execute(db);
}

export async function down(): Promise<void> {
  throw new Error('pactwatch migrations are forward-only');
}
