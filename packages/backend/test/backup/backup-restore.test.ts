import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BACKUP_TABLES, type LogicalBackup } from '@pactwatch/backend';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { workspace } from '../helpers.js';
import { onPostgres } from '../test-store.js';
import { richStore, tableRows } from './rich-store.js';

// The rich store loads the whole curated dataset and imports: generous on a loaded machine.
const SLOW = 120_000;

/** Each backed-up table's rows, compared whole: every column of every row. */
async function snapshot(app: Parameters<typeof tableRows>[0]): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of BACKUP_TABLES) out[table] = await tableRows(app, table);
  return out;
}

describe(`backup and restore (${onPostgres ? 'PostgreSQL: logical JSON backup' : 'SQLite: online backup file'})`, () => {
  it(
    'restores every row of every backed-up table into a new store, and the restored store backs up to the same content',
    async () => {
      const { ws, app } = await richStore();
      const before = await snapshot(app);
      // The fixture must really exercise the tables that matter, or equality proves little.
      for (const table of ['incident', 'attribution', 'victim', 'actor', 'agreement', 'commitment', 'context_event', 'finding', 'verdict_override', 'import_batch', 'source_object', 'incident_draft', 'app_user', 'alert_rule', 'feed_source', 'audit_log']) {
        expect(before[table]?.length, table).toBeGreaterThan(0);
      }
      const file = join(ws.dir, 'store.backup');
      const report = await app.backup.backup(file);
      expect(report.kind).toBe(onPostgres ? 'json' : 'sqlite');
      expect(report.migration).toBe('0012-party-lookup-indexes');
      expect(report.rows['incident']).toBe(before['incident']?.length);

      const target = await workspace().open();
      const restored = await target.backup.restore(file);
      expect(restored.replaced).toBe(false);
      // The backup carries the findings, so nothing is stale afterwards.
      expect(restored.evaluation.incidentsEvaluated).toBe(0);
      expect(await snapshot(target)).toEqual(before);
      // Reads through the services agree too.
      expect(await target.query.findings()).toEqual(await app.query.findings());
      expect(await target.query.incidents()).toEqual(await app.query.incidents());

      if (onPostgres) {
        // A logical backup of an unchanged store is byte-identical (no clock in it).
        const again = join(ws.dir, 'again.backup');
        await target.backup.backup(again);
        expect(readFileSync(again, 'utf8')).toBe(readFileSync(file, 'utf8'));
      }
      // Serial ids continue after the restored ones instead of colliding.
      await target.drafts.create({ record: { ...JSON.parse(JSON.stringify((await app.query.incidents())[0])), id: 'after-restore' } }, { principal: { kind: 'user', id: 'u', name: 'u', role: 'analyst' } });
    },
    SLOW,
  );

  it(
    'refuses a non-empty store unless forced, and --force replaces it in one transaction (its own audit log kept)',
    async () => {
      const { ws, app } = await richStore();
      const file = join(ws.dir, 'store.backup');
      await app.backup.backup(file);
      const before = await snapshot(app);

      const other = workspace();
      other.write('agreements/x.yaml', readFileSync(join(ws.dataDir, 'agreements', 'us-cn-2015.yaml'), 'utf8'));
      const target = await other.open();
      await target.dataset.load();
      const occupied = await snapshot(target);
      await expect(target.backup.restore(file)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('--force') });
      expect(await snapshot(target)).toEqual(occupied);

      const auditBefore = await tableRows(target, 'audit_log');
      const forced = await target.backup.restore(file, { force: true });
      expect(forced.replaced).toBe(true);
      const after = await snapshot(target);
      for (const table of BACKUP_TABLES) if (table !== 'audit_log') expect(after[table], table).toEqual(before[table]);
      // The audit log is append-only: the store's own entries stay, none is rewritten.
      expect(after['audit_log']?.slice(0, auditBefore.length)).toEqual(auditBefore);
    },
    SLOW,
  );

  it('refuses to overwrite an existing file or write into a folder, and writes nothing then', async () => {
    const ws = workspace();
    const app = await ws.open();
    const file = join(ws.dir, 'b.backup');
    writeFileSync(file, 'keep me');
    await expect(app.backup.backup(file)).rejects.toMatchObject({ code: 'FILE_ERROR', message: expect.stringContaining('--force') });
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    mkdirSync(join(ws.dir, 'folder'));
    await expect(app.backup.backup(join(ws.dir, 'folder'))).rejects.toMatchObject({ code: 'FILE_ERROR', message: expect.stringContaining('is a folder') });
    await expect(app.backup.backup(join(ws.dir, 'missing', 'b.backup'))).rejects.toMatchObject({ code: 'FILE_ERROR', message: expect.stringContaining('does not exist') });
    const forced = await app.backup.backup(file, { force: true });
    expect(forced.bytes).toBeGreaterThan(7);
    await expect(app.backup.restore(join(ws.dir, 'folder'))).rejects.toMatchObject({ code: 'FILE_ERROR' });
  });

  it('refuses a backup from a newer pactwatch (DATABASE_TOO_NEW), an older one, or a native export, leaving the store unchanged', async () => {
    const ws = workspace();
    const app = await ws.open();
    const known = (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(app.db)).rows.map((r) => r.name);
    const logical = (migrations: string[]): string => {
      const backup: LogicalBackup = { format: 'pactwatch-backup', version: 1, pactwatch: '9.9.9', store: 'postgres', migrations, tables: { meta: [{ key: 'from-backup', value: 'x' }] } };
      const file = join(ws.dir, `logical-${migrations.length}.json`);
      writeFileSync(file, JSON.stringify(backup));
      return file;
    };
    const before = await tableRows(app, 'meta');
    await expect(app.backup.restore(logical([...known, '9999-from-the-future']))).rejects.toMatchObject({ code: 'DATABASE_TOO_NEW', message: expect.stringContaining('9999-from-the-future') });
    await expect(app.backup.restore(logical(known.slice(0, -1)))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('older migration level') });
    const native = join(ws.dir, 'native.json');
    writeFileSync(native, (await app.exports.export({ format: 'json' })).text);
    await expect(app.backup.restore(native)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('pactwatch import') });

    // A SQLite backup file from a newer pactwatch, restored into this store (either kind).
    const sqliteFile = join(ws.dir, 'future.db');
    const source = await workspace().open();
    await source.backup.backup(join(ws.dir, 'source.backup'));
    const future = new SqliteDatabase(sqliteFile);
    future.exec("create table kysely_migration (name varchar(255) primary key, timestamp varchar(255))");
    future.prepare('insert into kysely_migration (name, timestamp) values (?, ?)').run('9999-from-the-future', '2030-01-01');
    future.close();
    await expect(app.backup.restore(sqliteFile)).rejects.toMatchObject({ code: 'DATABASE_TOO_NEW' });
    expect(await tableRows(app, 'meta')).toEqual(before);

    // The same level restores, here a hand-written logical backup into whichever store this is.
    const ok = await app.backup.restore(logical(known));
    expect(ok.rows['meta']).toBe(1);
    // The re-evaluation after the restore records its ruleset hash beside the restored row.
    expect(await tableRows(app, 'meta')).toContain(JSON.stringify([['key', 'from-backup'], ['value', 'x']]));
  });

  it('refuses to open a store migrated by a newer pactwatch and changes nothing in it', async () => {
    const ws = workspace();
    const app = await ws.open();
    await sql`insert into kysely_migration (name, timestamp) values ('9999-from-the-future', '2030-01-01')`.execute(app.db);
    const migrations = await tableRows(app, 'kysely_migration');
    const tables = (await app.db.introspection.getTables({ withInternalKyselyTables: true })).map((t) => t.name).sort();
    await app.close();
    await expect(ws.open()).rejects.toMatchObject({ code: 'DATABASE_TOO_NEW', message: expect.stringContaining('9999-from-the-future') });
    // Still refused the second time: the refusal removed nothing, migrated nothing.
    await expect(ws.open()).rejects.toMatchObject({ code: 'DATABASE_TOO_NEW' });
    if (!onPostgres) {
      const raw = new SqliteDatabase(ws.dbPath, { readonly: true });
      const names = (raw.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as Array<{ name: string }>).map((r) => r.name).sort();
      const rows = (raw.prepare('select * from kysely_migration').all() as Array<Record<string, unknown>>).map((row) => JSON.stringify(Object.keys(row).sort().map((k) => [k, row[k]]))).sort();
      raw.close();
      expect(names).toEqual(tables.filter((t) => !t.startsWith('sqlite_')));
      expect(rows).toEqual(migrations);
    }
  });
});
