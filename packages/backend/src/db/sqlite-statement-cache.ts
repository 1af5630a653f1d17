import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

// Long statements are bulk inserts with a different shape each time: caching them only evicts
// the short, hot ones.
const MAX_CACHED_SQL_LENGTH = 4_000;

/**
 * Kysely's SQLite driver prepares every query anew; for the API's hot path (token lookup, store
 * revision, cached reads) preparing cost as much as running. This keeps the most recently used
 * prepared statements by SQL text. Safe because the driver runs one query at a time on its single
 * connection (a streamed query holds it until done), and SQLite re-prepares a statement itself
 * when the schema changes under it (migrations).
 */
export function withStatementCache(database: BetterSqlite3.Database, capacity = 256): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close(): void {
      statements.clear();
      database.close();
    },
    prepare(sql: string): SqliteStatement {
      const cached = statements.get(sql);
      if (cached !== undefined) {
        // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      if (sql.length <= MAX_CACHED_SQL_LENGTH) {
        statements.set(sql, statement);
        if (statements.size > capacity) {
          const oldest = statements.keys().next().value;
          if (oldest !== undefined) statements.delete(oldest);
        }
      }
      return statement;
    },
  };
}
