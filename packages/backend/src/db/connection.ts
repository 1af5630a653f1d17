import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PactwatchError } from '@pactwatch/domain';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteAdapter, SqliteDialect, type DialectAdapter, type MigrationProvider } from 'kysely';
import type { Config } from '../config/config.js';
import type { Database } from './database.js';
import { MIGRATIONS } from './migrations/index.js';
import { openPostgres } from './postgres.js';
import { registerRevisionProbe } from './revision-probe.js';
import { withStatementCache } from './sqlite-statement-cache.js';

export { describeDatabaseUrl, openPostgres } from './postgres.js';

export type Db = Kysely<Database>;

const provider: MigrationProvider = { getMigrations: async () => ({ ...MIGRATIONS }) };

/**
 * SQLite runs DDL inside transactions, but kysely's SqliteAdapter says it does not, so its Migrator
 * ran each migration's statements one by one: a process killed mid-migration left half a
 * migration applied and unrecorded, and every later start failed ("table … already exists").
 * Claiming transactional DDL makes the Migrator apply all pending migrations in one transaction,
 * as on PostgreSQL: a kill rolls everything back and the next start migrates cleanly.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class PactwatchSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

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
    const db = new Kysely<Database>({ dialect: new PactwatchSqliteDialect({ database: withStatementCache(sqlite) }) });
    // data_version moves when another connection commits; total_changes() with this one's writes.
    const revision = sqlite.prepare('select (select data_version from pragma_data_version) as v, total_changes() as n');
    registerRevisionProbe(db, () => {
      const row = revision.get() as { v: number; n: number };
      return `sqlite:${row.v}.${row.n}`;
    });
    return db;
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
