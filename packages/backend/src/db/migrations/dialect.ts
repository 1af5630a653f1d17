import { PostgresAdapter, type Kysely } from 'kysely';

/** Migrations are written once for both databases; the few differences are decided here. */
export function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
