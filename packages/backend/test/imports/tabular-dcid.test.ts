import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultImporters } from '@pactwatch/backend';
import { describe, expect, it } from 'vitest';
import { workspace } from '../helpers.js';

const DCID = '/work/shared/data/dcid/DCID_2.0_Feb2023.xlsx';

describe.skipIf(!existsSync(DCID))('DCID 2.0 preset (real file)', () => {
  it('imports every dyad of sheet 1, reconciles, and re-importing changes nothing', async () => {
    const ws = workspace();
    const app = await ws.open();
    const file = join(ws.dir, 'DCID_2.0_Feb2023.xlsx');
    copyFileSync(DCID, file);
    const first = await app.imports.import({ file, format: 'xlsx', mapping: 'dcid' });
    expect(first).toMatchObject({ dataset: 'dcid', version: '2.0', read: 429, stored: 424, quarantined: 5, updated: 0, unchanged: 0 });
    expect(first.read).toBe(first.stored + first.updated + first.unchanged + first.quarantined);
    expect(first.records.incidents).toBe(424);
    // Rows that contradict themselves are kept in quarantine, not guessed at: incident 236 ends
    // before it starts, and four rows name an initiator outside their own dyad.
    expect(first.problems.map((p) => [p.path, p.reason])).toEqual([
      ['sheet "DCID_2.0_Release_public_June_20" row 237 interactionenddate', 'interactionenddate 2015-01-15 is before interactionstartdate 2015-11-25: the row contradicts itself'],
      ['sheet "DCID_2.0_Release_public_June_20" row 292 initiator', 'initiator 630 (IR) is not one side of the dyad TR–IQ'],
      ['sheet "DCID_2.0_Release_public_June_20" row 293 initiator', 'initiator 630 (IR) is not one side of the dyad TR–SY'],
      ['sheet "DCID_2.0_Release_public_June_20" row 310 initiator', 'initiator 731 (KP) is not one side of the dyad CN–KR'],
      ['sheet "DCID_2.0_Release_public_June_20" row 332 initiator', 'initiator 770 (PK) is not one side of the dyad CN–IN'],
    ]);
    expect(first.warnings.join('\n')).toContain('sheet "DCID_2.0_Release_update_Februar" (862 rows) not imported');

    // Titan Rain: China (COW 710) against US military networks, 2003-09-01 to 2006-04-01, short-term espionage.
    const titanRain = await app.query.incident('dcid-80-2710');
    expect(titanRain.title).toBe('Titan Rain');
    expect(titanRain.period).toEqual({ start: '2003-09-01', end: '2006-04-01' });
    expect(titanRain.attributions).toEqual([expect.objectContaining({ sponsor: 'CN', relation: 'unknown', confidence: 60, basis: 'academic' })]);
    expect(titanRain.victims).toEqual([expect.objectContaining({ state: 'US', category: 'military' })]);
    expect(titanRain.activities).toEqual([{ type: 'political-military-espionage', certainty: 'confirmed' }]);
    expect(titanRain.provenance).toMatchObject({ origin: 'imported', dataset: 'dcid', recordId: '80-2710', version: '2.0' });

    // Regin: the US (COW 2) against Russian government networks; initiator is StateA here.
    const regin = await app.query.incident('dcid-1-2365');
    expect(regin.attributions[0]?.sponsor).toBe('US');
    expect(regin.victims[0]).toMatchObject({ state: 'RU', category: 'government', sector: 'Information technology' });
    expect(regin.period).toEqual({ start: '2008-02-01', end: '2011-03-01' });
    expect(regin.sources.map((s) => s.publisher)).toEqual(expect.arrayContaining(['Dyadic Cyber Incident and Campaign Data (DCID)', 'symantec.com']));

    const again = await app.imports.import({ file, format: 'xlsx', mapping: 'dcid' });
    expect(again).toMatchObject({ read: 429, stored: 0, updated: 0, unchanged: 424, quarantined: 5 });
  });

  it('maps objectives by target type, and recognises the preset without --mapping', async () => {
    const xlsx = defaultImporters().get('xlsx');
    if (xlsx === undefined) throw new Error('no xlsx importer');
    const parsed = await xlsx.parse({ path: DCID, bytes: readFileSync(DCID), fileHash: '0'.repeat(64) });
    expect(parsed.dataset).toBe('dcid');
    expect(parsed.warnings[0]).toContain('mapping "dcid" recognised from the header');
    const byId = new Map(parsed.units.map((u) => [u.sourceId, u] as const));
    const value = (id: string) => {
      const record = byId.get(id)?.records[0];
      return record?.kind === 'incident' ? record.value : undefined;
    };
    // Yahoo breach (Russia → US, private target, espionage): commercial purpose only possible.
    const yahoo = [...byId.values()].find((u) => u.raw.includes('"Name":"Yahoo breach 1"'));
    const yahooValue = yahoo?.records[0]?.kind === 'incident' ? yahoo.records[0].value : undefined;
    expect(yahooValue?.victims[0]).toMatchObject({ state: 'US', category: 'private-sector' });
    expect(yahooValue?.activities).toContainEqual({ type: 'commercial-espionage', certainty: 'possible' });
    // Stuxnet_A: objective 4 (degradation) → sabotage, US → Iran military.
    const stuxnet = [...byId.values()].find((u) => u.raw.includes('"Name":"Stuxnet_A"'));
    expect(stuxnet?.records[0]?.kind === 'incident' ? stuxnet.records[0].value.activities : []).toContainEqual({ type: 'sabotage', certainty: 'confirmed' });
    expect(value('80-2710')?.summary).toContain('initiated by China against military targets in United States');
    expect(byId.get('80-2710')?.notes).toEqual(expect.arrayContaining(['initiator COW 710 → CN', 'cyber_objective \'2\' → espionage (purpose read from the targets) [dcid-objective-2-short-espionage]']));
    expect(JSON.parse(byId.get('80-2710')?.raw ?? '{}')).toMatchObject({ Cyberincidentnum: '80', Dyadpair: '2710', initiator: '710', interactionstartdate: '2003-09-01' });
  });
});
