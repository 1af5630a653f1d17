import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PactwatchError } from '@pactwatch/domain';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type MigrationProvider } from 'kysely';
import type { Config } from '../config/config.js';
import type { Database } from './database.js';
import { MIGRATIONS } from './migrations/index.js';
import { openPostgres } from './postgres.js';
import { withStatementCache } from './sqlite-statement-cache.js';

export { describeDatabaseUrl, openPostgres } from './postgres.js';

export type Db = Kysely<Database>;

const provider: MigrationProvider = { getMigrations: async () => ({ ...MIGRATIONS }) };

/**
 * Opens (creating if needed) the SQLite store: WAL so readers never block the writer and a crash
 * mid-write rolls back cleanly, foreign keys enforced, a busy timeout for concurrent CLIs.
 */
export function openSqlite(path: string): Db {
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const sqlite = new SqliteDatabase(path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  } catch (error) {
    throw new PactwatchError('DATABASE_ERROR', `cannot open database ${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** The configured store: PostgreSQL when a database URL is set, else the SQLite file. */
export async function openDatabase(config: Pick<Config, 'databasePath' | 'databaseUrl'>): Promise<Db> {
  return config.databaseUrl === undefined ? openSqlite(config.databasePath) : openPostgres(config.databaseUrl);
}

/**
 * Applies pending migrations; refuses a database that a newer pactwatch has migrated. On
 * PostgreSQL several processes may start at once: kysely's Migrator holds a session advisory lock
 * and migrates in one transaction, so the second process waits, then finds nothing left to do.
 */
export async function migrateToLatest(db: Db): Promise<{ applied: string[] }> {
  const migrator = new Migrator({ db, provider });
  const known = new Set(Object.keys(MIGRATIONS));
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (tables.some((t) => t.name === 'kysely_migration')) {
    const rows = await db
      .withoutPlugins()
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .execute();
    const unknown = (rows as Array<{ name: string }>).map((r) => r.name).filter((name) => !known.has(name));
    if (unknown.length > 0) {
      throw new PactwatchError('DATABASE_TOO_NEW', `the database has migrations this pactwatch does not know (${unknown.join(', ')}); upgrade pactwatch`);
    }
  }
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    throw new PactwatchError('DATABASE_ERROR', `migration failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
