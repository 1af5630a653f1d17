import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, dropTestDatabase, testServerUrl } from '../../../packages/backend/test/test-store.js';
import { REPO_DATA, sandbox } from './cli-harness.js';

// Each step spawns the binary; generous for a loaded machine.
const SLOW = 300_000;
const MISP = '/work/shared/data/misp-galaxy/clusters/microsoft-activity-group.json';
const databases: string[] = [];
afterEach(async () => {
  for (const url of databases.splice(0)) await dropTestDatabase(url);
});

/** A store made through the CLI: the curated dataset, plus a MISP galaxy when the shared data is there. */
function seeded(s: ReturnType<typeof sandbox>, store: string[]): void {
  const init = s.run([...store, '--data', REPO_DATA, 'init']);
  expect(init.status, init.stderr).toBe(0);
  if (existsSync(MISP)) {
    const imported = s.run([...store, 'import', MISP, '--format', 'misp-galaxy', '--json']);
    expect(imported.status, imported.stderr).toBe(0);
  }
}

function exportJson(s: ReturnType<typeof sandbox>, store: string[]): string {
  const run = s.run([...store, 'export', '--format', 'json']);
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

describe('pactwatch backup / restore and the export → import round trip (end to end)', () => {
  it('backs up a SQLite store, refuses to overwrite, restores into a new store (refusing a non-empty one unless --force) with the same content', () => {
    const s = sandbox();
    const source = ['--db', s.db];
    seeded(s, source);
    const file = join(s.dir, 'store.backup');
    const backup = s.run([...source, 'backup', file, '--json']);
    expect(backup.status, backup.stderr).toBe(0);
    expect(JSON.parse(backup.stdout)).toMatchObject({ kind: 'sqlite', migration: expect.stringMatching(/^\d{4}-/) });
    expect(readFileSync(file).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    const again = s.run([...source, 'backup', file]);
    expect(again.status).toBe(8);
    expect(again.stderr).toContain('--force');
    expect(s.run([...source, 'backup', file, '--force']).status).toBe(0);
    mkdirSync(join(s.dir, 'folder'));
    expect(s.run([...source, 'backup', join(s.dir, 'folder')]).status).toBe(8);

    const target = ['--db', join(s.dir, 'restored.db')];
    const restore = s.run([...target, 'restore', file]);
    expect(restore.status, restore.stderr).toBe(0);
    expect(restore.stdout).toContain('restored');
    expect(exportJson(s, target)).toBe(exportJson(s, source));
    const refused = s.run([...target, 'restore', file]);
    expect(refused.status).toBe(5);
    expect(refused.stderr).toContain('--force');
    const forced = s.run([...target, 'restore', file, '--force']);
    expect(forced.status, forced.stderr).toBe(0);
    expect(forced.stdout).toContain('replaced the store');
    expect(exportJson(s, target)).toBe(exportJson(s, source));
  }, SLOW);

  it('round-trips the store through export --format json and import --format json into a store loaded from the same dataset', () => {
    const s = sandbox();
    const source = ['--db', s.db];
    seeded(s, source);
    const exported = join(s.dir, 'native.json');
    expect(s.run([...source, 'export', '--format', 'json', '--out', exported]).status).toBe(0);
    const target = ['--db', join(s.dir, 'copy.db')];
    expect(s.run([...target, '--data', REPO_DATA, 'init']).status).toBe(0);
    const imported = s.run([...target, 'import', exported, '--format', 'json', '--json']);
    expect(imported.status, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ quarantined: 0 });
    expect(exportJson(s, target)).toBe(readFileSync(exported, 'utf8'));
  }, SLOW);

  it.skipIf(testServerUrl() === undefined)('backs up PostgreSQL as a logical JSON backup and restores it into a new database and into SQLite (needs PACTWATCH_TEST_DATABASE_URL)', async () => {
    const url = await createTestDatabase();
    const copy = await createTestDatabase();
    databases.push(url, copy);
    const s = sandbox();
    const source = ['--database-url', url];
    seeded(s, source);
    const file = join(s.dir, 'pg.backup.json');
    const backup = s.run([...source, 'backup', file, '--json']);
    expect(backup.status, backup.stderr).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'pactwatch-backup', version: 1, store: 'postgres' });
    for (const target of [['--database-url', copy], ['--db', join(s.dir, 'from-pg.db')]]) {
      const restore = s.run([...target, 'restore', file]);
      expect(restore.status, restore.stderr).toBe(0);
      expect(exportJson(s, target)).toBe(exportJson(s, source));
    }
  }, SLOW);
});
