import { existsSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { incidentYaml } from '../helpers.js';

/** Third-party data beside the repository (see /work/shared/data/SOURCES.md); tests skip without it. */
export const SHARED_DATA = '/work/shared/data';
export const STIX_SCHEMAS = `${SHARED_DATA}/stix2-json-schemas/schemas`;
export const HAVE_SHARED_DATA = existsSync(STIX_SCHEMAS) && existsSync(`${SHARED_DATA}/misp-galaxy/clusters/threat-actor.json`);

export const CFR_CSV = [
  'Title,Date,Affiliations,Description,Response,Victims,Sponsor,Type,Category,Sources_1,Sources_2,Sources_3',
  'Cloud Hopper,12/20/2018,APT 10,Text.,,"United States, Japan",China,Espionage,Private sector,https://www.justice.gov/opa/pr/x,,',
  'Shamoon,8/15/2012,,Text.,,Saudi Arabia,Iran (Islamic Republic of),Data destruction,Private sector,https://www.nytimes.com/shamoon,,',
  'Unknown sponsor,1/5/2020,,Text.,,France,Atlantis,Espionage,Government,,,',
].join('\r\n');

/** A team's own sheet and the mapping that reads it (the mapping text is fuzzed too). */
export const OWN_CSV = [
  'Case ID,Operation,Began,Attributed to,Victims,Kind,Confidence',
  'AC-001,Lotus,20/01/2022,China,Japan; Vietnam,Espionage,75',
  'AC-002,Birch,03/02/2021,Russia,Ukraine,DDoS,',
].join('\n');
export const OWN_MAPPING = `dataset: acme-incidents
version: "2024.1"
recordId: Case ID
title: Operation
start: { column: Began, format: dd/mm/yyyy }
sponsors: { column: Attributed to, separator: ";" }
victims: { column: Victims, separator: ";" }
activities:
  column: Kind
  map:
    Espionage: espionage
    DDoS: disruption
confidence: { column: Confidence, default: 60 }
`;

export async function cfrWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Incidents');
  for (const line of CFR_CSV.split('\r\n')) sheet.addRow(line.match(/("[^"]*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '')).slice(0, 12) ?? []);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const T = '2021-03-04T05:06:07.000Z';
let counter = 0;
const sid = (type: string): string => `${type}--00000000-0000-4000-8000-${String((counter += 1)).padStart(12, '0')}`;
const base = (type: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ type, spec_version: '2.1', id: sid(type), created: T, modified: T, ...extra });
const rel = (source: Record<string, unknown>, type: string, target: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> =>
  base('relationship', { relationship_type: type, source_ref: source['id'], target_ref: target['id'], ...extra });

/** An incident attributed through a chain to China, with a victim in the US (as stix-incidents.test.ts). */
export function stixIncidentBundle(): string {
  const vendor = base('identity', { name: 'Example Threat Intel', identity_class: 'organization' });
  const china = base('location', { name: 'China', country: 'cn' });
  const us = base('location', { name: 'United States', country: 'US' });
  const group = base('intrusion-set', { name: 'APT Example', aliases: ['Example Panda'] });
  const victim = base('identity', { name: 'Acme Power', identity_class: 'organization', sectors: ['energy'] });
  const incident = base('incident', { name: 'Acme Power intrusion', description: 'Intrusion.', first_seen: '2016-02-01T00:00:00.000Z', created_by_ref: vendor['id'] });
  const objects = [vendor, china, us, group, victim, incident, rel(incident, 'attributed-to', group, { confidence: 85 }), rel(group, 'located-at', china), rel(incident, 'targets', victim), rel(victim, 'located-at', us)];
  return JSON.stringify({ type: 'bundle', id: 'bundle--11111111-2222-4333-8444-555555555555', objects }, null, 1);
}

export function stixSeeds(): string[] {
  const examples = `${SHARED_DATA}/stix-examples/examples/example_json`;
  return [stixIncidentBundle(), ...['threat-actor-leveraging-attack-patterns-and-malware.json', 'identifying-a-threat-actor-profile.json'].map((f) => readFileSync(`${examples}/${f}`, 'utf8'))];
}

/** A MISP threat-actor cluster file cut to a few actors that name a country. */
export function mispSeed(): string {
  const file = JSON.parse(readFileSync(`${SHARED_DATA}/misp-galaxy/clusters/threat-actor.json`, 'utf8')) as { values: Array<{ meta?: Record<string, unknown> }> };
  return JSON.stringify({ ...file, values: file.values.filter((v) => v.meta?.['country'] !== undefined).slice(0, 4) }, null, 1);
}

/** A native dataset file (`pactwatch export --format json`) with one actor and one incident. */
export function nativeSeed(): string {
  const incident = {
    id: 'fuzz-incident',
    title: 'Fuzz incident',
    summary: 'Something happened.',
    period: { start: '2016-03' },
    activities: [{ type: 'commercial-espionage' }],
    means: ['cyber'],
    attributions: [{ sponsor: 'CN', actor: 'fuzz-actor', relation: 'state-organ', confidence: 85, basis: 'indictment', attributedBy: 'DOJ' }],
    victims: [{ state: 'US', category: 'private-sector' }],
    sources: [{ publisher: 'Test', title: 'Source', url: 'https://example.org/a' }],
    provenance: { origin: 'added', note: 'fuzz' },
  };
  const actor = { id: 'fuzz-actor', name: 'Fuzz Actor', aliases: ['FA'], sponsor: 'CN' };
  return JSON.stringify({ format: 'pactwatch', version: 1, actors: [actor], incidents: [incident] }, null, 1);
}

export const DATASET_SEED = incidentYaml('fuzz-yaml-incident');

export const RSS_SEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Cyber news</title>
<item><title>APT 10 indicted</title><link>https://example.org/a</link><guid>a-1</guid><pubDate>Tue, 20 Dec 2018 10:00:00 GMT</pubDate><description><![CDATA[<p>Chinese hackers &amp; friends</p>]]></description></item>
<item><title>Shamoon returns</title><link>https://example.org/b</link><category>wiper</category></item>
</channel></rss>`;

export const ATOM_SEED = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom news</title>
<entry><id>urn:x:1</id><title type="html">Leak &lt;b&gt;found&lt;/b&gt;</title><link rel="alternate" href="https://example.org/c"/><updated>2020-01-01T00:00:00Z</updated><summary>Text</summary></entry>
</feed>`;
