import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRepositories, importedRecordId } from '@pactwatch/backend';
import { describe, expect, it } from 'vitest';
import { workspace } from '../helpers.js';

const GALAXY_DIR = fileURLToPath(new URL('../../../../../shared/data/misp-galaxy/', import.meta.url));
const CLUSTERS = `${GALAXY_DIR}clusters/`;
// The shared MISP data is read-only; these tests skip only when it is absent.
const HAVE_GALAXY = existsSync(GALAXY_DIR);

describe.skipIf(!HAVE_GALAXY)('misp-galaxy files: malformed input and other galaxies', () => {
  it('refuses broken JSON naming the file, line and column', async () => {
    const ws = workspace();
    const app = await ws.open();
    const notJson = join(ws.dir, 'notes.json');
    // Node's own message for this one gives no position at all.
    writeFileSync(notJson, 'hello, galaxy');
    await expect(app.imports.import({ file: notJson, format: 'misp-galaxy' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: `${notJson}: not valid JSON: unexpected "h" at line 1, column 1 (offset 0)` });

    const text = readFileSync(`${CLUSTERS}threat-actor.json`, 'utf8');
    const truncated = join(ws.dir, 'truncated.json');
    const cut = text.slice(0, 5000);
    writeFileSync(truncated, cut);
    const lines = cut.split('\n');
    await expect(app.imports.import({ file: truncated, format: 'misp-galaxy' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining(`${truncated}: not valid JSON: the file ends inside a string (truncated?) at line ${lines.length}, column ${(lines.at(-1) ?? '').length + 1}`) as unknown as string,
    });

    // A missing comma deep in the file: located by our scanner, whatever wording Node's message uses.
    const broken = join(ws.dir, 'broken.json');
    const brokenText = text.replace('"value": "APT28"', '"value": "APT28" "x"');
    expect(brokenText).not.toBe(text);
    writeFileSync(broken, brokenText);
    const offset = brokenText.indexOf('"x"');
    const before = brokenText.slice(0, offset).split('\n');
    await expect(app.imports.import({ file: broken, format: 'misp-galaxy' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: `${broken}: not valid JSON: expected "," or "}" at line ${before.length}, column ${(before.at(-1) ?? '').length + 1} (offset ${offset})`,
    });
    expect(before.length).toBe(2831);
  });

  it('refuses JSON that is not a cluster file, pointing at what is missing', async () => {
    const ws = workspace();
    const app = await ws.open();
    const write = (name: string, value: unknown): string => {
      const path = join(ws.dir, name);
      writeFileSync(path, JSON.stringify(value));
      return path;
    };
    const array = write('array.json', [{ value: 'APT28' }]);
    await expect(app.imports.import({ file: array, format: 'misp-galaxy' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: `${array}: not a MISP galaxy cluster file: $: the top level is an array, expected an object with "type" and "values"` });
    const noValues = write('no-values.json', { type: 'threat-actor', version: 1 });
    await expect(app.imports.import({ file: noValues, format: 'misp-galaxy' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: `${noValues}: not a MISP galaxy cluster file: $.values: missing` });
    const badVersion = write('bad-version.json', { type: 'threat-actor', version: { major: 1 }, values: [] });
    await expect(app.imports.import({ file: badVersion, format: 'misp-galaxy' })).rejects.toMatchObject({ message: `${badVersion}: not a MISP galaxy cluster file: $.version: not an integer` });
    const definition = `${GALAXY_DIR}galaxies/threat-actor.json`;
    await expect(app.imports.import({ file: definition, format: 'misp-galaxy' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('this is a galaxy definition (galaxies/*.json); import the cluster file of the same name (clusters/*.json)') as unknown as string });
  });

  it('refuses galaxies that do not describe actors with a USAGE error listing the supported types', async () => {
    const app = await workspace().open();
    for (const [file, type] of [['country.json', 'country'], ['sector.json', 'sector'], ['producer.json', 'producer']] as const) {
      const error = await app.imports.import({ file: `${CLUSTERS}${file}`, format: 'misp-galaxy' }).then(() => undefined, (e: unknown) => e);
      expect(error).toMatchObject({ code: 'USAGE', message: expect.stringContaining(`galaxy type "${type}" does not describe threat actors`) as unknown as string });
      expect((error as Error).message).toMatch(/"threat-actor" .*"mitre-intrusion-set" .*"microsoft-activity-group" .*"groups" \(Tidal Cyber groups/);
    }
  });

  it('imports the MITRE, Microsoft and Tidal actor galaxies, quarantining revoked ATT&CK groups', async () => {
    const app = await workspace().open();
    const mitre = await app.imports.import({ file: `${CLUSTERS}mitre-intrusion-set.json`, format: 'misp-galaxy' });
    expect(mitre).toMatchObject({ dataset: 'misp-galaxy:mitre-intrusion-set', version: '40', read: 191, stored: 185, quarantined: 6 });
    expect(mitre.problems[0]).toEqual({ file: `${CLUSTERS}mitre-intrusion-set.json`, path: "value 'Dragonfly 2.0 - G0074' (uuid 76d59913-1d24-4992-a8ac-05a3eb093f71) revoked", reason: 'revoked by its source (superseded by another cluster); not imported as an actor' });
    const microsoft = await app.imports.import({ file: `${CLUSTERS}microsoft-activity-group.json`, format: 'misp-galaxy' });
    expect(microsoft).toMatchObject({ dataset: 'misp-galaxy:microsoft-activity-group', version: '23', read: 179, stored: 179, quarantined: 0 });
    const tidal = await app.imports.import({ file: `${CLUSTERS}tidal-groups.json`, format: 'misp-galaxy' });
    expect(tidal).toMatchObject({ dataset: 'misp-galaxy:groups', version: '1', read: 281, stored: 281, quarantined: 0 });

    const actors = new Map((await createRepositories(app.db).actors.listAll()).map((a) => [a.id, a] as const));
    expect(actors.size).toBe(185 + 179 + 281);
    const mitreApt28 = actors.get(importedRecordId('misp-galaxy:mitre-intrusion-set', 'bef4c620-0787-42a8-a96d-b7eb6e85917c'));
    expect(mitreApt28).toMatchObject({ name: 'APT28 - G0007' });
    expect(mitreApt28?.aliases).toContain('Sofacy');
    // ATT&CK gives no country: no sponsor is invented.
    expect(mitreApt28?.sponsor).toBeUndefined();
    expect(actors.get(importedRecordId('misp-galaxy:microsoft-activity-group', '213cdde9-c11a-4ea9-8ce0-c868e9826fec'))).toMatchObject({ name: 'STRONTIUM', sponsor: 'RU', sponsorConfidence: 25 });
  });
});
