import { readFileSync, statSync } from 'node:fs';
import { PactwatchError } from '@pactwatch/domain';
import { isPostgres } from '../db/dialect.js';
import { MIGRATIONS } from '../db/migrations/index.js';
import type { EvaluationReport, EvaluationService } from '../services/evaluation-service.js';
import type { ServiceContext } from '../services/service-context.js';
import { backupFileKind, backupTarget, readBackupText, writeAtomically, writeTextAtomically } from './backup-file.js';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupRow } from './backup-format.js';
import { BackupRepository } from './backup-repository.js';
import { logicalBackupJson, parseLogicalBackup } from './logical-backup.js';
import { countSqliteBackup, readSqliteBackup, sqliteOnlineBackup } from './sqlite-backup-file.js';

export interface BackupReport {
  readonly file: string;
  /** `sqlite`: a SQLite database file (online backup API); `json`: the logical backup format. */
  readonly kind: 'sqlite' | 'json';
  readonly migration: string;
  readonly bytes: number;
  /** Rows per backed-up table (read back from the written file for a SQLite backup). */
  readonly rows: Readonly<Record<string, number>>;
}

export interface RestoreReport {
  readonly file: string;
  readonly kind: 'sqlite' | 'json';
  readonly migration: string;
  /** True when --force replaced a store that held data. */
  readonly replaced: boolean;
  readonly rows: Readonly<Record<string, number>>;
  readonly evaluation: EvaluationReport;
}

function pactwatchVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

const count = (tables: Readonly<Record<string, readonly BackupRow[]>>): Record<string, number> => Object.fromEntries(Object.entries(tables).map(([t, rows]) => [t, rows.length]));

/**
 * `pactwatch backup FILE` / `restore FILE` (docs/RELIABILITY.md). SQLite stores are copied with
 * SQLite's online backup API (a database file); PostgreSQL stores are written as a logical backup
 * (JSON: a header and every backed-up table's rows). A restore reads either kind into either store.
 */
export class BackupService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly evaluation: EvaluationService,
  ) {}

  async backup(file: string, options: { force?: boolean } = {}): Promise<BackupReport> {
    const target = backupTarget(file, options.force === true);
    const repo = new BackupRepository(this.ctx.db);
    const migrations = await repo.migrations();
    const migration = migrations.at(-1) ?? '(none)';
    if (!isPostgres(this.ctx.db) && this.ctx.config.databasePath !== ':memory:') {
      await writeAtomically(target, (temporary) => sqliteOnlineBackup(this.ctx.config.databasePath, temporary));
      return { file: target, kind: 'sqlite', migration, bytes: statSync(target).size, rows: countSqliteBackup(target) };
    }
    const tables = await repo.readAll();
    const text = logicalBackupJson({ format: BACKUP_FORMAT, version: BACKUP_VERSION, pactwatch: pactwatchVersion(), store: isPostgres(this.ctx.db) ? 'postgres' : 'sqlite', migrations, tables });
    await writeTextAtomically(target, text);
    return { file: target, kind: 'json', migration, bytes: Buffer.byteLength(text), rows: count(tables) };
  }

  async restore(file: string, options: { force?: boolean } = {}): Promise<RestoreReport> {
    const kind = backupFileKind(file);
    const source = kind === 'sqlite' ? readSqliteBackup(file) : parseLogicalBackup(file, readBackupText(file));
    checkMigrationLevel(file, source.migrations);
    const repo = new BackupRepository(this.ctx.db);
    const occupied = await repo.nonEmptyTables();
    if (occupied.length > 0 && options.force !== true) {
      throw new PactwatchError('CONFLICT', `the store is not empty (${occupied.join(', ')} hold rows); restore into a new store, or pass --force to replace everything in it`);
    }
    const rows = await repo.replaceAll(source.tables);
    // Findings came with the backup; this evaluates whatever they do not cover (nothing, normally).
    const evaluation = await this.evaluation.evaluate();
    return { file, kind, migration: source.migrations.at(-1) ?? '(none)', replaced: occupied.length > 0, rows, evaluation };
  }
}

/**
 * A backup is restored by the pactwatch at its own migration level: one from a newer pactwatch has
 * tables or columns this one does not know (refused like a newer database), one from an older one
 * lacks what later migrations added — restore it with that version, or open its SQLite file
 * directly, and let this version migrate it forward.
 */
function checkMigrationLevel(file: string, migrations: readonly string[]): void {
  const known = Object.keys(MIGRATIONS);
  const unknown = migrations.filter((m) => !known.includes(m));
  if (unknown.length > 0) throw new PactwatchError('DATABASE_TOO_NEW', `${file}: the backup was made by a newer pactwatch (migrations ${unknown.join(', ')}); upgrade pactwatch to restore it`);
  const missing = known.filter((m) => !migrations.includes(m));
  if (missing.length > 0) {
    throw new PactwatchError('VALIDATION_FAILED', `${file}: the backup is at an older migration level (missing ${missing.join(', ')}); restore it with the pactwatch that made it, then upgrade (a SQLite backup file can also be opened directly with --db, which migrates it)`);
  }
}
