import SqliteDatabase from 'better-sqlite3';
import { BACKUP_TABLES, type BackupRow, type BackupTable } from './backup-format.js';
import { sortRows, toBackupCell } from './backup-repository.js';

/**
 * SQLite's online backup API copies the live store page by page into `target`; if another
 * connection writes meanwhile it starts over, so the copy is always one consistent snapshot and
 * the server keeps running. A connection of its own: the store's Kysely pool is never blocked.
 */
export async function sqliteOnlineBackup(databasePath: string, target: string): Promise<void> {
  const source = new SqliteDatabase(databasePath, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    await source.backup(target);
  } finally {
    source.close();
  }
  // The copy inherits the store's WAL mode; a rollback-journal file is one self-contained file
  // that reading it later (restore, counting) does not surround with -wal/-shm companions.
  const copy = new SqliteDatabase(target, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** A SQLite backup file's migration level and backed-up rows, read without changing the file. */
export function readSqliteBackup(file: string): { migrations: string[]; tables: Record<BackupTable, BackupRow[]> } {
  const db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const present = new Set((db.prepare("select name from sqlite_master where type = 'table'").all() as Array<{ name: string }>).map((r) => r.name));
    const migrations = present.has('kysely_migration') ? (db.prepare('select name from kysely_migration order by name').all() as Array<{ name: string }>).map((r) => r.name) : [];
    const tables = {} as Record<BackupTable, BackupRow[]>;
    for (const table of BACKUP_TABLES) {
      // Table names come from BACKUP_TABLES, never from the file, so interpolating them is safe.
      const rows = present.has(table) ? (db.prepare(`select * from "${table}"`).all() as Array<Record<string, unknown>>) : [];
      tables[table] = sortRows(rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, toBackupCell(v)]))));
    }
    return { migrations, tables };
  } finally {
    db.close();
  }
}

/** Rows per backed-up table in a SQLite backup file (counted, not read). */
export function countSqliteBackup(file: string): Record<BackupTable, number> {
  const db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const counts = {} as Record<BackupTable, number>;
    for (const table of BACKUP_TABLES) counts[table] = (db.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n;
    return counts;
  } finally {
    db.close();
  }
}
