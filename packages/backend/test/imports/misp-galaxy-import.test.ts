import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRepositories, importedRecordId, type Pactwatch } from '@pactwatch/backend';
import type { Actor } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { workspace } from '../helpers.js';

const GALAXY_DIR = fileURLToPath(new URL('../../../../../shared/data/misp-galaxy/', import.meta.url));
const CLUSTERS = `${GALAXY_DIR}clusters/`;
// The shared MISP data is read-only; these tests skip only when it is absent.
const HAVE_GALAXY = existsSync(GALAXY_DIR);

interface ClusterFileJson {
  version: number;
  values: Array<{ value: string; uuid: string; description?: string; meta?: Record<string, unknown> }>;
}

const UUID = { apt28: '5b4ee3ea-eee3-4c8e-8323-85ae32658754', oilRig: '42be2a84-5a5c-4c6d-9864-3f09d75bb0ba', apt27: '834e0acd-d92a-4e38-bb14-dc4159d7cb32', apt41: '9c124874-042d-48cd-b72b-ccdc51ecbbd6', dustStorm: '9e71024e-817f-45b0-92a0-d886c30bc929', prophetSpider: 'eb0b100c-8a4e-4859-b6f8-eebd66c3d20c' } as const;

const DATASET = 'misp-galaxy:threat-actor';
const THREAT_ACTORS = `${CLUSTERS}threat-actor.json`;

async function actors(app: Pactwatch): Promise<Map<string, Actor>> {
  return new Map((await createRepositories(app.db).actors.listAll()).map((a) => [a.id, a] as const));
}

const actorId = (uuid: string): string => importedRecordId(DATASET, uuid);

describe.skipIf(!HAVE_GALAXY)('misp-galaxy import of the real threat-actor galaxy', () => {
  it('stores all 1,041 actors with reconciliation holding, mapping sponsors, aliases and sources', async () => {
    const app = await workspace().open();
    const report = await app.imports.import({ file: THREAT_ACTORS, format: 'misp-galaxy' });
    expect(report).toMatchObject({ dataset: DATASET, version: '349', read: 1041, stored: 1041, updated: 0, unchanged: 0, quarantined: 0, records: { actors: 1041, incidents: 0 } });
    expect(report.read).toBe(report.stored + report.updated + report.unchanged + report.quarantined);
    const stored = await actors(app);
    expect(stored.size).toBe(1041);

    const apt28 = stored.get(actorId(UUID.apt28));
    expect(apt28).toMatchObject({ name: 'APT28', sponsor: 'RU', sponsorConfidence: 50 });
    expect(apt28?.aliases).toEqual(expect.arrayContaining(['Sofacy', 'FANCY BEAR', 'STRONTIUM', 'Forest Blizzard']));
    // "Fancy Bear" repeats "FANCY BEAR" but for case: kept once, with a note.
    expect(apt28?.aliases).not.toContain('Fancy Bear');
    expect(apt28?.aliases).not.toContain('APT28');
    expect(apt28?.sources).toContainEqual({ publisher: 'attack.mitre.org', title: 'https://attack.mitre.org/groups/G0007/', url: 'https://attack.mitre.org/groups/G0007/' });
    expect(apt28?.description).toMatch(/^The Sofacy Group/);

    // "Iran (Islamic Republic of)" in cfr-suspected-state-sponsor.
    expect(stored.get(actorId(UUID.oilRig))).toMatchObject({ name: 'OilRig', sponsor: 'IR', sponsorConfidence: 50 });
    // "Unknown" sponsor: the ISO country of origin is used instead.
    expect(stored.get(actorId(UUID.apt27))).toMatchObject({ name: 'APT27', sponsor: 'CN' });
    // A sponsor with no attribution-confidence gets the documented low default.
    expect(stored.get(actorId(UUID.apt41))).toMatchObject({ name: 'APT41', sponsor: 'CN', sponsorConfidence: 25 });
    // No sponsor field at all, and an empty country: no sponsor and no confidence.
    for (const uuid of [UUID.dustStorm, UUID.prophetSpider]) {
      const actor = stored.get(actorId(uuid));
      expect(actor?.sponsor).toBeUndefined();
      expect(actor?.sponsorConfidence).toBeUndefined();
    }
    // 560 clusters give no sponsor and no (or an empty) country, plus 5 whose only sponsor value is "Unknown".
    expect([...stored.values()].filter((a) => a.sponsor === undefined)).toHaveLength(565);

    // Victims, targets and incident types live on in the raw units, as the source wrote them.
    const raw = await createRepositories(app.db).sourceObjects.list(DATASET);
    expect(raw).toHaveLength(1041);
    const apt28Raw = JSON.parse(raw.find((o) => o.objectId === UUID.apt28)?.raw ?? '{}') as { meta: Record<string, string[]> };
    expect(apt28Raw.meta['cfr-suspected-victims']).toContain('World Anti-Doping Agency');
    expect(apt28Raw.meta['cfr-target-category']).toEqual(['Government', 'Military']);
    expect(report.warnings).toContain("meta.cfr-suspected-state-sponsor: 1 distinct value unmapped (listed with a reason), kept in the raw units: 'Unknown'");
    expect(report.warnings.find((w) => w.startsWith('meta.cfr-suspected-victims'))).toMatch(/^meta\.cfr-suspected-victims: 27 distinct values unmapped/);

    const again = await app.imports.import({ file: THREAT_ACTORS, format: 'misp-galaxy' });
    expect(again).toMatchObject({ read: 1041, stored: 0, updated: 0, unchanged: 1041, quarantined: 0 });
  });

  it('updates by uuid from a newer version: one changed cluster is one update, naming what changed', async () => {
    const ws = workspace();
    const app = await ws.open();
    await app.imports.import({ file: THREAT_ACTORS, format: 'misp-galaxy' });
    const before = (await actors(app)).get(actorId(UUID.apt28));

    const file = JSON.parse(readFileSync(THREAT_ACTORS, 'utf8')) as ClusterFileJson;
    file.version = 350;
    const apt28 = file.values.find((v) => v.uuid === UUID.apt28);
    if (apt28 === undefined) throw new Error('APT28 is missing from the galaxy');
    apt28.description = 'GRU unit 26165 (rewritten for the test).';
    const path = join(ws.dir, 'threat-actor-v350.json');
    writeFileSync(path, JSON.stringify(file, null, 2));

    const report = await app.imports.import({ file: path, format: 'misp-galaxy' });
    expect(report).toMatchObject({ version: '350', read: 1041, stored: 0, updated: 1, unchanged: 1040, quarantined: 0 });
    expect(report.changes).toEqual([{ sourceId: UUID.apt28, records: [{ id: actorId(UUID.apt28), kind: 'actor', status: 'changed', fields: ['description'] }] }]);
    const after = (await actors(app)).get(actorId(UUID.apt28));
    expect(after?.description).toBe('GRU unit 26165 (rewritten for the test).');
    // The framework lists the changed fields; the stored records confirm it.
    const changed = Object.keys({ ...before, ...after }).filter((k) => JSON.stringify(before?.[k as keyof Actor]) !== JSON.stringify(after?.[k as keyof Actor]));
    expect(changed).toEqual(['description']);
  });

  it('quarantines clusters that break the model, with locator, field and reason, and stores the rest', async () => {
    const ws = workspace();
    const app = await ws.open();
    const file = JSON.parse(readFileSync(THREAT_ACTORS, 'utf8')) as ClusterFileJson;
    const [first, second] = [file.values[0], file.values[1]];
    if (first === undefined || second === undefined) throw new Error('the galaxy is empty');
    first.value = '';
    second.meta = { ...second.meta, synonyms: 5 };
    const path = join(ws.dir, 'broken.json');
    writeFileSync(path, JSON.stringify(file));
    const report = await app.imports.import({ file: path, format: 'misp-galaxy' });
    expect(report).toMatchObject({ read: 1041, stored: 1039, quarantined: 2 });
    expect(report.problems).toEqual([
      { file: path, path: `value '${second.value}' (uuid ${second.uuid}) meta.synonyms`, reason: 'expected a string or a list of strings' },
      { file: path, path: `value '' (uuid ${first.uuid}) name`, reason: expect.stringMatching(/^actor name: .*>=1 characters/) as unknown as string },
    ]);
    expect((await actors(app)).has(actorId(first.uuid))).toBe(false);
  });
});
