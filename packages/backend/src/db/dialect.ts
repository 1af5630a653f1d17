import { PostgresAdapter, sql, type ColumnDataType, type Expression, type Kysely } from 'kysely';

// Everything pactwatch does differently on SQLite and PostgreSQL is decided here, so migrations,
// repositories and services stay written once for both.

/** Kysely of any schema: migrations see `Kysely<unknown>`, repositories `Kysely<Database>`. */
type AnyKysely = Pick<Kysely<unknown>, 'getExecutor'>;

export function isPostgres(db: AnyKysely): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Column type for text. On PostgreSQL every text column is declared `collate "C"`: comparisons
 * and ORDER BY then go by code point, exactly like SQLite's BINARY collation, whatever locale
 * the database was created with (an ICU or glibc locale would sort "a" before "B", and "x-1"
 * after "x_1"). Ordering, keyset paging (`id > ?`) and LIKE prefixes thus agree on both
 * databases, and the primary-key indexes still serve them.
 */
export function textType(db: AnyKysely): ColumnDataType | Expression<unknown> {
  return isPostgres(db) ? sql`text collate "C"` : 'text';
}

/** Bound parameters per statement: SQLite allows 32,766, PostgreSQL 65,535; both kept clear. */
export function maxBindParameters(db: AnyKysely): number {
  return isPostgres(db) ? 60_000 : 30_000;
}

/** The `n`-th (1-based) bound-parameter placeholder in a hand-written statement. */
export function placeholder(db: AnyKysely, n: number): string {
  return isPostgres(db) ? `$${n}` : '?';
}

/**
 * PostgreSQL text cannot hold U+0000, which SQLite stores as is. Rather than failing a whole
 * import over one stray NUL, the PostgreSQL store writes U+FFFD (the replacement character) in
 * its place; JSON columns are unaffected (JSON text escapes NUL as \u0000).
 */
export const POSTGRES_NUL_STAND_IN = '\uFFFD';

// Any fixed 64-bit number; advisory locks are scoped to the current database.
const WRITER_LOCK = 0x7061_6374_7761n; // "pactwa"

/**
 * Called first in every write transaction. SQLite lets one writer in at a time by construction;
 * on PostgreSQL a transaction-scoped advisory lock gives the same guarantee, so two processes
 * (CLI, API, workers) never interleave the delete-then-insert replacements of one record, and a
 * transaction that holds the lock sees no other writer's commits between its statements.
 */
export async function lockWriters(trx: AnyKysely): Promise<void> {
  if (!isPostgres(trx)) return;
  await sql`select pg_advisory_xact_lock(${sql.lit(WRITER_LOCK)})`.execute(trx);
}
