import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultImporters, type Importer, type ImportUnit, type ParsedImport } from '@pactwatch/backend';
import { describe, expect, it } from 'vitest';

const GALAXY_DIR = fileURLToPath(new URL('../../../../../shared/data/misp-galaxy/', import.meta.url));
const CLUSTERS = `${GALAXY_DIR}clusters/`;
// The shared MISP data is read-only; these tests skip only when it is absent.
const HAVE_GALAXY = existsSync(GALAXY_DIR);

const UUID = { apt28: '5b4ee3ea-eee3-4c8e-8323-85ae32658754', oilRig: '42be2a84-5a5c-4c6d-9864-3f09d75bb0ba', apt27: '834e0acd-d92a-4e38-bb14-dc4159d7cb32', apt41: '9c124874-042d-48cd-b72b-ccdc51ecbbd6', prophetSpider: 'eb0b100c-8a4e-4859-b6f8-eebd66c3d20c', naikon: '2f1fd017-9df6-4759-91fb-e7039609b5ff' } as const;

function mispImporter(): Importer {
  const importer = defaultImporters().get('misp-galaxy');
  if (importer === undefined) throw new Error('misp-galaxy importer is not registered');
  return importer;
}

const parseBytes = (path: string, bytes: Buffer): Promise<ParsedImport> => mispImporter().parse({ path, bytes, fileHash: '0'.repeat(64) });
const parseCluster = (name: string): Promise<ParsedImport> => parseBytes(`${CLUSTERS}${name}`, readFileSync(`${CLUSTERS}${name}`));

function unit(parsed: ParsedImport, sourceId: string): ImportUnit {
  const found = parsed.units.find((u) => u.sourceId === sourceId);
  if (found === undefined) throw new Error(`no unit ${sourceId}`);
  return found;
}

const cluster = (values: unknown[], extra: Record<string, unknown> = {}): Buffer => Buffer.from(JSON.stringify({ type: 'threat-actor', name: 'Test', version: 7, values, ...extra }));

describe('misp-galaxy notes: one line per normalisation, "unmapped" for the rest', () => {
  describe.skipIf(!HAVE_GALAXY)('on the real threat-actor galaxy', () => {
    it('notes the sponsor, confidence, victims, targets and incident types of a cluster', async () => {
      const parsed = await parseCluster('threat-actor.json');
      expect(parsed).toMatchObject({ dataset: 'misp-galaxy:threat-actor', version: '349' });
      const oilRig = unit(parsed, UUID.oilRig);
      expect(oilRig.locator).toBe(`value 'OilRig' (uuid ${UUID.oilRig})`);
      expect(oilRig.sourceType).toBe('threat-actor');
      expect(oilRig.notes).toEqual(expect.arrayContaining([
        "sponsor 'Iran (Islamic Republic of)' → IR (meta.cfr-suspected-state-sponsor)",
        "sponsorConfidence 50 (meta.attribution-confidence '50')",
        "victim 'Kuwait' → KW",
        "victim 'Middle East' unmapped [not-state-regions]: A region, not a state; the source does not say which states.",
        "target 'Private sector' → private-sector",
        "target 'Civil society' → civil-society",
        "incident type 'Espionage' → ambiguous: political-military-espionage or commercial-espionage [activity-espionage]: The source does not say whether the espionage is political-military or commercial.",
      ]));
      // The raw unit is the cluster value as read.
      expect(JSON.parse(oilRig.raw)).toMatchObject({ value: 'OilRig', uuid: UUID.oilRig, meta: { 'cfr-suspected-state-sponsor': 'Iran (Islamic Republic of)' } });
    });

    it('notes fallbacks and defaults: "Unknown" sponsor, missing confidence, empty country, repeated synonyms', async () => {
      const parsed = await parseCluster('threat-actor.json');
      expect(unit(parsed, UUID.apt27).notes?.slice(0, 3)).toEqual([
        "sponsor 'Unknown' unmapped [not-state-unknown]: The source records that the state is not known. (meta.cfr-suspected-state-sponsor; no sponsor taken from it)",
        "sponsor 'CN' → CN (meta.country, the country of origin, read as the suspected sponsor)",
        "sponsorConfidence 50 (meta.attribution-confidence '50')",
      ]);
      expect(unit(parsed, UUID.apt41).notes).toContain('sponsorConfidence 25 (low, the default: the galaxy gives no attribution confidence)');
      expect(unit(parsed, UUID.prophetSpider).notes).toContain("sponsor '' unmapped: The value is empty. (meta.country; no sponsor taken from it)");
      expect(unit(parsed, UUID.naikon).notes).toContain("synonym 'Naikon' is the name itself: not repeated as an alias");
      expect(unit(parsed, UUID.apt28).notes).toContain("synonym 'Fancy Bear' repeats another alias: kept once");
    });

    it('reads Tidal victims as ISO codes and its sectors and motivations through the same tables', async () => {
      const parsed = await parseCluster('tidal-groups.json');
      expect(parsed.dataset).toBe('misp-galaxy:groups');
      const notes = parsed.units.flatMap((u) => u.notes ?? []);
      expect(notes).toContain("victim 'AE' → AE");
      expect(notes).toContain("target 'Financial Services' → critical-infrastructure");
      expect(notes).toContain("incident type 'Ideology' unmapped [activity-ideology]: A motive, not an activity.");
      expect(notes.filter((n) => n.includes('not in the'))).toEqual([]);
    });
  });

  it('handles hand-made edge cases without dropping anything', async () => {
    const parsed = await parseBytes('/tmp/edge.json', cluster([
      { value: 'Disputed', uuid: 'u-1', meta: { 'cfr-suspected-state-sponsor': 'Russian Federation', country: 'BY', 'attribution-confidence': 'high', refs: ['not a url', ' https://www.example.org/report '], 'cfr-target-category': ['Pottery'] } },
      { value: 'Long', uuid: 'u-2', description: 'x'.repeat(4100), meta: { 'attribution-confidence': '75' } },
      { value: 'No id' },
      'just a string',
      { value: 'Revoked', uuid: 'u-3', revoked: true },
      { value: 'Bad victims', uuid: 'u-4', meta: { 'cfr-suspected-victims': [1, 2] } },
    ]));
    expect(parsed).toMatchObject({ dataset: 'misp-galaxy:threat-actor', version: '7' });
    const disputed = unit(parsed, 'u-1');
    expect(disputed.records[0]?.value).toEqual({
      name: 'Disputed',
      aliases: [],
      sponsor: 'RU',
      sponsorConfidence: 25,
      sources: [
        { publisher: 'unknown (MISP galaxy ref)', title: 'not a url' },
        { publisher: 'example.org', title: 'https://www.example.org/report', url: 'https://www.example.org/report' },
      ],
    });
    expect(disputed.notes).toEqual([
      "sponsor 'Russian Federation' → RU (meta.cfr-suspected-state-sponsor)",
      "meta.country 'BY' → BY disagrees with the sponsor RU from meta.cfr-suspected-state-sponsor; RU kept",
      "attribution-confidence 'high' unmapped: not a percentage 0–100; sponsorConfidence 25 (low, the default)",
      "ref 'not a url' unmapped as a URL: kept as a source title without a url",
      "ref ' https://www.example.org/report ' trimmed of spaces",
      "target 'Pottery' unmapped: not in the target spelling table",
    ]);
    const long = unit(parsed, 'u-2');
    expect(long.records[0]?.value).toMatchObject({ name: 'Long', aliases: [], sources: [] });
    expect(long.records[0]?.value).not.toHaveProperty('sponsor');
    expect((long.records[0]?.value as { description?: string }).description).toHaveLength(4000);
    expect(long.notes).toEqual(['description shortened from 4100 to 4000 characters (the raw unit keeps it whole)', "attribution-confidence '75' not used: no sponsor"]);
    expect(parsed.rejected.map((r) => [r.locator, r.field, r.reason])).toEqual([
      ["value 'No id' (no uuid)", 'uuid', 'missing or empty: without a uuid the cluster cannot be followed across versions'],
      ['values[3]', 'value', 'a cluster value must be an object'],
      ["value 'Revoked' (uuid u-3)", 'revoked', 'revoked by its source (superseded by another cluster); not imported as an actor'],
      ["value 'Bad victims' (uuid u-4)", 'meta.cfr-suspected-victims', 'expected a string or a list of strings'],
    ]);
    expect(parsed.rejected[1]?.raw).toBe('"just a string"');
    expect(parsed.warnings).toEqual(["meta.cfr-target-category: 1 distinct value unmapped (not in any table), kept in the raw units: 'Pottery'"]);
  });

  it('warns when the file has no version and ignores --mapping', async () => {
    const parsed = await mispImporter().parse({ path: '/tmp/v.json', bytes: Buffer.from(JSON.stringify({ type: 'threat-actor', values: [] })), fileHash: '0'.repeat(64), mapping: 'cfr' });
    expect(parsed).toEqual({
      dataset: 'misp-galaxy:threat-actor',
      units: [],
      rejected: [],
      warnings: ['--mapping "cfr" is ignored: misp-galaxy files have one fixed mapping', 'the file has no "version": a later import cannot tell a newer file from an older one'],
    });
  });
});
