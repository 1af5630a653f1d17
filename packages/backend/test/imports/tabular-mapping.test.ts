import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { workspace } from '../helpers.js';

const EXAMPLE = fileURLToPath(new URL('../../../../docs/examples/mapping-example.yaml', import.meta.url));
const HEADER = ['Case ID', 'Operation', 'Began', 'Ended', 'Attributed to', 'Victims', 'Targets', 'Kind', 'Group', 'Confidence', 'Attribution source', 'Link 1', 'Link 2'];
const ROWS: string[][] = [
  ['AC-001', 'Lotus', '20/01/2022', '05/03/2022', 'China', 'Japan; Viet Nam', 'Government', 'Espionage', 'APT 40', '75', 'Government', 'https://www.example.org/lotus', ''],
  ['AC-002', 'Grid probe', '2021-06-01', '', 'Russian Federation', 'Germany', 'Business, Utilities', 'IP theft, DDoS', '', '', 'Vendor', 'https://www.mandiant.com/x', 'not a link'],
  ['AC-003', 'Unsure', '01/02/2020', '', 'Iran', 'Israel', 'NGO', 'DDoS', '', 'high', '', '', ''],
  ['AC-004', 'Odd kind', '01/02/2020', '', 'Iran', 'Israel', 'Unknown', 'Mystery', '', '', 'Blog', '', ''],
  ['AC-005', 'No start', '', '', 'Iran', 'Israel', 'NGO', 'DDoS', '', '', '', '', ''],
];

async function setup() {
  const ws = workspace();
  const app = await ws.open();
  return { app, dir: ws.dir };
}

describe('user mapping YAML', () => {
  it('imports a workbook with the documented example mapping', async () => {
    const { app, dir } = await setup();
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Notes').addRow(['Exported from the ACME tracker']);
    const sheet = workbook.addWorksheet('Incidents');
    sheet.addRow(HEADER);
    for (const r of ROWS) sheet.addRow(r);
    sheet.getCell('C3').value = new Date(Date.UTC(2021, 5, 1));
    const file = join(dir, 'acme.xlsx');
    await workbook.xlsx.writeFile(file);
    const report = await app.imports.import({ file, format: 'xlsx', mapping: EXAMPLE });
    expect(report).toMatchObject({ dataset: 'acme-incidents', version: '2024.1', read: 5, stored: 3, quarantined: 2 });
    expect(report.problems.map((p) => [p.path, p.reason])).toEqual([
      ['sheet "Incidents" row 4 Confidence', 'Confidence "high" is not a whole number from 0 to 100'],
      ['sheet "Incidents" row 6 Began', 'Began is empty: an incident needs a start date'],
    ]);
    const lotus = await app.query.incident('acme-incidents-ac-001');
    expect(lotus).toMatchObject({ title: 'Lotus', period: { start: '2022-01-20', end: '2022-03-05' }, means: ['cyber'] });
    expect(lotus.attributions).toEqual([expect.objectContaining({ sponsor: 'CN', confidence: 75, basis: 'government-attribution', relation: 'unknown', attributedBy: 'ACME research team', actorName: 'APT 40' })]);
    expect(lotus.victims).toEqual([{ state: 'JP', category: 'government' }, { state: 'VN', category: 'government' }]);
    expect(lotus.activities).toEqual([{ type: 'political-military-espionage', certainty: 'confirmed' }]);
    expect(lotus.provenance).toMatchObject({ dataset: 'acme-incidents', recordId: 'AC-001', version: '2024.1' });

    const probe = await app.query.incident('acme-incidents-ac-002');
    expect(probe.period).toEqual({ start: '2021-06-01' });
    expect(probe.attributions[0]).toMatchObject({ sponsor: 'RU', confidence: 60, basis: 'vendor-report' });
    expect(probe.victims).toEqual([{ state: 'DE', category: 'private-sector' }, { state: 'DE', category: 'critical-infrastructure' }]);
    expect(probe.activities).toEqual([{ type: 'commercial-espionage', certainty: 'confirmed' }, { type: 'disruption', certainty: 'confirmed' }]);
    expect(probe.sources.map((s) => s.url ?? s.publisher)).toEqual(['ACME research team', 'https://www.mandiant.com/x']);

    const odd = await app.query.incident('acme-incidents-ac-004');
    expect(odd.activities).toEqual([]);
    expect(odd.victims).toEqual([{ state: 'IL' }]);
    expect(odd.attributions[0]?.basis).toBe('academic');
    expect(report.notes.find((n) => n.sourceId === 'AC-004')?.notes).toEqual(expect.arrayContaining(["category 'Unknown' unmapped (the mapping lists it with no term)", "activity 'Mystery' unmapped: not in the activity code book", "basis 'Blog' unmapped: the default academic is used"]));
    expect(report.warnings).toEqual(expect.arrayContaining(["Kind: values with no state or model term (noted per row): 'Mystery' (1)", "Attribution source: values with no state or model term (noted per row): 'Blog' (1)"]));

    expect(await app.imports.import({ file, format: 'xlsx', mapping: EXAMPLE })).toMatchObject({ stored: 0, unchanged: 3, quarantined: 2 });
  });

  it('reads a semicolon-delimited CSV with the same mapping, noting the sheet it cannot use', async () => {
    const { app, dir } = await setup();
    const file = join(dir, 'acme.csv');
    writeFileSync(file, `\uFEFF${[HEADER, ...ROWS.slice(0, 2)].map((r) => r.map((c) => (c.includes(';') ? `"${c}"` : c)).join(';')).join('\n')}\n`);
    const report = await app.imports.import({ file, format: 'csv', mapping: EXAMPLE });
    expect(report).toMatchObject({ read: 2, stored: 2 });
    expect(report.warnings).toContain('mapping sheet "Incidents" ignored: a CSV file has no sheets');
    expect((await app.query.incident('acme-incidents-ac-001')).victims.map((v) => v.state)).toEqual(['JP', 'VN']);
  });

  it('refuses a broken mapping, naming the line and the key', async () => {
    const { app, dir } = await setup();
    const file = join(dir, 'data.csv');
    writeFileSync(file, 'ID,Name,Start,Sponsor,Victim\n1,Op,2020-01-01,China,Japan\n');
    const mapping = join(dir, 'bad.yaml');
    writeFileSync(mapping, 'dataset: Team Data\nrecordId: ID\ntitle: Name\nstart: Start\nsponsor: Sponsor\nvictims: Victim\ncategories: { column: Name, map: { Op: navy } }\n');
    const error = await app.imports.import({ file, format: 'csv', mapping }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((error as { problems: unknown[] }).problems).toEqual([
      expect.objectContaining({ line: 5, path: 'sponsor', reason: expect.stringContaining('unknown key (a typo?)') }),
      expect.objectContaining({ line: 1, path: 'dataset', reason: 'must be a lower-case slug such as "acme-incidents"' }),
      expect.objectContaining({ path: 'sponsors', reason: 'is required' }),
      expect.objectContaining({ line: 7, path: 'categories.map.Op', reason: expect.stringContaining('"navy" is not one of private-sector, government') }),
    ]);
    expect((error as Error).message).toMatch(/bad\.yaml: line 5: sponsor: unknown key \(a typo\?\).* \(and 3 more problem\(s\)\)$/);

    const missingColumn = join(dir, 'missing.yaml');
    writeFileSync(missingColumn, 'dataset: team\nrecordId: ID\ntitle: Title\nstart: Start\nsponsors: Sponsor\nvictims: Victim\n');
    await expect(app.imports.import({ file, format: 'csv', mapping: missingColumn })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('the header (row 1) lacks "Title" (title in') });

    const sheetMapping = join(dir, 'sheet.yaml');
    writeFileSync(sheetMapping, 'dataset: team\nsheet: Missing\nrecordId: ID\ntitle: Name\nstart: Start\nsponsors: Sponsor\nvictims: Victim\n');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Data').addRow(['ID', 'Name', 'Start', 'Sponsor', 'Victim']);
    const xlsx = join(dir, 'data.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    await expect(app.imports.import({ file: xlsx, format: 'xlsx', mapping: sheetMapping })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('sheet "Missing" (named by') });

    await expect(app.imports.import({ file, format: 'csv', mapping: join(dir, 'nowhere.yaml') })).rejects.toMatchObject({ code: 'FILE_ERROR' });
    await expect(app.imports.import({ file, format: 'csv', mapping: 'cfrr' })).rejects.toMatchObject({ code: 'USAGE', message: expect.stringContaining('--mapping must be one of cfr, eurepoc, dcid') });
    await expect(app.imports.import({ file, format: 'csv' })).rejects.toMatchObject({ code: 'USAGE', message: expect.stringContaining('--mapping is needed') });
  });
});
