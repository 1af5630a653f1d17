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
 * - PostgreSQL: the WAL insert position advances with every logged write in the cluster (the
 *   insert position, not the write position: with asynchronous commit the latter can lag a commit).
 */
export class RevisionRepository {
  constructor(private readonly db: Db) {}

  async current(): Promise<string> {
    if (isPostgres(this.db)) {
      const result = await sql<{ lsn: string }>`select pg_current_wal_insert_lsn()::text as lsn`.execute(this.db);
      return `pg:${result.rows[0]?.lsn ?? '0'}`;
    }
    const version = await sql<{ data_version: number }>`pragma data_version`.execute(this.db);
    const changes = await sql<{ n: number }>`select total_changes() as n`.execute(this.db);
    return `sqlite:${version.rows[0]?.data_version ?? 0}.${changes.rows[0]?.n ?? 0}`;
  }
}
