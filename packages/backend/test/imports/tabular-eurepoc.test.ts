import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { workspace } from '../helpers.js';

// Release 1.1 headers as published (EuRepoC_Global_Database_1.1.csv and its two companions).
const V11_MAIN = 'ID,name,description,start_date,end_date,inclusion_criteria,inclusion_criteria_subcode,source_incident_detection_disclosure,incident_type,receiver_name,receiver_country,receiver_region,receiver_category,receiver_category_subcode,initiator_name,initiator_country,initiator_category,initiator_category_subcode,number_of_attributions,attribution_date,attribution_type,attribution_basis,attributing_actor,attribution_it_company,attributing_country,attributed_initiator,attributed_initiator_country,attributed_initiator_category,attributed_initiator_subcategory,sources_attribution,cyber_conflict_issue,offline_conflict_issue,offline_conflict_name_HIIK,offline_conflict_intensity,offline_conflict_intensity_subcode,number_of_political_responses,political_response_date,political_response_type,political_response_type_subcode,political_response_country,political_response_actor,zero_days,zero_days_subcode,MITRE_initial_access,MITRE_impact,user_interaction,has_disruption,data_theft,disruption,hijacking,physical_effects_spatial,physical_effects_temporal,unweighted_cyber_intensity,target_multiplier,weighted_cyber_intensity,impact_indicator,impact_indicator_value,functional_impact,intelligence_impact,political_impact_affected_entities,political_impact_affected_entities_exact_value,political_impact_third_countries,political_impact_third_countries_exact_value,economic_impact,economic_impact_exact_value,economic_impact_currency,state_responsibility_indicator,IL_breach_indicator,IL_breach_indicator_subcode,evidence_for_sanctions_indicator,number_of_legal_responses,legal_response_date,legal_response_type,legal_response_type_subcode,legal_response_country,legal_response_actor,legal_attribution_reference,legal_attribution_reference_subcode,legal_response_indicator,casualties,sources_url'.split(',');
const V11_ATTRIBUTION = 'incident_ID,attribution_ID,attribution_date,attribution_type,attribution_basis,attributing_actor,attribution_it_company,attributing_country,attributed_initiator,attributed_initiator_country,attributed_initiator_category'.split(',');
const V11_RECEIVER = 'ID,receiver_country,receiver_region,receiver_name,receiver_category,receiver_category_subcode'.split(',');
// Release 1.3 (lower-case names, ";"-joined values); the column names are assumed (docs/IMPORT-TABULAR.md).
const V13_MAIN = 'incident_id,name,description,start_date,end_date,inclusion_criterion,inclusion_criterion_subcode,source_disclosure,incident_type,receiver_name,receiver_country,receiver_country_alpha_2_code,receiver_regions,receiver_category,receiver_subcategory,initiator_name,initiator_country,initiator_alpha_2,initiator_category,initiator_subcategory,number_attributions,attribution_id,attribution_date,attribution_type,attribution_basis,attributing_actor,attributing_company,attributing_country,settled_initiator,attribution_source_url,il_breach_indicator,source_url,added_to_db,updated_at'.split(',');
const V13_ATTRIBUTION = 'attribution_id,incident_id,attribution_year,attribution_month,attribution_day,attribution_date,attribution_basis,attribution_type,attribution_subtype,attributing_country,attributing_actor,attributing_company,settled_attribution,initiator_name,initiator_alpha_2,initiator_country,initiator_category,initiator_subcategory'.split(',');
const V13_RECEIVER = 'receiver_id,incident_id,receiver_name,receiver_country,receiver_country_alpha_2_code,receiver_category,receiver_subcategory'.split(',');

const quote = (cell: string): string => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
const table = (header: readonly string[], rows: ReadonlyArray<Record<string, string>>): string[][] => [[...header], ...rows.map((r) => header.map((h) => r[h] ?? ''))];
const csv = (rows: string[][]): string => `${rows.map((r) => r.map(quote).join(',')).join('\n')}\n`;

const GOV = 'State institutions / political system';
const CORPORATE = 'Corporate Targets (corporate targets only coded if the respective company is not part of the critical infrastructure definition)';

const V11_ROWS: Array<Record<string, string>> = [
  {
    ID: '11', name: 'Titan Rain', description: 'EuRepoC text, never copied.', start_date: '2003-01-01', end_date: '2007-01-01', incident_type: 'Data theft',
    receiver_country: "['United States', 'United Kingdom']",
    receiver_category: `[['${GOV}', '${GOV}', 'Critical infrastructure'], ['${GOV}']]`,
    receiver_category_subcode: "[['Government / ministries', 'Military', 'Defence industry'], ['Government / ministries']]",
    initiator_country: "['China']", initiator_category: "['Non-state actor, state-affiliation suggested']",
    attribution_type: 'Anonymous statement in media report (e.g., Reuters article cites the attribution statements of unnamed officials, or persons with knowledge into the matter etc.); Technical report (e.g., by IT-companies, Citizen Lab, EFF)',
    attribution_basis: 'Attribution by receiver government / state entity; IT-security community attributes attacker',
    IL_breach_indicator: '', sources_url: "['https://www.washingtonpost.com/titan-rain', 'https://www.symantec.com/report']",
  },
  { ID: '4', name: 'Taiwan Election Hack 2000', start_date: '2000-05-20', end_date: '2000-05-20', incident_type: 'Disruption', receiver_country: "['Taiwan']", receiver_category: `[['${GOV}']]`, initiator_country: "['China']", initiator_category: "['Unknown - not attributed']", attribution_basis: 'Attacker confirms' },
  { ID: '8', name: 'Prior 9/11 Taliban Hack', start_date: '2001-08-01', end_date: '2001-08-01', incident_type: 'Disruption', receiver_country: "['Afghanistan']", initiator_country: "['Unknown']", initiator_category: "['Non-state-group']" },
  { ID: '1160', name: 'Anonymous Italy hacks several universities', start_date: '2018-10-30', end_date: '2018-01-05', incident_type: 'Disruption', receiver_country: "['Italy']", initiator_country: "['Italy']", initiator_category: "['Non-state-group']" },
  { ID: '1158', name: 'Carbanak vs. Ukraine', start_date: '2018-10-25', end_date: 'Not available', incident_type: 'Data theft; Hijacking with Misuse', receiver_country: "['Ukraine', 'Eastern Europe']", receiver_category: `[['${GOV}'], ['${GOV}']]`, initiator_country: "['Russia']", initiator_category: "['State']", attribution_basis: 'IT-security community attributes attacker' },
];

async function setup() {
  const ws = workspace();
  const app = await ws.open();
  return { app, dir: ws.dir };
}

describe('EuRepoC preset', () => {
  it('reads release 1.1 with the attribution and receiver tables found beside it', async () => {
    const { app, dir } = await setup();
    const folder = join(dir, 'eurepoc-1.1');
    mkdirSync(folder);
    const file = join(folder, 'EuRepoC_Global_Database_1.1.csv');
    writeFileSync(file, csv(table(V11_MAIN, V11_ROWS)));
    const attributionRows: Array<Record<string, string>> = [
      { incident_ID: '11', attribution_ID: '11.0', attribution_type: 'Anonymous statement in media report (e.g., Reuters article cites the attribution statements of unnamed officials, or persons with knowledge into the matter etc.)', attribution_basis: 'Attribution by receiver government / state entity', attributed_initiator_country: 'China', attributed_initiator_category: 'Non-state actor, state-affiliation suggested' },
      { incident_ID: '11', attribution_ID: '12.0', attribution_type: 'Technical report (e.g., by IT-companies, Citizen Lab, EFF)', attribution_basis: 'IT-security community attributes attacker', attribution_it_company: 'Symantec', attributed_initiator_country: 'China', attributed_initiator_category: 'Non-state actor, state-affiliation suggested' },
      { incident_ID: '4', attribution_ID: '4.0', attribution_basis: 'Attacker confirms', attributed_initiator_country: 'China', attributed_initiator_category: 'Unknown - not attributed' },
      { incident_ID: '8', attribution_ID: '8661.0', attribution_basis: 'Attacker confirms', attributed_initiator: 'Not available', attributed_initiator_country: 'Unknown', attributed_initiator_category: 'Non-state-group' },
      { incident_ID: '1158', attribution_ID: '99.0', attribution_type: 'Domestic legal action', attribution_basis: 'Attribution by receiver government / state entity', attributed_initiator: 'Carbanak/Anunak', attributed_initiator_country: 'Russia', attributed_initiator_category: 'State' },
      { incident_ID: '999', attribution_ID: '1.0', attribution_basis: 'Attacker confirms', attributed_initiator_country: 'France' },
    ];
    const receiverRows: Array<Record<string, string>> = [
      { ID: '11', receiver_country: 'United States', receiver_category: GOV, receiver_category_subcode: 'Military' },
      { ID: '11', receiver_country: 'United States', receiver_category: 'Critical infrastructure', receiver_category_subcode: 'Defence industry' },
      { ID: '11', receiver_country: 'United Kingdom', receiver_category: GOV, receiver_category_subcode: 'Government / ministries' },
      { ID: '4', receiver_country: 'Taiwan', receiver_category: GOV },
      { ID: '1158', receiver_country: 'Ukraine', receiver_name: 'Ministry of Defence', receiver_category: GOV, receiver_category_subcode: 'Military' },
      { ID: '1158', receiver_country: 'Eastern Europe', receiver_category: GOV },
    ];
    writeFileSync(join(folder, 'EuRepoC_Attribution_dataset_1.1.csv'), csv(table(V11_ATTRIBUTION, attributionRows)));
    writeFileSync(join(folder, 'EuRepoC_Receiver_dataset_1.1.csv'), csv(table(V11_RECEIVER, receiverRows)));

    const report = await app.imports.import({ file, format: 'csv', mapping: 'eurepoc' });
    expect(report).toMatchObject({ dataset: 'eurepoc', version: '1.1', read: 5, stored: 3, quarantined: 2 });
    expect(report.problems.map((p) => [p.path, p.reason])).toEqual([
      ['row 4 attribution table', 'not attributed to a state (initiator country "Unknown")'],
      ['row 5 end_date', 'end_date 2018-01-05 is before start_date 2018-10-30: the row contradicts itself'],
    ]);
    expect(report.warnings).toEqual(expect.arrayContaining([
      expect.stringContaining('EuRepoC release 1.1 (from the file name); header layout 1.1'),
      expect.stringMatching(/^joined the attribution table .*EuRepoC_Attribution_dataset_1\.1\.csv: 6 rows for 5 incidents; 1 rows name incidents not in the main table/),
      expect.stringMatching(/^joined the receiver table .*EuRepoC_Receiver_dataset_1\.1\.csv: 6 rows for 3 incidents$/),
    ]));

    const titan = await app.query.incident('eurepoc-11');
    expect(titan.title).toBe('Titan Rain');
    expect(titan.period).toEqual({ start: '2003-01-01', end: '2007-01-01' });
    expect(titan.summary).not.toContain('never copied');
    expect(titan.attributions).toEqual([
      expect.objectContaining({ sponsor: 'CN', relation: 'state-supported', basis: 'government-attribution', confidence: 70, attributedBy: 'receiver government (per EuRepoC)' }),
      expect.objectContaining({ sponsor: 'CN', relation: 'state-supported', basis: 'vendor-report', confidence: 60, attributedBy: 'Symantec' }),
    ]);
    expect(titan.victims).toEqual([
      { state: 'US', category: 'military', sector: 'Military' },
      { state: 'US', category: 'private-sector', sector: 'Defence industry' },
      { state: 'GB', category: 'government', sector: 'Government / ministries' },
    ]);
    expect(titan.activities).toEqual([{ type: 'political-military-espionage', certainty: 'confirmed' }, { type: 'commercial-espionage', certainty: 'possible' }]);
    expect(titan.sources.map((s) => s.publisher)).toEqual(['European Repository of Cyber Incidents (EuRepoC)', 'washingtonpost.com', 'symantec.com']);

    const taiwan = await app.query.incident('eurepoc-4');
    expect(taiwan.attributions[0]).toMatchObject({ sponsor: 'CN', relation: 'unknown', basis: 'media', confidence: 70 });
    expect(taiwan.victims).toEqual([{ state: 'TW', category: 'government' }]);

    // "Not available" end: not coded, so left out; a legal action makes the basis an indictment.
    const carbanak = await app.query.incident('eurepoc-1158');
    expect(carbanak.period).toEqual({ start: '2018-10-25' });
    expect(carbanak.attributions[0]).toMatchObject({ sponsor: 'RU', relation: 'state-organ', basis: 'indictment', confidence: 80, actorName: 'Carbanak/Anunak' });
    expect(carbanak.victims).toEqual([{ state: 'UA', category: 'military', sector: 'Military', entity: 'Ministry of Defence' }]);
    expect(report.notes.find((n) => n.sourceId === '1158')?.notes).toEqual(expect.arrayContaining([expect.stringContaining("receiver 'Eastern Europe' unmapped"), "incident_type 'Hijacking with Misuse' unmapped [eurepoc-type-hijacking-misuse]: A system taken over and used; what for is not one activity type."]));

    // The joined rows are part of the raw unit: a changed attribution updates the incident.
    expect(await app.imports.import({ file, format: 'csv', mapping: 'eurepoc' })).toMatchObject({ stored: 0, unchanged: 3, quarantined: 2 });
    writeFileSync(join(folder, 'EuRepoC_Attribution_dataset_1.1.csv'), csv(table(V11_ATTRIBUTION, attributionRows.map((r) => (r['incident_ID'] === '4' ? { ...r, attributed_initiator_category: 'State' } : r)))));
    const third = await app.imports.import({ file, format: 'csv', mapping: 'eurepoc' });
    expect(third).toMatchObject({ stored: 0, updated: 1, unchanged: 2, quarantined: 2 });
    expect(third.changes).toEqual([{ sourceId: '4', records: [expect.objectContaining({ id: 'eurepoc-4', status: 'changed', fields: ['attributions'] })] }]);
  });

  it('reads the 1.1 main table alone, from its Python-list columns', async () => {
    const { app, dir } = await setup();
    const file = join(dir, 'EuRepoC_Global_Database_1.1.csv');
    writeFileSync(file, csv(table(V11_MAIN, V11_ROWS.slice(0, 1))));
    const report = await app.imports.import({ file, format: 'csv', mapping: 'eurepoc' });
    expect(report).toMatchObject({ read: 1, stored: 1 });
    expect(report.warnings).toEqual(expect.arrayContaining(["no attribution table joined: sponsors come from the main table's initiator columns"]));
    const titan = await app.query.incident('eurepoc-11');
    // The strongest coded basis wins; the nested categories pair with their receiver countries.
    expect(titan.attributions).toEqual([expect.objectContaining({ sponsor: 'CN', relation: 'state-supported', basis: 'government-attribution', confidence: 70 })]);
    expect(titan.victims).toEqual([
      { state: 'US', category: 'government', sector: 'Government / ministries' },
      { state: 'US', category: 'military', sector: 'Military' },
      { state: 'US', category: 'private-sector', sector: 'Defence industry' },
      { state: 'GB', category: 'government', sector: 'Government / ministries' },
    ]);
  });

  it('reads release 1.3 (";"-joined values, dd.mm.yyyy dates) and quarantines unattributed incidents', async () => {
    const { app, dir } = await setup();
    const file = join(dir, 'eurepoc_global_dataset_1_3.csv');
    writeFileSync(file, csv(table(V13_MAIN, [
      { incident_id: '2001', name: 'Ministry phishing', start_date: '14.02.2021', end_date: '01.03.2021', incident_type: 'Data theft & Doxing', receiver_country: 'Germany', receiver_category: `${GOV};Media`, receiver_subcategory: 'Government / ministries;', initiator_country: 'Russia', initiator_category: 'State', attribution_basis: 'Attribution by receiver government / state entity', il_breach_indicator: 'Not available' },
      { incident_id: '2002', name: 'Unattributed wiper', start_date: '03.05.2022', end_date: 'Not available', incident_type: 'Disruption', receiver_country: 'Ukraine', initiator_country: 'Not attributed', initiator_category: 'Unknown - not attributed' },
      { incident_id: '2003', name: 'Regional campaign', start_date: '2022', incident_type: 'Ransomware', receiver_country: 'France;Japan', receiver_category: `${GOV};${CORPORATE}`, initiator_country: "Korea, Democratic People's Republic of", initiator_category: 'State' },
      { incident_id: '2004', name: 'Bad date', start_date: '31.02.2022', incident_type: 'Disruption', receiver_country: 'Estonia', initiator_country: 'Russia' },
    ])));
    const report = await app.imports.import({ file, format: 'csv', mapping: 'eurepoc' });
    expect(report).toMatchObject({ version: '1.3', read: 4, stored: 2, quarantined: 2 });
    expect(report.problems.map((p) => [p.path, p.reason])).toEqual([
      ['row 3 initiator_country', 'not attributed to a state (initiator country "Not attributed")'],
      ['row 5 start_date', 'start_date "31.02.2022" is not a date in the dd.mm.yyyy format'],
    ]);
    const phishing = await app.query.incident('eurepoc-2001');
    expect(phishing.period).toEqual({ start: '2021-02-14', end: '2021-03-01' });
    expect(phishing.victims).toEqual([{ state: 'DE', category: 'government', sector: 'Government / ministries' }, { state: 'DE', category: 'civil-society' }]);
    expect(phishing.activities).toEqual([{ type: 'political-military-espionage', certainty: 'confirmed' }, { type: 'influence-operation', certainty: 'confirmed' }]);
    const regional = await app.query.incident('eurepoc-2003');
    expect(regional.period).toEqual({ start: '2022' });
    expect(regional.attributions[0]).toMatchObject({ sponsor: 'KP', relation: 'state-organ' });
    // Flat categories of two receivers cannot be paired with them.
    expect(regional.victims).toEqual([{ state: 'FR' }, { state: 'JP' }]);
    expect(regional.activities).toEqual([{ type: 'disruption', certainty: 'confirmed' }, { type: 'financial-theft', certainty: 'possible' }]);
  });

  it('joins the attribution and receiver sheets of a workbook', async () => {
    const { app, dir } = await setup();
    const workbook = new ExcelJS.Workbook();
    const add = (name: string, rows: string[][]): void => {
      const sheet = workbook.addWorksheet(name);
      for (const r of rows) sheet.addRow(r);
    };
    add('README', [['EuRepoC global dataset 1.3'], ['Licence: CC BY 4.0']]);
    add('incidents', table(V13_MAIN, [{ incident_id: '3001', name: 'Grid intrusion', start_date: '10.10.2020', incident_type: 'Data theft', receiver_country: 'Not available', initiator_country: 'Not available' }]));
    add('attributions', table(V13_ATTRIBUTION, [{ attribution_id: '1', incident_id: '3001', attribution_basis: 'IT-security community attributes attacker', attributing_company: 'Mandiant', initiator_name: 'APT28', initiator_alpha_2: 'RU', initiator_country: 'Russia', initiator_category: 'State' }]));
    add('receivers', table(V13_RECEIVER, [{ receiver_id: 'r1', incident_id: '3001', receiver_country: 'Norway', receiver_country_alpha_2_code: 'NO', receiver_category: 'Critical infrastructure', receiver_subcategory: 'Energy' }]));
    const file = join(dir, 'eurepoc_1_3.xlsx');
    await workbook.xlsx.writeFile(file);
    const report = await app.imports.import({ file, format: 'xlsx', mapping: 'eurepoc' });
    expect(report).toMatchObject({ read: 1, stored: 1, quarantined: 0 });
    expect(report.warnings).toEqual(expect.arrayContaining([expect.stringContaining('joined the attribution table'), expect.stringContaining('(sheet "receivers")'), 'sheet "README" (1 rows) not imported: it is not the eurepoc incident table']));
    const grid = await app.query.incident('eurepoc-3001');
    expect(grid.attributions).toEqual([expect.objectContaining({ sponsor: 'RU', relation: 'state-organ', basis: 'vendor-report', attributedBy: 'Mandiant', actorName: 'APT28' })]);
    expect(grid.victims).toEqual([{ state: 'NO', category: 'critical-infrastructure', sector: 'Energy' }]);
    expect(grid.activities).toEqual([{ type: 'commercial-espionage', certainty: 'possible' }]);
  });
});
