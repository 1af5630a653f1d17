import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRepositories, importedRecordId, type Pactwatch } from '@pactwatch/backend';
import { describe, expect, it } from 'vitest';
import { workspace } from '../helpers.js';

const EXAMPLES = '/work/shared/data/stix-examples/examples/example_json';
const HAVE_DATA = existsSync(EXAMPLES) && existsSync('/work/shared/data/stix2-json-schemas/schemas');
const title = HAVE_DATA ? 'STIX import of the OASIS example bundles' : 'STIX import of the OASIS example bundles (skipped: /work/shared/data is missing)';

/** The objects each example holds and the actors it must map to (read from the files by hand). */
const EXPECTED: Record<string, { objects: number; actors: string[] }> = {
  'apt1.json': { objects: 76, actors: ['APT1', 'Communist Party of China', 'DOTA', 'SuperHard', 'Ugly Gorilla', 'Unit 61398'] },
  'defining-campaigns-threat-actors-intrusion-sets.json': { objects: 26, actors: ['APT BPP', 'Fake BPP (Branistan Peoples Party)', 'Operation Bran Flakes', 'Operation Raisin Bran'] },
  'identifying-a-threat-actor-profile.json': { objects: 3, actors: ['Disco Team Threat Actor Group'] },
  'indicator-for-malicious-url.json': { objects: 3, actors: [] },
  'malware-indicator-for-file-hash.json': { objects: 3, actors: [] },
  'poisonivy.json': { objects: 155, actors: ['admin@338', 'menuPass', 'th3bug'] },
  'sighting-of-an-indicator.json': { objects: 4, actors: [] },
  'sighting-of-observed-data.json': { objects: 8, actors: [] },
  'threat-actor-leveraging-attack-patterns-and-malware.json': { objects: 7, actors: ['Adversary Bravo'] },
  'using-granular-markings.json': { objects: 4, actors: ['The Joker'] },
  'using-marking-definitions.json': { objects: 4, actors: [] },
};

const actors = async (app: Pactwatch) => createRepositories(app.db).actors.listAll();

describe.skipIf(!HAVE_DATA)(title, () => {
  it('imports all 11 example bundles with reconciliation holding, every object kept raw, and re-imports as unchanged', async () => {
    expect(readdirSync(EXAMPLES).sort()).toEqual(Object.keys(EXPECTED).sort());
    const ws = workspace();
    const app = await ws.open();
    for (const [name, expected] of Object.entries(EXPECTED)) {
      const file = join(EXAMPLES, name);
      const bundleId = (JSON.parse(readFileSync(file, 'utf8')) as { id: string }).id;
      const report = await app.imports.import({ file, format: 'stix' });
      expect(report, name).toMatchObject({ dataset: `stix:${bundleId}`, read: expected.objects, stored: expected.objects, updated: 0, unchanged: 0, quarantined: 0, records: { actors: expected.actors.length, incidents: 0 } });
      expect(report.read).toBe(report.stored + report.updated + report.unchanged + report.quarantined);
      const raw = await app.db.selectFrom('source_object').select((eb) => eb.fn.countAll<number>().as('n')).where('dataset', '=', `stix:${bundleId}`).executeTakeFirst();
      expect(Number(raw?.n), name).toBe(expected.objects);
    }
    expect((await actors(app)).map((a) => a.name).sort()).toEqual(Object.values(EXPECTED).flatMap((e) => e.actors).sort());
    for (const name of Object.keys(EXPECTED)) {
      const again = await app.imports.import({ file: join(EXAMPLES, name), format: 'stix' });
      expect(again, name).toMatchObject({ stored: 0, updated: 0, unchanged: EXPECTED[name]?.objects, quarantined: 0 });
    }
  });

  it('maps APT1 to an actor whose attribution chain reaches China, and reads no sponsor from targeting prose', async () => {
    const ws = workspace();
    const app = await ws.open();
    await app.imports.import({ file: join(EXAMPLES, 'apt1.json'), format: 'stix' });
    const dataset = 'stix:bundle--cf20f99b-3ed2-4a9f-b4f1-d660a7fc8241';
    const all = await actors(app);
    const apt1 = all.find((a) => a.id === importedRecordId(dataset, 'intrusion-set--da1065ce-972c-4605-8755-9cd1074e3b5a'));
    expect(apt1).toMatchObject({ name: 'APT1', aliases: ['Comment Crew', 'Comment Group', 'Shady Rat'], sponsor: 'CN', sponsorConfidence: 40 });
    expect(apt1?.description).toBe(
      "Sponsor CN (China), confidence 40: from the STIX relationships and a nation-state actor's name: intrusion-set 'APT1' → attributed-to → threat-actor 'Communist Party of China' [nation-state; its name names CN].\n\nAPT1 is a single organization of operators that has conducted a cyber espionage campaign against a broad range of victims since at least 2006.",
    );
    expect(apt1?.sources).toEqual([{ publisher: 'STIX bundle', title: 'APT1: sponsor reading', note: "STIX chain: intrusion-set 'APT1' → attributed-to → threat-actor 'Communist Party of China' [nation-state; its name names CN]" }]);
    // "Unit 61398 … targeting the United States and Canada" names targets, not a sponsor.
    const unit = all.find((a) => a.name === 'Unit 61398');
    expect(unit?.sponsor).toBeUndefined();
    expect(unit?.aliases).toEqual(["PLA GSD's 3rd Department, 2nd Bureau", 'Military Unit Cover Designator (MUCD) 61398']);
    // Ugly Gorilla is attributed to two individuals with no location: no sponsor.
    expect(all.find((a) => a.name === 'Ugly Gorilla')).toMatchObject({ aliases: ['Greenfield', 'JackWang', 'Wang Dong'] });
    expect(all.find((a) => a.name === 'Ugly Gorilla')?.sponsor).toBeUndefined();
  });

  it('gives the poisonivy campaigns no sponsor ("targets U.S. and foreign defense contractors" is not an attribution)', async () => {
    const ws = workspace();
    const app = await ws.open();
    await app.imports.import({ file: join(EXAMPLES, 'poisonivy.json'), format: 'stix' });
    const all = await actors(app);
    expect(all.map((a) => [a.name, a.sponsor ?? null])).toEqual(expect.arrayContaining([['menuPass', null], ['admin@338', null], ['th3bug', null]]));
    expect(all.find((a) => a.name === 'menuPass')?.description).toBe('The threat actor behind menuPass prefers to target U.S. and foreign defense contractors.');
  });
});
