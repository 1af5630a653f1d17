import { existsSync, readFileSync } from 'node:fs';
import { createRepositories, defaultImporters, type Pactwatch } from '@pactwatch/backend';
import { describe, expect, it } from 'vitest';
import { workspace } from '../helpers.js';

const ATTACK = '/work/shared/data/attack';
const ICS = `${ATTACK}/ics-attack-18.1.json`;
const ENTERPRISE = `${ATTACK}/enterprise-attack-18.1.reconstructed-stix21.json`;
const HAVE_DATA = existsSync(ICS) && existsSync(ENTERPRISE) && existsSync('/work/shared/data/stix2-json-schemas/schemas');
const title = HAVE_DATA ? 'MITRE ATT&CK import' : 'MITRE ATT&CK import (skipped: /work/shared/data is missing)';

interface Counted {
  readonly objects: number;
  /** Intrusion sets and campaigns neither revoked nor deprecated: the actors. */
  readonly liveActors: number;
}

/** Counts read straight from the file, to compare the import against. */
function count(path: string): Counted {
  const bundle = JSON.parse(readFileSync(path, 'utf8')) as { objects: Array<{ type: string; revoked?: boolean; x_mitre_deprecated?: boolean }> };
  return {
    objects: bundle.objects.length,
    liveActors: bundle.objects.filter((o) => (o.type === 'intrusion-set' || o.type === 'campaign') && o.revoked !== true && o.x_mitre_deprecated !== true).length,
  };
}

const actorsById = async (app: Pactwatch) => new Map((await createRepositories(app.db).actors.listAll()).map((a) => [a.id, a] as const));

describe.skipIf(!HAVE_DATA)(title, () => {
  it('imports ATT&CK for ICS in full as mitre-attack:ics-attack 18.1, and a re-import changes nothing', async () => {
    const expected = count(ICS);
    expect(expected).toEqual({ objects: 1826, liveActors: 21 });
    const ws = workspace();
    const app = await ws.open();
    const report = await app.imports.import({ file: ICS, format: 'stix' });
    expect(report).toMatchObject({ dataset: 'mitre-attack:ics-attack', version: '18.1', read: 1826, stored: 1826, updated: 0, unchanged: 0, quarantined: 0, records: { actors: 21, incidents: 0 } });
    expect(report.warnings).toContain('2 revoked and 37 deprecated objects kept raw, not mapped to live records');
    const actors = await actorsById(app);
    // Dragonfly (G0035): "attributed to Russia's Federal Security Service (FSB) Center 16".
    expect(actors.get('mitre-attack-ics-attack-g0035')).toMatchObject({ name: 'Dragonfly', sponsor: 'RU', sponsorConfidence: 40 });
    expect(actors.get('mitre-attack-ics-attack-g0035')?.aliases).toEqual(expect.arrayContaining(['Energetic Bear', 'Berserk Bear', 'IRON LIBERTY']));
    expect(actors.get('mitre-attack-ics-attack-g0035')?.sources[0]).toEqual({ publisher: 'MITRE ATT&CK', title: 'G0035 Dragonfly', url: 'https://attack.mitre.org/groups/G0035' });
    const again = await app.imports.import({ file: ICS, format: 'stix' });
    expect(again).toMatchObject({ read: 1826, stored: 0, updated: 0, unchanged: 1826, quarantined: 0 });
  });

  it('imports ATT&CK Enterprise in full: every object kept, live groups and campaigns as actors, low-confidence sponsors quoted from the prose', async () => {
    const expected = count(ENTERPRISE);
    expect(expected).toEqual({ objects: 24771, liveActors: 224 });
    const ws = workspace();
    const app = await ws.open();
    const report = await app.imports.import({ file: ENTERPRISE, format: 'stix' });
    expect(report).toMatchObject({ dataset: 'mitre-attack:enterprise-attack', version: '18.1', read: 24771, stored: 24771, quarantined: 0, records: { actors: 224, incidents: 0 } });
    // This rebuilt file lacks MITRE's collection object, so the release comes from its name.
    expect(report.warnings).toContain('ATT&CK bundle without an x-mitre-collection object: release version 18.1 taken from the file name');
    expect(report.warnings).toContain('140 revoked and 287 deprecated objects kept raw, not mapped to live records');

    const actors = await actorsById(app);
    const pick = (id: string) => {
      const a = actors.get(`mitre-attack-enterprise-attack-${id}`);
      return a === undefined ? undefined : { name: a.name, sponsor: a.sponsor, sponsorConfidence: a.sponsorConfidence };
    };
    expect(pick('g0007')).toEqual({ name: 'APT28', sponsor: 'RU', sponsorConfidence: 40 });
    expect(pick('g0006')).toEqual({ name: 'APT1', sponsor: 'CN', sponsorConfidence: 40 });
    expect(pick('g0032')).toEqual({ name: 'Lazarus Group', sponsor: 'KP', sponsorConfidence: 40 });
    // "APT33 is a suspected Iranian threat group": nationality, hedged, so the lowest tier.
    expect(pick('g0064')).toEqual({ name: 'APT33', sponsor: 'IR', sponsorConfidence: 20 });
    // A Russia-based cybercriminal group is not state-sponsored.
    expect(pick('g0119')).toEqual({ name: 'Indrik Spider', sponsor: undefined, sponsorConfidence: undefined });
    // A campaign inherits its group's sponsor through ATT&CK's attributed-to relationship.
    expect(pick('c0022')).toEqual({ name: 'Operation Dream Job', sponsor: 'KP', sponsorConfidence: 40 });

    const apt28 = actors.get('mitre-attack-enterprise-attack-g0007');
    expect(apt28?.aliases).toEqual(expect.arrayContaining(['Fancy Bear', 'Sofacy', 'STRONTIUM']));
    const note = "Sponsor RU (Russia), confidence 40: read by pactwatch from the ATT&CK description (pattern attributed-to-state): “APT28 is a threat group that has been attributed to Russia's General Staff Main Intelligence Directorate (GRU) 85th Main Special Service Center (GTsSS) military unit 26165.” This is a low-confidence reading of prose, not an attribution made by the source.";
    expect(apt28?.description?.slice(0, note.length)).toBe(note);
    // The ATT&CK prose follows, without citation markers or link markup.
    expect(apt28?.description?.slice(note.length, note.length + 60)).toBe('\n\nAPT28 is a threat group that has been attributed to Russia');
    expect(apt28?.description).not.toContain('(Citation:');
    expect(apt28?.sources).toContainEqual(expect.objectContaining({ publisher: 'MITRE ATT&CK', title: 'APT28: sponsor reading', quoteStatus: 'verbatim', quote: "APT28 is a threat group that has been attributed to Russia's General Staff Main Intelligence Directorate (GRU) 85th Main Special Service Center (GTsSS) military unit 26165." }));
    const dreamJob = actors.get('mitre-attack-enterprise-attack-c0022');
    expect(dreamJob?.description).toContain("campaign 'Operation Dream Job' → attributed-to → intrusion-set 'Lazarus Group' [description, pattern state-sponsored-adjective: “North Korean state-sponsored”]");
    // Every prose or chain sponsor stays at or below 40: ATT&CK states no confidence.
    expect([...actors.values()].filter((a) => a.sponsorConfidence !== undefined && a.sponsorConfidence > 40)).toEqual([]);
    expect([...actors.values()].filter((a) => a.sponsor !== undefined).length).toBeGreaterThanOrEqual(100);

    const again = await app.imports.import({ file: ENTERPRISE, format: 'stix' });
    expect(again).toMatchObject({ read: 24771, stored: 0, updated: 0, unchanged: 24771, quarantined: 0 });
  }, 120_000);

  it('keeps revoked and deprecated ATT&CK objects raw, naming the replacement', async () => {
    const importer = defaultImporters().get('stix');
    const parsed = await importer?.parse({ path: ICS, bytes: readFileSync(ICS), fileHash: '0'.repeat(64) });
    const revoked = parsed?.units.filter((u) => u.notes?.some((n) => n.startsWith('revoked')));
    expect(revoked?.length).toBe(2);
    expect(revoked?.every((u) => u.records.length === 0)).toBe(true);
    expect(revoked?.[0]?.notes?.[0]).toMatch(/^revoked: kept raw, not mapped to a live record \(replaced by [a-z-]+ '.+'\)$/);
    const deprecatedGroups = parsed?.units.filter((u) => (u.sourceType === 'intrusion-set' || u.sourceType === 'campaign') && u.notes?.some((n) => n.startsWith('deprecated')));
    expect(deprecatedGroups?.every((u) => u.records.length === 0)).toBe(true);
  });
});
