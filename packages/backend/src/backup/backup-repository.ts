import { sql } from 'kysely';
import type { Db } from '../db/connection.js';
import { isPostgres, maxBindParameters } from '../db/dialect.js';
import { writeTransaction } from '../db/write-transaction.js';
import { BACKUP_TABLES, CLEARED_ON_RESTORE, DATA_TABLES, type BackupCell, type BackupRow, type BackupTable } from './backup-format.js';

/** Never deleted (migration 0004); see replaceAll. */
const APPEND_ONLY: BackupTable = 'audit_log';

type Cell = string | number | null | Buffer;

/** A stored value as a backup file carries it: binary as base64, int8 strings kept as text. */
export function toBackupCell(value: unknown): BackupCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'bigint') return value.toString();
  if (Buffer.isBuffer(value)) return { base64: value.toString('base64') };
  if (value instanceof Date) return value.toISOString();
  // Only text, integer, real and blob columns exist (migrations); anything else is a new type to map here.
  throw new Error(`unexpected column value of type ${typeof value}`);
}

function fromBackupCell(value: BackupCell): Cell {
  return value !== null && typeof value === 'object' ? Buffer.from(value.base64, 'base64') : value;
}

/** Rows in a stable order (their canonical text), so equal stores give byte-identical backups. */
export function sortRows(rows: BackupRow[]): BackupRow[] {
  return rows.map((row) => ({ row, key: JSON.stringify(Object.keys(row).sort().map((k) => row[k])) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((r) => r.row);
}

/** All SQL of backup and restore on the open store (the SQLite backup file side is `sqlite-backup-file.ts`). */
export class BackupRepository {
  constructor(private readonly db: Db) {}

  async migrations(): Promise<string[]> {
    const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(this.db);
    return rows.rows.map((r) => r.name);
  }

  /** Every backed-up table, read in one consistent snapshot. */
  async readAll(): Promise<Record<BackupTable, BackupRow[]>> {
    const read = async (db: Db): Promise<Record<BackupTable, BackupRow[]>> => {
      const out = {} as Record<BackupTable, BackupRow[]>;
      for (const table of BACKUP_TABLES) {
        const result = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
        out[table] = sortRows(result.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, toBackupCell(v)]))));
      }
      return out;
    };
    if (!isPostgres(this.db)) return this.db.transaction().execute(read);
    return this.db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(read);
  }

  /** The data tables that hold rows (empty when the store is new). */
  async nonEmptyTables(): Promise<string[]> {
    const found: string[] = [];
    for (const table of DATA_TABLES) {
      const result = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(this.db);
      if (Number(result.rows[0]?.n ?? 0) > 0) found.push(table);
    }
    return found;
  }

  /**
   * Replaces every backed-up table with `tables` in ONE transaction: a crash or error anywhere
   * leaves the store exactly as it was. Children are cleared before parents, parents inserted first.
   * Returns rows written per table; `audit_log` is absent when the store's own log was kept.
   */
  async replaceAll(tables: Readonly<Record<string, readonly BackupRow[]>>): Promise<Record<string, number>> {
    return writeTransaction(this.db, async (trx) => {
      // The audit log is append-only (migration 0004 refuses DELETE): a store that already has
      // one keeps it, and the backup's entries are not mixed into it (their ids would collide).
      const audited = await sql<{ n: number }>`select count(*) as n from audit_log`.execute(trx);
      const keepAuditLog = Number(audited.rows[0]?.n ?? 0) > 0;
      const replaced = BACKUP_TABLES.filter((t) => !(keepAuditLog && t === APPEND_ONLY));
      for (const table of CLEARED_ON_RESTORE) await sql`delete from ${sql.table(table)}`.execute(trx);
      for (const table of [...replaced].reverse()) await sql`delete from ${sql.table(table)}`.execute(trx);
      const counts: Record<string, number> = {};
      for (const table of replaced) {
        const rows = tables[table] ?? [];
        counts[table] = rows.length;
        await insertRows(trx, table, rows);
      }
      if (isPostgres(trx)) await resetSequences(trx);
      return counts;
    });
  }
}

async function insertRows(db: Db, table: string, rows: readonly BackupRow[]): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const columns = Object.keys(first);
  const perStatement = Math.max(1, Math.floor(maxBindParameters(db) / Math.max(1, columns.length)));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const values = chunk.map((row) => sql`(${sql.join(columns.map((c) => fromBackupCell(row[c] ?? null)))})`);
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${sql.join(values)}`.execute(db);
  }
}

/** Serial columns continue after the restored ids, not from 1 (which would collide). */
async function resetSequences(db: Db): Promise<void> {
  const serials = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and column_default like 'nextval(%'`.execute(db);
  for (const { table_name: table, column_name: column } of serials.rows) {
    await sql`select setval(pg_get_serial_sequence(${table}, ${column}), coalesce((select max(${sql.ref(column)}) from ${sql.table(table)}), 0) + 1, false)`.execute(db);
  }
}
