import { fileURLToPath } from 'node:url';
import { INCIDENT_CSV_COLUMNS } from '@pactwatch/backend';
import { AGREEMENT_TYPE, COMMITMENT_TYPE, PACTWATCH_EXTENSION_ID, partyIds, stixId, type StixObject } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { haveStixSchemas, stixValidator } from '../../../domain/test/stix-export/stix-schema-validator.js';
import { workspace } from '../helpers.js';
import { exportWorkspace } from './export-fixture.js';

interface Bundle {
  readonly type: string;
  readonly id: string;
  readonly objects: StixObject[];
}

const ofType = (bundle: Bundle, type: string): StixObject[] => bundle.objects.filter((o) => o.type === type);
const pactwatchIds = (objects: readonly StixObject[]): string[] =>
  objects.map((o) => (o['external_references'] as Array<{ source_name: string; external_id?: string }>).find((r) => r.source_name === 'pactwatch')?.external_id ?? '').sort();

/** Minimal RFC 4180 reader for the assertions: quoted fields, doubled quotes, CRLF records. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  return rows;
}

describe('ExportService', () => {
  it('exports every record as a STIX bundle whose findings are notes on incident and commitment', async () => {
    const { app } = await exportWorkspace();
    const result = await app.exports.export({ format: 'stix' });
    const bundle = JSON.parse(result.text) as Bundle;
    expect(bundle.type).toBe('bundle');
    expect(pactwatchIds(ofType(bundle, AGREEMENT_TYPE))).toEqual(['de-cn-test', 'us-cn-test']);
    expect(pactwatchIds(ofType(bundle, COMMITMENT_TYPE))).toEqual(['de-cn-test/no-theft', 'us-cn-test/no-ip-theft']);
    expect(pactwatchIds(ofType(bundle, 'incident'))).toEqual(['hack', 'spy', 'tricky']);
    expect(pactwatchIds(ofType(bundle, 'intrusion-set'))).toEqual(['apt3']);
    const findings = await app.query.findings();
    expect(findings.length).toBeGreaterThanOrEqual(3);
    const notes = ofType(bundle, 'note');
    expect(notes).toHaveLength(findings.length);
    expect(result.counts).toMatchObject({ objects: bundle.objects.length, agreements: 2, incidents: 3, actors: 1, findings: findings.length });
    const hack = findings.find((f) => f.incidentId === 'hack' && f.commitmentId === 'us-cn-test/no-ip-theft');
    expect(hack?.verdict).toBe('breach');
    const note = notes.find((n) => n.id === stixId('note', 'finding', 'us-cn-test/no-ip-theft|hack'));
    expect(note?.['object_refs']).toEqual([stixId('incident', 'incident', 'hack'), stixId(COMMITMENT_TYPE, 'commitment', 'us-cn-test/no-ip-theft')]);
    expect(String(note?.['content'])).toContain('Verdict: breach (rule V3-breach)');
    expect(String(note?.['content'])).toContain('- means: true — cyber is cyber-enabled');
    const spy = notes.find((n) => n.id === stixId('note', 'finding', 'us-cn-test/no-ip-theft|spy'));
    expect(spy?.['labels']).toEqual(['pactwatch-finding', 'outside-scope']);
    // The group party stays a group; its agreement's findings still come through.
    expect(ofType(bundle, AGREEMENT_TYPE).find((a) => a['name'] === 'German-Chinese test understanding')?.['parties']).toEqual([{ group: 'g2' }]);
  });

  it('is byte-identical across exports and clocks, and never reads the clock', async () => {
    const { ws, app } = await exportWorkspace({ now: () => new Date('2030-01-01T00:00:00Z') });
    const first = (await app.exports.export({ format: 'stix' })).text;
    expect((await app.exports.export({ format: 'stix' })).text).toBe(first);
    const later = await ws.open({ now: () => new Date('2099-12-31T23:59:59Z') });
    expect((await later.exports.export({ format: 'stix' })).text).toBe(first);
    expect((await later.exports.export({ format: 'json' })).text).toBe((await app.exports.export({ format: 'json' })).text);
    expect(first).not.toContain('2030-');
    expect(first).not.toContain('2099-');
  });

  it('exports one agreement with only what it needs, and NOT_FOUND for an unknown one', async () => {
    const { app } = await exportWorkspace();
    const bundle = JSON.parse((await app.exports.export({ format: 'stix', agreementId: 'de-cn-test' })).text) as Bundle;
    expect(pactwatchIds(ofType(bundle, AGREEMENT_TYPE))).toEqual(['de-cn-test']);
    expect(pactwatchIds(ofType(bundle, COMMITMENT_TYPE))).toEqual(['de-cn-test/no-theft']);
    const judged = (await app.query.findings({ agreementId: 'de-cn-test' })).map((f) => f.incidentId);
    expect(judged).toEqual(['tricky']);
    expect(pactwatchIds(ofType(bundle, 'incident'))).toEqual(['tricky']);
    expect(pactwatchIds(ofType(bundle, 'intrusion-set'))).toEqual(['apt3']);
    expect(ofType(bundle, 'note')).toHaveLength(1);
    await expect(app.exports.export({ format: 'stix', agreementId: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'no agreement "nope"; list them with `pactwatch agreements`' });
    const native = JSON.parse((await app.exports.export({ format: 'json', agreementId: 'us-cn-test' })).text) as { groups: unknown[]; contextEvents: Array<{ id: string }>; incidents: Array<{ id: string }> };
    expect(native.groups).toEqual([]);
    expect(native.contextEvents.map((e) => e.id)).toEqual(['us-cn-round-1']);
    expect(native.incidents.map((i) => i.id).sort()).toEqual(['hack', 'spy', 'tricky']);
  });

  it('carries analysts\' overrides into the finding notes', async () => {
    const { app } = await exportWorkspace();
    await app.overrides.set({ commitmentId: 'us-cn-test/no-ip-theft', incidentId: 'hack', verdict: 'possible-breach', note: 'attribution disputed', author: 'ana' });
    const overrides = await app.query.findings({ incidentId: 'hack' });
    const createdAt = overrides.find((f) => f.override !== undefined)?.override?.createdAt ?? '';
    const bundle = JSON.parse((await app.exports.export({ format: 'stix' })).text) as Bundle;
    const note = bundle.objects.find((o) => o.id === stixId('note', 'finding', 'us-cn-test/no-ip-theft|hack'));
    expect(String(note?.['content'])).toContain(`Analyst override: possible-breach by ana (${createdAt}): attribution disputed`);
    expect((note?.['extensions'] as Record<string, { override?: unknown }>)[PACTWATCH_EXTENSION_ID]?.override).toMatchObject({ verdict: 'possible-breach', author: 'ana', created_at: createdAt });
    expect(note?.['modified']).toBe(new Date(createdAt).toISOString());
  });

  it('writes incidents as RFC 4180 CSV, one row per incident with attributions and victims flattened', async () => {
    const { app } = await exportWorkspace();
    const result = await app.exports.export({ format: 'csv' });
    expect(result.text.endsWith('\r\n')).toBe(true);
    const rows = readCsv(result.text);
    expect(rows[0]).toEqual([...INCIDENT_CSV_COLUMNS]);
    expect(rows).toHaveLength(4);
    expect(result.counts).toEqual({ rows: 3 });
    expect(rows.every((r) => r.length === INCIDENT_CSV_COLUMNS.length)).toBe(true);
    const tricky = Object.fromEntries(INCIDENT_CSV_COLUMNS.map((c, i) => [c, rows.find((r) => r[0] === 'tricky')?.[i]]));
    expect(tricky).toMatchObject({
      title: 'Acme, "Beta" and\nGamma',
      period_start: '2016-05',
      period_end: '2016-12~',
      disclosed: '2016-08-01',
      activities: 'commercial-espionage; sabotage (possible)',
      means: 'cyber; insider',
      sponsors: 'CN; RU',
      actors: 'apt3; ',
      confidences: '90; 30',
      attributed_by: 'Mandiant; later DOJ; Press',
      victim_states: 'DE; US',
      victim_categories: 'private-sector; private-sector',
      victim_entities: 'Beta AG; ',
      source_count: '1',
      source_urls: 'https://example.org/report?id=1',
      provenance: 'seed-article:burgess-2017',
    });
    expect(result.text).toContain('"Acme, ""Beta"" and\nGamma"');
  });

  it('writes the native dataset: records as the YAML holds them, commitments by local id', async () => {
    const { app } = await exportWorkspace();
    const result = await app.exports.export({ format: 'json' });
    const native = JSON.parse(result.text) as Record<string, unknown> & { agreements: Array<{ id: string; commitments: Array<Record<string, unknown>> }>; incidents: unknown[]; actors: unknown[] };
    expect(Object.keys(native)).toEqual(['format', 'version', 'groups', 'actors', 'agreements', 'incidents', 'contextEvents']);
    expect(native).toMatchObject({ format: 'pactwatch', version: 1 });
    const accord = native.agreements.find((a) => a.id === 'us-cn-test');
    expect(accord?.commitments[0]).toEqual({ id: 'no-ip-theft', title: 'No IP theft', obligation: 'refrain', text: 'will not conduct or knowingly support cyber-enabled theft', source: { publisher: 'Test', title: 'Source' }, scope: { activities: ['commercial-espionage'], targets: ['private-sector'], means: 'cyber-enabled', actor: 'conducted-or-supported', direction: 'mutual', rationale: 'test' }, disputes: [] });
    expect(native.incidents).toEqual(await app.query.incidents());
    expect(native.actors).toEqual([{ id: 'apt3', name: 'APT3', aliases: ['Gothic Panda', 'UPS Team'], sponsor: 'CN', sponsorConfidence: 80, sources: [{ publisher: 'FireEye', title: 'Operation Clandestine Wolf', date: '2015-06-23' }] }]);
    expect(result.counts).toEqual({ agreements: 2, incidents: 3, actors: 1, groups: 1, contextEvents: 1 });
  });

  it('rejects an unknown format as a usage error', async () => {
    const app = await workspace().open();
    await expect(app.exports.export({ format: 'xml' as 'json' })).rejects.toMatchObject({ code: 'USAGE' });
  });

  describe.skipIf(!haveStixSchemas)('against the OASIS STIX 2.1 JSON Schemas', () => {
    it('validates every object of the fixture store', async () => {
      const { app } = await exportWorkspace();
      const bundle = JSON.parse((await app.exports.export({ format: 'stix' })).text) as Bundle;
      expect(stixValidator().bundleErrors(bundle)).toEqual([]);
      expect(bundle.objects.find((o) => o.id === partyIds.victim('DE', 'Beta AG'))).toMatchObject({ type: 'identity', name: 'Beta AG', identity_class: 'unknown' });
    });

    it('validates every object exported from the curated dataset (data/)', async () => {
      const ws = workspace();
      const app = await ws.open();
      const load = await app.dataset.load(fileURLToPath(new URL('../../../../data', import.meta.url)));
      expect(load.quarantined).toBe(0);
      await app.evaluation.evaluate();
      const bundle = JSON.parse((await app.exports.export({ format: 'stix' })).text) as Bundle;
      expect(ofType(bundle, AGREEMENT_TYPE)).toHaveLength(11);
      expect(ofType(bundle, 'incident')).toHaveLength(11);
      expect(ofType(bundle, 'note')).toHaveLength((await app.query.findings()).length);
      expect(stixValidator().bundleErrors(bundle)).toEqual([]);
    });
  });
});
