import { sql } from 'kysely';
import type { Db } from '../db/connection.js';
import { isPostgres } from '../db/migrations/dialect.js';

/**
 * A cheap token that changes whenever anything in the store may have changed, from this process
 * or any other (CLI, workers). Response caches and list ETags key on it. It may change without a
 * visible change (over-invalidation is harmless); it never stays the same across a committed write.
 *
 * - SQLite: `PRAGMA data_version` moves when another connection commits; `total_changes()` moves
 *   with this connection's own writes (which data_version ignores).
 * - PostgreSQL: the `store_revision` counter, bumped once per writing transaction by triggers on
 *   the data tables (migration 0006), and visible exactly when the write is.
 */
export class RevisionRepository {
  constructor(private readonly db: Db) {}

  async current(): Promise<string> {
    if (isPostgres(this.db)) {
      const result = await sql<{ n: string }>`select n::text as n from store_revision where id = 1`.execute(this.db);
      return `pg:${result.rows[0]?.n ?? '0'}`;
    }
    // One statement (the pragma as a table-valued function): this runs on every cached API read.
    const result = await sql<{ v: number; n: number }>`select (select data_version from pragma_data_version) as v, total_changes() as n`.execute(this.db);
    return `sqlite:${result.rows[0]?.v ?? 0}.${result.rows[0]?.n ?? 0}`;
  }
}
