import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger, loadConfig, migrateToLatest, openDatabase, openPactwatch, type Pactwatch } from '@pactwatch/backend';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dropTestDatabase, onPostgres } from '../test-store.js';
import { REPO_DATA, tableRows } from './rich-store.js';
import { crashIncidents, mulberry32 } from './crash-data.js';

/**
 * Crash safety (issue 8): an import, a full evaluation and a migration are each started in a child
 * process running the BUILT backend and killed with SIGKILL at a seeded random moment; the store
 * must be consistent (nothing half-applied) and re-running the operation must give the same
 * state as an uninterrupted run. CI runs 6 kills per operation per store (18 per store: each kill costs a Node start); PACTWATCH_CRASH_RUNS
 * asks for more, PACTWATCH_CRASH_SEED replays a run (the seed is in every failure message).
 */
const RUNS = Number(process.env['PACTWATCH_CRASH_RUNS'] ?? 6);
const SEED = Number(process.env['PACTWATCH_CRASH_SEED'] ?? 20261205);
const CHILD = fileURLToPath(new URL('./crash-child.mjs', import.meta.url));
const BUILT = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
const INCIDENTS = 800;
const SLOW = 300_000;

interface Store {
  readonly env: Record<string, string>;
  readonly label: string;
  open(threshold?: number): Promise<Pactwatch>;
  drop(): Promise<void>;
}

const dirs: string[] = [];
const stores: Store[] = [];

async function newStore(): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), 'pactwatch-crash-'));
  dirs.push(dir);
  const dbPath = join(dir, 'store.db');
  const url = onPostgres ? await createTestDatabase() : undefined;
  const store: Store = {
    env: url === undefined ? { PACTWATCH_DB: dbPath } : { PACTWATCH_DATABASE_URL: url },
    label: url ?? dbPath,
    open: (threshold) => openPactwatch(loadConfig({ databasePath: dbPath, databaseUrl: url, dataDir: join(dir, 'data'), confidenceThreshold: threshold }, {}), { logger: createLogger({ logLevel: 'silent' }) }),
    drop: async () => {
      if (url !== undefined) await dropTestDatabase(url);
    },
  };
  stores.push(store);
  return store;
}

afterAll(async () => {
  for (const store of stores.splice(0)) await store.drop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs the child; kills it `delayMs` after it says "ready" (never, when undefined). */
function runChild(store: Store, args: string[], delayMs: number | undefined, env: Record<string, string> = {}): Promise<{ killed: boolean; finished: boolean; stderr: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, ...args], { env: { PATH: process.env['PATH'] ?? '', PACTWATCH_LOG_LEVEL: 'silent', ...store.env, ...env } });
    let stdout = '';
    let stderr = '';
    let killed = false;
    let readyAt = 0;
    const deadline = setTimeout(() => child.kill('SIGKILL'), 240_000);
    child.stdout.on('data', (chunk: Buffer) => {
      const before = stdout;
      stdout += chunk.toString();
      if (!before.includes('ready') && stdout.includes('ready')) readyAt = Date.now();
      if (delayMs !== undefined && !before.includes('ready') && stdout.includes('ready')) {
        setTimeout(() => {
          killed = child.exitCode === null;
          child.kill('SIGKILL');
        }, delayMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', () => {
      clearTimeout(deadline);
      resolve({ killed, finished: stdout.includes('done'), stderr, ms: readyAt === 0 ? 0 : Date.now() - readyAt });
    });
  });
}

/** SQLite's own checks: the file is sound and no row points at a missing parent. */
function sqliteChecks(store: Store): void {
  if (onPostgres) return;
  const db = new SqliteDatabase(store.env['PACTWATCH_DB'] ?? '');
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
  } finally {
    db.close();
  }
}

async function count(app: Pactwatch, query: ReturnType<typeof sql<{ n: number }>>): Promise<number> {
  return Number((await query.execute(app.db)).rows[0]?.n ?? 0);
}

/** What an import leaves: its records and raw units (batch ids and clocks aside). */
async function importState(app: Pactwatch): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of ['incident', 'attribution', 'victim', 'finding']) out[table] = await tableRows(app, table);
  const raw = await sql<{ dataset: string; object_id: string; content_hash: string }>`select dataset, object_id, content_hash from source_object`.execute(app.db);
  out['source_object'] = raw.rows.map((r) => `${r.dataset}|${r.object_id}|${r.content_hash}`).sort();
  return out;
}

async function findings(app: Pactwatch): Promise<string[]> {
  return tableRows(app, 'finding');
}

async function schema(app: Pactwatch): Promise<string[]> {
  const tables = await app.db.introspection.getTables({ withInternalKyselyTables: true });
  const migrations = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(app.db);
  return [...tables.map((t) => `${t.name}(${t.columns.map((c) => `${c.name}:${c.dataType}:${c.isNullable}`).join(',')})`).sort(), ...migrations.rows.map((r) => r.name)];
}

/** Seeded kill moments as fractions of an uninterrupted run's duration (up to 1.2×, so some land after the end). */
function delays(seed: number, referenceMs: number): number[] {
  const random = mulberry32(seed);
  return Array.from({ length: RUNS }, () => Math.floor(random() * 1.2 * Math.max(referenceMs, 50)));
}

/** How the kills landed, printed for docs/RELIABILITY.md (never asserted: it depends on the machine). */
function tally(name: string, outcomes: Array<{ killed: boolean; finished: boolean }>): void {
  const mid = outcomes.filter((o) => o.killed && !o.finished).length;
  console.info(`crash-safety ${onPostgres ? 'postgres' : 'sqlite'} ${name}: ${outcomes.length} kills, ${mid} mid-operation, ${outcomes.length - mid} after it finished`);
}

const title = `crash safety: SIGKILL during import, evaluation and migration (${onPostgres ? 'PostgreSQL' : 'SQLite WAL'})`;

// The child runs the built backend: `npx tsc -b` first (npm test does). Without a build this is skipped.
describe.skipIf(!existsSync(BUILT))(title, () => {
  let importFile = '';
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'pactwatch-crash-data-'));
    dirs.push(dir);
    importFile = join(dir, 'incidents.json');
    writeFileSync(importFile, JSON.stringify({ format: 'pactwatch', version: 1, groups: [], actors: [], agreements: [], incidents: crashIncidents(SEED, INCIDENTS), contextEvents: [] }));
  });

  it(
    `an import killed at random never leaves a half-applied batch, and re-running it completes (seed ${SEED})`,
    async () => {
      const reference = await newStore();
      const done = await runChild(reference, ['import', importFile], undefined);
      expect(done.finished, done.stderr).toBe(true);
      const refApp = await reference.open();
      const expected = await importState(refApp);
      await refApp.close();
      expect(expected['incident']).toHaveLength(INCIDENTS);

      const outcomes = [];
      for (const [run, delay] of delays(SEED, done.ms).entries()) {
        const where = `seed ${SEED}, run ${run}, kill ${delay} ms after ready`;
        const store = await newStore();
        const fresh = await store.open();
        await fresh.close();
        const crashed = await runChild(store, ['import', importFile], delay);
        outcomes.push(crashed);
        sqliteChecks(store);
        const app = await store.open();
        const incidents = await count(app, sql<{ n: number }>`select count(*) as n from incident`);
        const units = await count(app, sql<{ n: number }>`select count(*) as n from source_object`);
        const batches = await sql<{ read: number; stored: number; updated: number; unchanged: number; quarantined: number }>`select read, stored, updated, unchanged, quarantined from import_batch`.execute(app.db);
        // All of the batch or none of it: records, raw units and the batch row together.
        expect([0, INCIDENTS], where).toContain(incidents);
        expect(units, where).toBe(incidents);
        expect(batches.rows.length, where).toBe(incidents === 0 ? 0 : 1);
        for (const b of batches.rows) expect(Number(b.stored) + Number(b.updated) + Number(b.unchanged) + Number(b.quarantined), where).toBe(Number(b.read));
        if (crashed.finished) expect(incidents, where).toBe(INCIDENTS);
        // Re-running the same import completes it (in this process: the same code, from source).
        await app.imports.import({ file: importFile, format: 'json' });
        expect(await importState(app), where).toEqual(expected);
        await app.close();
        await store.drop();
      }
      tally('import', outcomes);
    },
    SLOW,
  );

  it(
    `a full evaluation killed at random leaves either the old findings or the new ones, and re-running gives the new (seed ${SEED + 1})`,
    async () => {
      const store = await newStore();
      const setup = await store.open(90);
      cpSync(REPO_DATA, setup.config.dataDir, { recursive: true });
      await setup.dataset.load();
      await setup.imports.import({ file: importFile, format: 'json' });
      await setup.close();
      // The two rule sets differ in the confidence threshold: different verdicts, both known.
      const evaluateAt = async (threshold: number): Promise<string[]> => {
        const app = await store.open(threshold);
        await app.evaluation.evaluate({ full: true });
        const rows = await findings(app);
        await app.close();
        return rows;
      };
      const low = await evaluateAt(30);
      const high = await evaluateAt(90);
      expect(low).not.toEqual(high);
      const reference = await runChild(store, ['evaluate'], undefined, { PACTWATCH_CONFIDENCE_THRESHOLD: '90' });
      expect(reference.finished, reference.stderr).toBe(true);
      const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((row, i) => row === b[i]);
      let current = high;
      const outcomes = [];
      for (const [run, delay] of delays(SEED + 1, reference.ms).entries()) {
        const where = `seed ${SEED + 1}, run ${run}, kill ${delay} ms after ready`;
        const threshold = current === high ? 30 : 90;
        const next = threshold === 30 ? low : high;
        const crashed = await runChild(store, ['evaluate'], delay, { PACTWATCH_CONFIDENCE_THRESHOLD: String(threshold) });
        outcomes.push(crashed);
        sqliteChecks(store);
        const app = await store.open(threshold);
        const seen = await findings(app);
        expect(same(seen, current) ? 'old' : same(seen, next) ? 'new' : 'mixed', where).not.toBe('mixed');
        if (crashed.finished) expect(seen, where).toEqual(next);
        await app.evaluation.evaluate({ full: true });
        expect(await findings(app), where).toEqual(next);
        await app.close();
        current = next;
      }
      tally('evaluate', outcomes);
    },
    SLOW,
  );

  it(
    `a migration of a new store killed at random rolls back whole, and the next start migrates it to the same schema (seed ${SEED + 2})`,
    async () => {
      const reference = await newStore();
      const done = await runChild(reference, ['migrate'], undefined);
      expect(done.finished, done.stderr).toBe(true);
      const refApp = await reference.open();
      const expected = await schema(refApp);
      await refApp.close();
      const outcomes = [];
      for (const [run, delay] of delays(SEED + 2, done.ms).entries()) {
        const where = `seed ${SEED + 2}, run ${run}, kill ${delay} ms after ready`;
        const store = await newStore();
        const crashed = await runChild(store, ['migrate'], delay);
        outcomes.push(crashed);
        sqliteChecks(store);
        // All migrations or none: the bookkeeping never names a migration whose tables are missing.
        const db = await openDatabase(loadConfig({ databasePath: store.env['PACTWATCH_DB'], databaseUrl: store.env['PACTWATCH_DATABASE_URL'] }, {}));
        try {
          const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
          const recorded = tables.some((t) => t.name === 'kysely_migration') ? (await sql<{ name: string }>`select name from kysely_migration`.execute(db)).rows.length : 0;
          expect([0, expected.filter((line) => /^\d{4}-/.test(line)).length], where).toContain(recorded);
          if (recorded === 0) expect(tables.filter((t) => !t.name.startsWith('kysely_')).map((t) => t.name), where).toEqual([]);
          await migrateToLatest(db);
        } finally {
          await db.destroy();
        }
        const app = await store.open();
        expect(await schema(app), where).toEqual(expected);
        await app.close();
        await store.drop();
      }
      tally('migrate', outcomes);
    },
    SLOW,
  );
});
