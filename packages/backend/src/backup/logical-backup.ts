import { PactwatchError } from '@pactwatch/domain';
import { BACKUP_FORMAT, BACKUP_TABLES, BACKUP_VERSION, type BackupCell, type BackupRow, type BackupTable, type LogicalBackup } from './backup-format.js';

function fail(file: string, where: string, reason: string): never {
  throw new PactwatchError('VALIDATION_FAILED', `${file}: ${where}: ${reason}`);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function cell(file: string, where: string, value: unknown): BackupCell {
  if (value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) return value;
  if (isObject(value) && typeof value['base64'] === 'string' && Object.keys(value).length === 1) return { base64: value['base64'] };
  return fail(file, where, 'a cell must be text, a finite number, null or { "base64": … }');
}

/** Checks a logical backup's header and shape, naming the first place that is wrong. */
export function parseLogicalBackup(file: string, text: string): LogicalBackup {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail(file, '(file)', `neither a SQLite backup nor JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!isObject(value)) return fail(file, '(file)', 'not a JSON object');
  if (value['format'] !== BACKUP_FORMAT) return fail(file, 'format', `expected "${BACKUP_FORMAT}", got ${JSON.stringify(value['format'])} (an \`export --format json\` file is re-imported with \`pactwatch import\`, not restored)`);
  if (value['version'] !== BACKUP_VERSION) return fail(file, 'version', `this pactwatch reads backup format version ${BACKUP_VERSION}, got ${JSON.stringify(value['version'])}`);
  const migrations = value['migrations'];
  if (!Array.isArray(migrations) || !migrations.every((m): m is string => typeof m === 'string')) return fail(file, 'migrations', 'must be a list of migration names');
  const store = value['store'] === 'postgres' ? 'postgres' : 'sqlite';
  const rawTables = value['tables'];
  if (!isObject(rawTables)) return fail(file, 'tables', 'must be an object of table name → rows');
  const known = new Set<string>(BACKUP_TABLES);
  const tables: Partial<Record<BackupTable, BackupRow[]>> = {};
  for (const [name, rows] of Object.entries(rawTables)) {
    if (!known.has(name)) return fail(file, `tables.${name}`, 'not a table a backup holds');
    if (!Array.isArray(rows)) return fail(file, `tables.${name}`, 'must be a list of rows');
    tables[name as BackupTable] = rows.map((row: unknown, index) => {
      if (!isObject(row)) return fail(file, `tables.${name}[${index}]`, 'a row must be an object');
      return Object.fromEntries(Object.entries(row).map(([column, v]) => [column, cell(file, `tables.${name}[${index}].${column}`, v)]));
    });
  }
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, pactwatch: typeof value['pactwatch'] === 'string' ? value['pactwatch'] : 'unknown', store, migrations, tables };
}

/** Two-space JSON, final newline, no clock: equal stores give identical backups. */
export function logicalBackupJson(backup: LogicalBackup): string {
  return `${JSON.stringify(backup, null, 2)}\n`;
}
