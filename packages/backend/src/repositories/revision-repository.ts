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
    const version = await sql<{ data_version: number }>`pragma data_version`.execute(this.db);
    const changes = await sql<{ n: number }>`select total_changes() as n`.execute(this.db);
    return `sqlite:${version.rows[0]?.data_version ?? 0}.${changes.rows[0]?.n ?? 0}`;
  }
}
