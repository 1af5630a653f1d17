import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRepositories } from '@pactwatch/backend';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { workspace } from '../helpers.js';

const HEADER = ['Title', 'Date', 'Affiliations', 'Description', 'Response', 'Victims', 'Sponsor', 'Type', 'Category', 'Sources_1', 'Sources_2', 'Sources_3'];

type CfrRow = Partial<Record<(typeof HEADER)[number], string>>;
const row = (fields: CfrRow): string[] => HEADER.map((h) => fields[h] ?? '');
const quote = (cell: string): string => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
const csv = (rows: string[][]): string => `${[HEADER, ...rows].map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;

const ROWS: CfrRow[] = [
  { Title: 'Cloud Hopper', Date: '12/20/2018', Affiliations: 'APT 10', Description: 'CFR text, never copied.', Victims: 'United States, Japan, United Kingdom', Sponsor: 'China', Type: 'Espionage', Category: 'Private sector', Sources_1: 'https://www.justice.gov/opa/pr/two-chinese-hackers-charged', Sources_2: 'https://www.reuters.com/article/cloud-hopper' },
  { Title: 'Shamoon', Date: '8/15/2012', Victims: 'Saudi Arabia', Sponsor: 'Iran (Islamic Republic of)', Type: 'Data destruction', Category: 'Private sector', Sources_1: 'https://www.nytimes.com/shamoon' },
  { Title: 'Grid outage', Date: '12/23/2015', Victims: 'Ukraine, Atlantis', Sponsor: 'Russian Federation', Type: 'Sabotage', Category: 'Government, Military' },
  { Title: 'APT 10', Affiliations: 'Stone Panda, MenuPass, APT 10', Sponsor: 'China', Sources_1: 'https://attack.mitre.org/groups/G0045/' },
  { Title: 'Unknown sponsor', Date: '1/5/2020', Victims: 'France', Sponsor: 'Atlantis', Type: 'Espionage', Category: 'Government' },
  { Title: 'Shifted sponsor', Date: '1/6/2020', Victims: 'France', Sponsor: 'https://example.com/report', Type: 'China', Category: 'Espionage' },
  { Title: 'Shifted victims', Date: 'Espionage', Victims: '3/4/2019', Sponsor: 'France', Type: 'Government' },
  { Title: 'No date', Victims: 'Germany', Sponsor: 'Russian Federation', Type: 'Espionage', Category: 'Government' },
  { Title: 'Huge description', Date: '2/2/2021', Description: 'x'.repeat(1024 * 1024), Victims: 'Germany', Sponsor: 'China', Type: 'Espionage', Category: 'Government' },
  { Title: 'Korean campaign', Date: '3/1/2016', Victims: 'Korea (Republic of), United States', Sponsor: "Korea (Democratic People's Republic of)", Type: 'Espionage, Doxing', Category: 'Government, Private sector' },
  { Title: 'Same title', Date: '1/1/2019', Victims: 'Israel', Sponsor: 'Iran (Islamic Republic of)', Type: 'Denial of service', Category: 'Civil society' },
  { Title: 'Same title', Date: '2/1/2019', Victims: 'Israel', Sponsor: 'Iran (Islamic Republic of)', Type: 'Defacement', Category: 'Civil society' },
];

async function setup() {
  const ws = workspace();
  const app = await ws.open();
  const path = (name: string): string => join(ws.dir, name);
  return { app, ws, path };
}

describe('CFR Cyber Operations Tracker preset', () => {
  it('maps incidents and actor profiles, quarantining shifted rows, unknown sponsors, empty dates and oversized cells', async () => {
    const { app, path } = await setup();
    const file = path('cfr-tracker.csv');
    writeFileSync(file, csv(ROWS.map(row)));
    const report = await app.imports.import({ file, format: 'csv', mapping: 'cfr' });
    expect(report).toMatchObject({ dataset: 'cfr', read: 12, stored: 7, quarantined: 5, records: { incidents: 6, actors: 1 } });
    expect(report.problems.map((p) => [p.path, p.reason])).toEqual([
      ['row 6 Sponsor', 'Sponsor "Atlantis" names no known state'],
      ['row 7 Sponsor', 'the columns appear shifted: Sponsor holds a URL ("https://example.com/report")'],
      ['row 8 Victims', 'the columns appear shifted: Victims holds a date ("3/4/2019")'],
      ['row 9 Date', 'Date is empty: an incident needs a date'],
      ['row 10 Description', `cell "Description" holds ${1024 * 1024} characters, over the limit of 100000 per cell`],
    ]);

    const hopper = await app.query.incident('cfr-cloud-hopper');
    expect(hopper.period).toEqual({ start: '2018-12-20' });
    expect(hopper.summary).not.toContain('CFR text');
    expect(hopper.victims).toEqual([
      { state: 'US', category: 'private-sector' },
      { state: 'JP', category: 'private-sector' },
      { state: 'GB', category: 'private-sector' },
    ]);
    // A DOJ citation makes the basis an indictment; the confidence stays CFR's default.
    expect(hopper.attributions).toEqual([expect.objectContaining({ sponsor: 'CN', relation: 'unknown', confidence: 60, basis: 'indictment', actor: 'cfr-apt-10', actorName: 'APT 10' })]);
    expect(hopper.activities).toEqual([{ type: 'commercial-espionage', certainty: 'possible' }]);
    expect(hopper.sources.map((s) => s.publisher)).toEqual(['Council on Foreign Relations', 'justice.gov', 'reuters.com']);

    const shamoon = await app.query.incident('cfr-shamoon');
    expect(shamoon.attributions[0]).toMatchObject({ sponsor: 'IR', basis: 'academic' });
    expect(shamoon.activities).toEqual([{ type: 'sabotage', certainty: 'confirmed' }]);

    // Some victims unresolvable: the known ones are kept and the rest noted.
    const grid = await app.query.incident('cfr-grid-outage');
    expect(grid.victims).toEqual([{ state: 'UA', category: 'government' }, { state: 'UA', category: 'military' }]);
    expect(report.notes.find((n) => n.sourceId === 'Grid outage')?.notes).toEqual(expect.arrayContaining(["victim 'Atlantis' is not a known country: left out, the other victims kept", "sponsor 'Russian Federation' → RU"]));
    expect(report.warnings).toContainEqual("Victims: values with no state or model term (noted per row): 'Atlantis' (1)");

    // Several victim states and several categories cannot be paired: categories left unrecorded
    // on the victims; the incident still hit government targets, so its espionage is political-military.
    const korea = await app.query.incident('cfr-korean-campaign');
    expect(korea.victims).toEqual([{ state: 'KR' }, { state: 'US' }]);
    expect(korea.attributions[0]?.sponsor).toBe('KP');
    expect(korea.activities).toEqual([{ type: 'political-military-espionage', certainty: 'confirmed' }, { type: 'commercial-espionage', certainty: 'possible' }, { type: 'influence-operation', certainty: 'confirmed' }]);

    // Repeated titles get their date, so both rows are kept apart.
    expect((await app.query.incident('cfr-same-title-1-1-2019')).activities).toEqual([{ type: 'disruption', certainty: 'confirmed' }]);
    expect((await app.query.incident('cfr-same-title-2-1-2019')).period.start).toBe('2019-02-01');

    const actors = await createRepositories(app.db).actors.listAll();
    expect(actors).toEqual([expect.objectContaining({ id: 'cfr-apt-10', name: 'APT 10', aliases: ['Stone Panda', 'MenuPass'], sponsor: 'CN', sponsorConfidence: 60 })]);

    const again = await app.imports.import({ file, format: 'csv', mapping: 'cfr' });
    expect(again).toMatchObject({ read: 12, stored: 0, unchanged: 7, quarantined: 5 });
  });

  it('reads the same layout from an XLSX sheet (date cells as dates)', async () => {
    const { app, path } = await setup();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Cyber Operations');
    sheet.addRow(HEADER);
    sheet.addRow(row({ Title: 'Cloud Hopper', Victims: 'United States', Sponsor: 'China', Type: 'Espionage', Category: 'Government' }));
    sheet.getCell('B2').value = new Date(Date.UTC(2018, 11, 20));
    sheet.getCell('J2').value = { text: 'DOJ press release', hyperlink: 'https://www.justice.gov/opa/pr/apt10' };
    sheet.addRow([]);
    sheet.addRow(row({ Title: 'Shamoon', Date: '8/15/2012', Victims: 'Saudi Arabia', Sponsor: 'Iran (Islamic Republic of)', Type: 'Data destruction', Category: 'Private sector' }));
    const file = path('cfr.xlsx');
    await workbook.xlsx.writeFile(file);
    const report = await app.imports.import({ file, format: 'xlsx', mapping: 'cfr' });
    expect(report).toMatchObject({ read: 2, stored: 2, quarantined: 0 });
    expect(report.warnings).toContain(`${file} (sheet "Cyber Operations"): 1 empty row(s) skipped`);
    const hopper = await app.query.incident('cfr-cloud-hopper');
    expect(hopper.period.start).toBe('2018-12-20');
    expect(hopper.activities).toEqual([{ type: 'political-military-espionage', certainty: 'confirmed' }]);
    // A hyperlink cell keeps its address: the DOJ source is cited and read as an indictment.
    expect(hopper.sources[1]).toMatchObject({ publisher: 'justice.gov', url: 'https://www.justice.gov/opa/pr/apt10' });
    expect(hopper.attributions[0]?.basis).toBe('indictment');
    expect(report.notes.find((n) => n.sourceId === 'Shamoon')?.notes).toContain("type 'Data destruction' → sabotage [cfr-type-data-destruction]");
  });
});
