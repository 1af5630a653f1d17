import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NativeDataset } from '@pactwatch/backend';
import { describe, expect, it } from 'vitest';
import { workspace } from '../helpers.js';
import { exportWorkspace } from './export-fixture.js';

const byId = <T extends { id: string }>(list: readonly T[]): T[] => [...list].sort((a, b) => a.id.localeCompare(b.id));

/** Exports the fixture store as native JSON into a file and opens an empty store beside it. */
async function exportedFile(): Promise<{ file: string; text: string; native: NativeDataset; target: Awaited<ReturnType<ReturnType<typeof workspace>['open']>> }> {
  const { ws, app } = await exportWorkspace();
  const text = (await app.exports.export({ format: 'json' })).text;
  const file = join(ws.dir, 'dataset.json');
  writeFileSync(file, text);
  const target = await workspace().open();
  return { file, text, native: JSON.parse(text) as NativeDataset, target };
}

function writeJson(value: unknown): string {
  const file = join(workspace().dir, 'in.json');
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

describe('native JSON import (pactwatch import --format json)', () => {
  it('imports incidents and actors into an empty store, keeps the curated kinds as raw objects, and re-imports as unchanged', async () => {
    const { file, target } = await exportedFile();
    const report = await target.imports.import({ file, format: 'json' });
    // 1 group + 1 actor + 2 agreements + 3 incidents + 1 context event, one unit each.
    expect(report).toMatchObject({ dataset: 'pactwatch-json', read: 8, stored: 8, updated: 0, unchanged: 0, quarantined: 0, records: { incidents: 3, actors: 1 } });
    expect(report.warnings).toEqual([expect.stringMatching(/^2 agreements, 1 groups, 1 contextEvents kept as raw source objects only \(dataset pactwatch-json\), not loaded: curated records are changed in the dataset folder/)]);
    expect(await target.query.agreements()).toEqual([]);
    const again = await target.imports.import({ file, format: 'json' });
    expect(again).toMatchObject({ read: 8, stored: 0, updated: 0, unchanged: 8, quarantined: 0 });
  });

  it('is a fixed point for incidents and actors: export → import into an empty store → export gives the same records, ids and provenance', async () => {
    const { file, native, target } = await exportedFile();
    await target.imports.import({ file, format: 'json' });
    const again = JSON.parse((await target.exports.export({ format: 'json' })).text) as NativeDataset;
    expect(byId(again.incidents)).toEqual(byId(native.incidents));
    expect(byId(again.actors)).toEqual(byId(native.actors));
    expect(again.incidents.find((i) => i.id === 'tricky')?.attributions[0]?.actor).toBe('apt3');
  });

  it('never overwrites a curated record that has the same id', async () => {
    const { native } = await exportedFile();
    const { app } = await exportWorkspace();
    const first = native.incidents[0];
    if (first === undefined) throw new Error('fixture has no incidents');
    const changed = writeJson({ ...native, incidents: [{ ...first, title: 'Changed elsewhere' }] });
    const report = await app.imports.import({ file: changed, format: 'json' });
    expect(report.quarantined).toBeGreaterThanOrEqual(1);
    expect(report.problems.map((p) => p.reason).join('\n')).toContain(`incident "${first.id}" is curated in`);
    expect((await app.query.incident(first.id)).title).toBe(first.title);
  });

  it('quarantines bad records with where and why, and imports the rest', async () => {
    const { native, target } = await exportedFile();
    const [first, second] = native.incidents;
    if (first === undefined || second === undefined) throw new Error('fixture has too few incidents');
    const file = writeJson({
      ...native,
      groups: [],
      agreements: [{ ...native.agreements[0], kind: 'pinky-promise' }],
      contextEvents: [],
      actors: [...native.actors, { name: 'No id' }],
      incidents: [{ ...first, victims: [{ state: 'XX' }] }, second, second, { ...second, id: 'orphan', attributions: [{ ...second.attributions[0], actor: 'unknown-actor' }] }],
    });
    const report = await target.imports.import({ file, format: 'json' });
    expect(report).toMatchObject({ read: 7, stored: 2, quarantined: 5, records: { incidents: 1, actors: 1 } });
    expect(report.problems.map((p) => [p.path, p.reason])).toEqual(
      expect.arrayContaining([
        ['actors[1] id', 'actor has no "id"'],
        [`agreements[0] "${native.agreements[0]?.id ?? ''}" kind`, expect.stringMatching(/^agreement kind: /)],
        [`incidents[0] "${first.id}" victims.0.state`, expect.stringMatching(/^incident victims\.0\.state: /)],
        [`incidents[2] "${second.id}" id`, `incident "${second.id}" is in this file twice (already read above)`],
        ['incidents[3] "orphan" attributions.actor', 'actor "unknown-actor" is not part of this import'],
      ]),
    );
    const quarantine = await target.query.quarantine();
    expect(quarantine).toHaveLength(5);
  });

  it('refuses files that are not pactwatch datasets, naming the file and the reason', async () => {
    const app = await workspace().open();
    const cases: Array<[unknown, RegExp]> = [
      ['{ not json', /: is not JSON \(/],
      [{ type: 'bundle', objects: [] }, /: is not a pactwatch dataset file: "format" must be "pactwatch"/],
      [{ format: 'pactwatch', version: 2 }, /: dataset file version 2 is not one this pactwatch reads \(version 1\)/],
      [{ format: 'pactwatch', version: 1, incidents: {} }, /: "incidents" must be a list/],
    ];
    for (const [content, message] of cases) {
      const file = writeJson(content);
      await expect(app.imports.import({ file, format: 'json' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(message) });
    }
    const bytes = join(workspace().dir, 'latin1.json');
    writeFileSync(bytes, Buffer.from([0x7b, 0xe9, 0x7d]));
    await expect(app.imports.import({ file: bytes, format: 'json' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: `${bytes}: is not UTF-8 text` });
  });

  it('reads an empty dataset and warns about keys it does not know', async () => {
    const app = await workspace().open();
    const report = await app.imports.import({ file: writeJson({ format: 'pactwatch', version: 1, incidents: [], extra: true }), format: 'json', mapping: 'dcid' });
    expect(report).toMatchObject({ read: 0, stored: 0, quarantined: 0 });
    expect(report.warnings).toEqual(['ignored the unknown top-level key "extra"', '--mapping "dcid" is for csv/xlsx and was ignored']);
  });
});
