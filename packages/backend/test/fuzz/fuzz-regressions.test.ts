import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AGREEMENT_YAML, incidentYaml, workspace } from '../helpers.js';
import { HAVE_SHARED_DATA, mispSeed, nativeSeed, OWN_CSV, OWN_MAPPING } from './seeds.js';

// Bugs the fuzz harness found (docs/RELIABILITY.md, "Fuzzing"), one regression test each.
const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
const LAUGHS = `x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n${Array.from({ length: 8 }, (_, i) => `x${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`).join('\n')}\n`;

/** A dataset folder with the test agreement and one incident file `<id>.yaml` holding `text`. */
function datasetWith(id: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), `pactwatch-${id}-`));
  mkdirSync(join(dir, 'agreements'));
  mkdirSync(join(dir, 'incidents'));
  writeFileSync(join(dir, 'agreements', 'us-cn-test.yaml'), AGREEMENT_YAML);
  writeFileSync(join(dir, 'incidents', `${id}.yaml`), text);
  return dir;
}

describe('fuzz findings stay fixed', () => {
  it('native JSON: a record nested 10,000 levels deep is quarantined, not a stack overflow', async () => {
    const app = await workspace().open();
    const document = JSON.parse(nativeSeed()) as { incidents: unknown[] };
    const text = JSON.stringify(document).replace(/"incidents":\[/, `"incidents":[{"id":"deep","title":${deep}},`);
    const report = await app.imports.import({ file: '/fuzz/deep.json', format: 'json', bytes: Buffer.from(text) });
    expect(report).toMatchObject({ read: 3, stored: 2, quarantined: 1 });
    expect(report.problems[0]?.reason).toBe('incident nested too deeply to be kept as JSON text (thousands of levels; records are a few levels deep)');
  });

  it.skipIf(!HAVE_SHARED_DATA)('MISP galaxy: a cluster value nested 10,000 levels deep is quarantined, not a stack overflow', async () => {
    const app = await workspace().open();
    const text = mispSeed().replace(/"values": \[/, `"values": [{"value": ${deep}, "uuid": "00000000-0000-4000-8000-000000000001"},`);
    const report = await app.imports.import({ file: '/fuzz/threat-actor.json', format: 'misp-galaxy', bytes: Buffer.from(text) });
    expect(report.quarantined).toBe(1);
    expect(report.read).toBe(report.stored + report.quarantined);
    expect(report.problems[0]).toMatchObject({ path: 'values[0] ', reason: expect.stringContaining('nested too deeply') });
  });

  it('dataset YAML: an alias bomb ("billion laughs") is quarantined with its reason, not a ReferenceError', async () => {
    const app = await workspace().open();
    const dir = datasetWith('laughs', `${incidentYaml('laughs')}${LAUGHS}`);
    const report = await app.dataset.load(dir);
    expect(report).toMatchObject({ read: 2, stored: 1, quarantined: 1 });
    expect(report.problems.map((p) => p.reason)).toEqual(['YAML aliases expand too much (over 100 alias uses: a "billion laughs" document?)']);
  });

  it('dataset YAML: a key that is a map is quarantined with its line, not stringified with a warning on stderr', async () => {
    const app = await workspace().open();
    const text = incidentYaml('map-key');
    const dir = datasetWith('map-key', `${text}? {a: 1}\n: value\n`);
    const warnings: unknown[] = [];
    const listener = (warning: unknown): void => void warnings.push(warning);
    process.on('warning', listener);
    try {
      const report = await app.dataset.load(dir);
      expect(report).toMatchObject({ read: 2, stored: 1, quarantined: 1 });
      expect(report.problems).toMatchObject([{ line: text.split('\n').length, reason: 'YAML mapping key is a map, a list or an alias; keys must be plain text' }]);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).toEqual([]);
    } finally {
      process.off('warning', listener);
    }
  });

  it('mapping YAML: an alias bomb is refused as VALIDATION_FAILED naming the mapping', async () => {
    const app = await workspace().open();
    const failure = await app.imports.import({ file: '/fuzz/own.csv', format: 'csv', bytes: Buffer.from(OWN_CSV), mapping: 'bomb.yaml', mappingText: `${OWN_MAPPING}${LAUGHS}` }).then(() => undefined, (e: unknown) => e);
    expect(failure).toMatchObject({ name: 'PactwatchError', code: 'VALIDATION_FAILED', message: 'bomb.yaml: YAML aliases expand too much (over 100 alias uses: a "billion laughs" document?)' });
  });

  it('native JSON: a "version" nested 10,000 levels deep is refused as VALIDATION_FAILED, not a stack overflow', async () => {
    const app = await workspace().open();
    const text = nativeSeed().replace('"version": 1', `"version": ${deep}`);
    const failure = await app.imports.import({ file: '/fuzz/deep-version.json', format: 'json', bytes: Buffer.from(text) }).then(() => undefined, (e: unknown) => e);
    expect(failure).toMatchObject({ name: 'PactwatchError', code: 'VALIDATION_FAILED', message: '/fuzz/deep-version.json: dataset file version a list is not one this pactwatch reads (version 1)' });
  });

  it('CSV: a header of a million columns is refused by the column limit before the CSV parser reads it', async () => {
    const app = await workspace().open();
    const text = `${Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(',')}\n1,2,3\n`;
    const failure = await app.imports.import({ file: '/fuzz/wide.csv', format: 'csv', mapping: 'cfr', bytes: Buffer.from(text) }).then(() => undefined, (e: unknown) => e);
    expect(failure).toMatchObject({ name: 'PactwatchError', code: 'VALIDATION_FAILED', message: expect.stringContaining('the header has 1000000 columns, over the limit of 1000') });
  });
});
