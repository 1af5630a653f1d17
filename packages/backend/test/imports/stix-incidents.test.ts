import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRepositories, defaultImporters, importedRecordId, type Pactwatch } from '@pactwatch/backend';
import { describe, expect, it } from 'vitest';
import { workspace } from '../helpers.js';

// These bundles are written here (the OASIS examples hold no incident or location objects); they
// are validated against the official schemas, which live beside the repository.
const SCHEMAS = '/work/shared/data/stix2-json-schemas/schemas';
const HAVE_DATA = existsSync(SCHEMAS);
const title = HAVE_DATA ? 'STIX incidents and attribution chains' : 'STIX incidents and attribution chains (skipped: /work/shared/data is missing)';

const T = '2021-03-04T05:06:07.000Z';
let counter = 0;
/** A STIX id with a fixed, valid UUID v4, numbered so every object differs. */
const sid = (type: string): string => `${type}--00000000-0000-4000-8000-${String((counter += 1)).padStart(12, '0')}`;
const base = (type: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ type, spec_version: '2.1', id: sid(type), created: T, modified: T, ...extra });
const rel = (source: Record<string, unknown>, type: string, target: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> =>
  base('relationship', { relationship_type: type, source_ref: source['id'], target_ref: target['id'], ...extra });
const bundle = (objects: Array<Record<string, unknown>>, id = 'bundle--11111111-2222-4333-8444-555555555555'): string => JSON.stringify({ type: 'bundle', id, objects }, null, 2);

/** A vendor, an actor chain ending in China, a victim in the United States, and an incident joining them. */
function scenario() {
  const vendor = base('identity', { name: 'Example Threat Intel', identity_class: 'organization', sectors: ['technology'] });
  const china = base('location', { name: 'China', country: 'cn' });
  const us = base('location', { name: 'United States', country: 'US' });
  const group = base('intrusion-set', { name: 'APT Example', aliases: ['Example Panda'], created_by_ref: vendor['id'] });
  const ministry = base('identity', { name: 'Ministry of Examples', identity_class: 'organization', sectors: ['government-national'] });
  const victim = base('identity', { name: 'Acme Power', identity_class: 'organization', sectors: ['energy', 'technology'] });
  const malware = base('malware', { name: 'ExampleRAT', is_family: true });
  const incident = base('incident', { name: 'Acme Power intrusion', description: 'Intrusion into a power utility.', first_seen: '2016-02-01T00:00:00.000Z', last_seen: '2016-05-20T00:00:00.000Z', created_by_ref: vendor['id'] });
  const report = base('report', { name: 'Acme Power incident report', published: '2016-07-01T00:00:00.000Z', object_refs: [incident['id']], created_by_ref: vendor['id'] });
  const objects = [
    vendor, china, us, group, ministry, victim, malware, incident, report,
    rel(incident, 'attributed-to', group, { confidence: 85, x_pactwatch_relation: 'state-organ' }),
    rel(group, 'attributed-to', ministry),
    rel(ministry, 'located-at', china),
    rel(incident, 'targets', victim),
    rel(victim, 'located-at', us),
    rel(incident, 'uses', malware),
  ];
  return { objects, vendor, china, us, group, ministry, victim, incident, report };
}

async function actor(app: Pactwatch, id: string) {
  const found = (await createRepositories(app.db).actors.listAll()).find((a) => a.id === id);
  if (found === undefined) throw new Error(`no actor ${id}`);
  return found;
}

describe.skipIf(!HAVE_DATA)(title, () => {
  it('maps an incident: attribution by following the chain to a country, victims from targets, dates, sources, means', async () => {
    const ws = workspace();
    const app = await ws.open();
    const s = scenario();
    const file = join(ws.dir, 'incident.json');
    writeFileSync(file, bundle(s.objects));
    const report = await app.imports.import({ file, format: 'stix' });
    expect(report).toMatchObject({ dataset: 'stix:bundle--11111111-2222-4333-8444-555555555555', read: 15, stored: 15, quarantined: 0, records: { incidents: 1, actors: 1 } });

    const dataset = 'stix:bundle--11111111-2222-4333-8444-555555555555';
    const incident = await app.query.incident(importedRecordId(dataset, String(s.incident['id'])));
    expect(incident.title).toBe('Acme Power intrusion');
    expect(incident.summary).toBe('Intrusion into a power utility.');
    expect(incident.period).toEqual({ start: '2016-02-01', end: '2016-05-20' });
    expect(incident.disclosed).toBe('2016-07-01');
    expect(incident.means).toEqual(['cyber']);
    expect(incident.activities).toEqual([]);
    expect(incident.attributions).toHaveLength(1);
    const [attribution] = incident.attributions;
    expect(attribution).toMatchObject({
      sponsor: 'CN',
      actor: importedRecordId(dataset, String(s.group['id'])),
      actorName: 'APT Example',
      relation: 'state-organ',
      // The relationship states 85; nothing else in the chain states a confidence.
      confidence: 85,
      basis: 'vendor-report',
    });
    expect(attribution?.attributedBy).toBe("Example Threat Intel: incident 'Acme Power intrusion' → attributed-to → intrusion-set 'APT Example' → attributed-to → identity 'Ministry of Examples' → located-at → location 'China' (country CN)");
    expect(incident.victims).toEqual([
      { state: 'US', category: 'critical-infrastructure', sector: 'energy', entity: 'Acme Power' },
      { state: 'US', category: 'private-sector', sector: 'technology', entity: 'Acme Power' },
    ]);
    expect(incident.sources).toEqual([{ publisher: 'Example Threat Intel', title: 'Acme Power incident report', date: '2016-07-01' }]);
    expect(incident.provenance).toMatchObject({ origin: 'imported', dataset, recordId: s.incident['id'] });

    const group = await actor(app, importedRecordId(dataset, String(s.group['id'])));
    expect(group).toMatchObject({ name: 'APT Example', aliases: ['Example Panda'], sponsor: 'CN', sponsorConfidence: 50 });
    expect(group.description).toContain("from the STIX relationships: intrusion-set 'APT Example' → attributed-to → identity 'Ministry of Examples' → located-at → location 'China' (country CN)");

    const again = await app.imports.import({ file, format: 'stix' });
    expect(again).toMatchObject({ read: 15, stored: 0, updated: 0, unchanged: 15, quarantined: 0 });
  });

  it('keeps an incident with no sponsor or no victim state as a raw unit with a note, not in quarantine', async () => {
    const ws = workspace();
    const app = await ws.open();
    const group = base('intrusion-set', { name: 'Nameless' });
    const victim = base('identity', { name: 'Somewhere Corp', identity_class: 'organization' });
    const orphan = base('incident', { name: 'Unattributed intrusion' });
    const file = join(ws.dir, 'orphan.json');
    writeFileSync(file, bundle([group, victim, orphan, rel(orphan, 'attributed-to', group), rel(orphan, 'targets', victim)], 'bundle--21111111-2222-4333-8444-555555555555'));
    const report = await app.imports.import({ file, format: 'stix' });
    expect(report).toMatchObject({ read: 5, stored: 5, quarantined: 0, records: { incidents: 0, actors: 1 } });
    expect(report.warnings).toContain("1 incident object kept raw: no attribution reaching a state or no victim state (see each unit's notes)");

    const parsed = await defaultImporters().get('stix')?.parse({ path: file, bytes: Buffer.from(bundle([group, victim, orphan, rel(orphan, 'attributed-to', group), rel(orphan, 'targets', victim)])), fileHash: '0'.repeat(64) });
    const unit = parsed?.units.find((u) => u.sourceId === orphan['id']);
    expect(unit?.records).toEqual([]);
    expect(unit?.notes).toEqual([
      'kept raw, not an incident: no attribution reaches a sponsor state; no victim in a state (targets → identity/location with a country)',
      "attributed to intrusion-set 'Nameless', but no chain from it reaches a state",
      "targets identity 'Somewhere Corp', which has no located-at location with a country",
    ]);
  });

  it('follows revoked-by to the replacement, takes the lowest stated confidence, and reads a government creator as a government attribution', async () => {
    const ws = workspace();
    const app = await ws.open();
    const agency = base('identity', { name: 'National Cyber Agency', identity_class: 'organization', sectors: ['government-national'] });
    const russia = base('location', { name: 'Russian Federation', country: 'RU' });
    const ukraine = base('location', { name: 'Ukraine', country: 'UA' });
    const old = base('intrusion-set', { name: 'Old Bear', revoked: true });
    const current = base('threat-actor', { name: 'Current Bear', threat_actor_types: ['nation-state'], confidence: 60 });
    const incident = base('incident', { name: 'Grid outage', created_by_ref: agency['id'] });
    const file = join(ws.dir, 'revoked.json');
    writeFileSync(
      file,
      bundle([agency, russia, ukraine, old, current, incident, rel(old, 'revoked-by', current), rel(current, 'located-at', russia, { confidence: 90 }), rel(incident, 'attributed-to', old), rel(incident, 'targets', ukraine)], 'bundle--31111111-2222-4333-8444-555555555555'),
    );
    const report = await app.imports.import({ file, format: 'stix' });
    // The revoked intrusion set is kept raw only; the threat actor is the live actor.
    expect(report).toMatchObject({ read: 10, stored: 10, quarantined: 0, records: { incidents: 1, actors: 1 } });
    const dataset = 'stix:bundle--31111111-2222-4333-8444-555555555555';
    const stored = await app.query.incident(importedRecordId(dataset, String(incident['id'])));
    expect(stored.period).toEqual({ start: '2021-03-04' });
    expect(stored.summary).toBe('No description in source');
    expect(stored.victims).toEqual([{ state: 'UA' }]);
    expect(stored.attributions).toEqual([
      expect.objectContaining({ sponsor: 'RU', confidence: 60, relation: 'unknown', basis: 'government-attribution', actorName: 'Old Bear' }),
    ]);
    // The revoked object has no record, so the attribution names it but links no actor id.
    expect(stored.attributions[0]?.actor).toBeUndefined();
    expect(stored.attributions[0]?.attributedBy).toContain("intrusion-set 'Old Bear' → revoked-by → threat-actor 'Current Bear' → located-at → location 'Russian Federation' (country RU)");
  });

  it('keeps notes, opinions, extension definitions and custom objects raw, and names the field of a schema failure', async () => {
    const ws = workspace();
    const app = await ws.open();
    const noted = base('threat-actor', { name: 'Noted Actor' });
    const note = base('note', { content: 'Analyst note.', object_refs: [noted['id']] });
    const opinion = base('opinion', { opinion: 'agree', object_refs: [noted['id']] });
    const extension = base('extension-definition', { name: 'Example extension', schema: 'https://example.org/schema', version: '1.0', extension_types: ['new-sdo'], created_by_ref: 'identity--00000000-0000-4000-8000-000000000999' });
    const custom = base('x-example-thing', { name: 'Custom', x_example_score: 3 });
    const broken = base('location', { name: 'Nowhere' });
    const file = join(ws.dir, 'raw.json');
    writeFileSync(file, bundle([noted, note, opinion, extension, custom, broken], 'bundle--41111111-2222-4333-8444-555555555555'));
    const report = await app.imports.import({ file, format: 'stix' });
    expect(report).toMatchObject({ read: 6, stored: 5, quarantined: 1, records: { actors: 1, incidents: 0 } });
    // location.json requires one of region, country or latitude/longitude.
    expect(report.problems).toEqual([{ file, path: `object ${String(broken['id'])} /region`, reason: '/region is missing (schema #/allOf/2/anyOf/0/required)' }]);
    const raw = await app.db.selectFrom('source_object').select(['object_id', 'object_type']).where('dataset', '=', 'stix:bundle--41111111-2222-4333-8444-555555555555').orderBy('object_type').execute();
    expect(raw.map((r) => r.object_type)).toEqual(['extension-definition', 'note', 'opinion', 'threat-actor', 'x-example-thing']);
  });
});
