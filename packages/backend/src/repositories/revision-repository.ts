import { sql } from 'kysely';
import type { Db } from '../db/connection.js';
import { isPostgres } from '../db/migrations/dialect.js';
import { revisionProbe } from '../db/revision-probe.js';

/** The store's two revisions: what cached reads show, and who may sign in with what. */
export interface StoreRevisions {
  /** Moves with every write to the data tables (agreements, incidents, findings, …). */
  readonly data: string;
  /** Moves with every write to accounts, sessions and API tokens (cached logins key on it). */
  readonly accounts: string;
}

/**
 * Cheap tokens that change whenever the store may have changed, from this process or any other
 * (CLI, workers). Response caches, list ETags and cached logins key on them. They may change
 * without a visible change (over-invalidation is harmless); they never stay the same across a
 * committed write to what they cover.
 *
 * - SQLite: `PRAGMA data_version` moves when another connection commits; `total_changes()` moves
 *   with this connection's own writes (which data_version ignores). One value covers every table,
 *   so both revisions are the same; it is read without Kysely (db/revision-probe.ts).
 * - PostgreSQL: the `store_revision` counter, bumped once per writing transaction by triggers on
 *   the data tables (migration 0006), and `account_revision` for the account tables (0011): a
 *   session's once-a-minute touch must not throw away every cached scorecard. Both are rows, so
 *   readers see a new value exactly when they can see the write.
 */
export class RevisionRepository {
  constructor(private readonly db: Db) {}

  async current(): Promise<string> {
    return (await this.both()).data;
  }

  async both(): Promise<StoreRevisions> {
    if (isPostgres(this.db)) {
      const result = await sql<{ d: string; a: string }>`select (select n::text from store_revision where id = 1) as d, (select n::text from account_revision where id = 1) as a`.execute(this.db);
      const row = result.rows[0];
      return { data: `pg:${row?.d ?? '0'}`, accounts: `pg:${row?.a ?? '0'}` };
    }
    const probe = revisionProbe(this.db);
    if (probe !== undefined) {
      try {
        const revision = probe();
        return { data: revision, accounts: revision };
      } catch {
        // Should the connection refuse a statement now (better-sqlite3 refuses writes while a
        // streamed query is open; reads pass), the queued path below waits for it.
      }
    }
    const result = await sql<{ v: number; n: number }>`select (select data_version from pragma_data_version) as v, total_changes() as n`.execute(this.db);
    const revision = `sqlite:${result.rows[0]?.v ?? 0}.${result.rows[0]?.n ?? 0}`;
    return { data: revision, accounts: revision };
  }
}
