import { AGREEMENT_TYPE, COMMITMENT_TYPE, PACTWATCH_EXTENSION_ID, PACTWATCH_IDENTITY_ID, partyIds, rfc3986Url, stixBundleJson, stixId, toStixBundle, type StixObject } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { stixWorld } from './stix-fixture.js';
import { haveStixSchemas, stixValidator } from './stix-schema-validator.js';

function find(objects: readonly StixObject[], id: string): StixObject {
  const object = objects.find((o) => o.id === id);
  if (object === undefined) throw new Error(`no ${id}`);
  return object;
}

const links = (objects: readonly StixObject[], source: string, type: string): StixObject[] => objects.filter((o) => o.type === 'relationship' && o['source_ref'] === source && o['relationship_type'] === type);

describe('STIX 2.1 export (pure converters)', () => {
  it('is byte-identical on repeat and whatever order the records come in', () => {
    const { input, agreements, incidents, actors, findings } = stixWorld();
    const first = stixBundleJson(toStixBundle(input));
    expect(stixBundleJson(toStixBundle(input))).toBe(first);
    const reversed = stixBundleJson(toStixBundle({ agreements: [...agreements].reverse(), incidents: [...incidents].reverse(), actors: [...actors].reverse(), findings: [...findings].reverse() }));
    expect(reversed).toBe(first);
    const bundle = JSON.parse(first) as { id: string; objects: StixObject[] };
    const types = bundle.objects.map((o) => o.type);
    expect(types[0]).toBe('extension-definition');
    expect(types.indexOf('relationship')).toBeGreaterThan(types.lastIndexOf('note'));
    expect(first.endsWith('}\n')).toBe(true);
  });

  it('changes the bundle id when the content changes', () => {
    const { input, incidents } = stixWorld();
    const changed = toStixBundle({ ...input, incidents: incidents.map((i) => ({ ...i, title: `${i.title}!` })) });
    expect(changed.id).not.toBe(toStixBundle(input).id);
  });

  it('maps countries to locations and sponsors to nation-state threat-actors located there', () => {
    const { objects } = toStixBundle(stixWorld().input);
    expect(find(objects, partyIds.country('CN'))).toMatchObject({ type: 'location', name: 'China', country: 'CN' });
    expect(objects.filter((o) => o.type === 'location').map((o) => o['country'])).toEqual(expect.arrayContaining(['CN', 'US', 'RU', 'DE']));
    const sponsor = find(objects, partyIds.stateSponsor('RU'));
    expect(sponsor).toMatchObject({ type: 'threat-actor', threat_actor_types: ['nation-state'], roles: ['sponsor'], resource_level: 'government' });
    expect(links(objects, sponsor.id, 'located-at').map((r) => r['target_ref'])).toEqual([partyIds.country('RU')]);
  });

  it('links an incident to the sponsor state and the named actor with the attribution confidence, and to its victims', () => {
    const { objects } = toStixBundle(stixWorld().input);
    const incident = find(objects, stixId('incident', 'incident', 'acme-theft-2016'));
    expect(incident).toMatchObject({ name: 'Test incident', description: 'Something happened.', created: '2016-06-01T00:00:00.000Z', modified: '2017-11-27T00:00:00.000Z', created_by_ref: PACTWATCH_IDENTITY_ID });
    expect(incident['external_references']).toEqual([{ source_name: 'pactwatch', external_id: 'acme-theft-2016' }, { source_name: 'DOJ', description: 'Indictment (2017-11-27)', url: 'https://www.justice.gov/opa/pr/x' }]);
    const attributed = links(objects, incident.id, 'attributed-to').map((r) => [r['target_ref'], r['confidence']]);
    expect(attributed).toEqual(
      expect.arrayContaining([
        [partyIds.stateSponsor('CN'), 85],
        [partyIds.actor('apt3'), 85],
        [partyIds.stateSponsor('RU'), 40],
        [partyIds.namedActor('Cozy Bear'), 40],
      ]),
    );
    expect(attributed).toHaveLength(4);
    const ru = links(objects, incident.id, 'attributed-to').find((r) => r['target_ref'] === partyIds.stateSponsor('RU'));
    expect(ru?.['x_pactwatch_relation']).toBe('unknown');
    expect(ru?.['extensions']).toEqual({ [PACTWATCH_EXTENSION_ID]: { extension_type: 'toplevel-property-extension' } });
    expect(ru?.['description']).toBe('Attributed to Russia (actor: Cozy Bear) by unnamed officials; Reuters; relation to the state: Unknown; basis: Media');
    const targets = links(objects, incident.id, 'targets').map((r) => r['target_ref']);
    expect(targets.sort()).toEqual([partyIds.country('DE'), partyIds.country('US'), partyIds.victim('US', 'Acme Corp')].sort());
    // Two victim rows naming the same entity in two spellings: one identity, one link.
    expect(objects.filter((o) => o.type === 'identity' && o.id !== PACTWATCH_IDENTITY_ID).map((o) => o['name'])).toEqual(['Acme Corp']);
    expect(links(objects, partyIds.victim('US', 'acme corp'), 'located-at').map((r) => r['target_ref'])).toEqual([partyIds.country('US')]);
  });

  it('keeps catalogued actors as intrusion-sets attributed to their sponsor, and merges spellings of named actors', () => {
    const { objects } = toStixBundle(stixWorld().input);
    const apt3 = find(objects, partyIds.actor('apt3'));
    expect(apt3).toMatchObject({ type: 'intrusion-set', name: 'APT3', aliases: ['Gothic Panda', 'UPS Team'], created: '2015-06-23T00:00:00.000Z' });
    expect(links(objects, apt3.id, 'attributed-to').map((r) => [r['target_ref'], r['confidence']])).toEqual([[partyIds.stateSponsor('CN'), 80]]);
    expect(find(objects, partyIds.namedActor('COZY BEAR'))).toMatchObject({ name: 'Cozy Bear', aliases: ['cozy bear'] });
  });

  it('writes agreements and commitments as custom SDOs declared by the new-sdo extension definition', () => {
    const { objects } = toStixBundle(stixWorld().input);
    const definition = find(objects, PACTWATCH_EXTENSION_ID);
    expect(definition).toMatchObject({ type: 'extension-definition', name: 'pactwatch', version: '1.0.0', extension_types: ['new-sdo', 'property-extension', 'toplevel-property-extension'], extension_properties: ['x_pactwatch_relation'] });
    expect(String(definition['schema'])).toContain(AGREEMENT_TYPE);
    const agreement = find(objects, stixId(AGREEMENT_TYPE, 'agreement', 'us-cn-test'));
    expect(agreement).toMatchObject({
      name: 'Test accord',
      short_title: 'US-China accord',
      kind: 'joint-statement',
      status: 'announced',
      signed: '2015-09-25',
      in_force: '2015-09-25',
      parties: [{ state: 'US' }, { state: 'CN' }],
      party_refs: [partyIds.country('US'), partyIds.country('CN')],
      disputes: [{ field: 'status', note: 'contested reading', status: 'disagree' }],
      extensions: { [PACTWATCH_EXTENSION_ID]: { extension_type: 'new-sdo' } },
      created: '2015-09-25T00:00:00.000Z',
    });
    const refs = agreement['commitment_refs'] as string[];
    expect(refs).toEqual([stixId(COMMITMENT_TYPE, 'commitment', 'us-cn-test/no-ip-theft'), stixId(COMMITMENT_TYPE, 'commitment', 'us-cn-test/cooperate')]);
    const cooperate = find(objects, refs[1] ?? '');
    expect(cooperate).toMatchObject({
      type: COMMITMENT_TYPE,
      name: 'Respond to requests',
      description: 'provide timely responses to requests for information',
      agreement_ref: agreement.id,
      obligation: 'cooperate',
      source: { publisher: 'White House', title: 'Fact sheet', quote: 'timely responses', quote_status: 'verbatim' },
      expectation: { event_kinds: ['dialogue-round'], every_months: 6 },
    });
    expect(cooperate).not.toHaveProperty('disputes');
    expect(agreement['external_references']).toContainEqual({ source_name: 'White House', description: 'Fact sheet (2015-09-25)', url: 'https://obamawhitehouse.archives.gov/fact%20sheet' });
  });

  it('writes findings as notes on the incident and the commitment, with the verdict and the trace', () => {
    const { input, findings } = stixWorld();
    const { objects } = toStixBundle(input);
    const notes = objects.filter((o) => o.type === 'note');
    expect(notes).toHaveLength(findings.length);
    const breach = findings.find((f) => f.incidentId === 'acme-theft-2016');
    if (breach === undefined) throw new Error('fixture has no finding on acme-theft-2016');
    const note = find(objects, stixId('note', 'finding', `${breach.commitmentId}|acme-theft-2016`));
    expect(note['object_refs']).toEqual([stixId('incident', 'incident', 'acme-theft-2016'), stixId(COMMITMENT_TYPE, 'commitment', 'us-cn-test/no-ip-theft')]);
    expect(note['labels']).toEqual(['pactwatch-finding', breach.verdict]);
    expect(note['abstract']).toBe(`${breach.verdict}: acme-theft-2016 × us-cn-test/no-ip-theft`);
    const content = String(note['content']);
    expect(content).toContain(`Verdict: ${breach.verdict} (rule ${breach.rule})`);
    for (const check of breach.checks) expect(content).toContain(`- ${check.dimension}: ${check.value} — ${check.reason}`);
    expect(content).toContain('Analyst override: possible-breach by analyst (2024-01-02T03:04:05.000Z): attribution contested');
    // Created when both records existed; modified by the override.
    expect(note).toMatchObject({ created: '2016-06-01T00:00:00.000Z', modified: '2024-01-02T03:04:05.000Z' });
    const extension = (note['extensions'] as Record<string, Record<string, unknown>>)[PACTWATCH_EXTENSION_ID];
    expect(extension).toMatchObject({ extension_type: 'property-extension', verdict: breach.verdict, rule: breach.rule, sponsor: 'CN', victim: 'US', attribution_index: 0, commitment_id: 'us-cn-test/no-ip-theft' });
    expect((extension?.['checks'] as unknown[]).length).toBe(7);
  });

  it('dates records from their own dates: open-start periods and undated sources fall back to the period end', () => {
    const { objects } = toStixBundle(stixWorld().input);
    expect(find(objects, stixId('incident', 'incident', 'influence-2017'))).toMatchObject({ created: '2017-05-12T00:00:00.000Z', modified: '2017-05-12T00:00:00.000Z' });
    expect(find(objects, partyIds.country('CN'))).toMatchObject({ created: '2021-06-10T00:00:00.000Z', modified: '2021-06-10T00:00:00.000Z' });
  });

  it('writes source URLs as RFC 3986 URIs: spaces, non-ASCII and stray percent signs escaped, escapes kept', () => {
    expect(rfc3986Url('https://example.org/a b/ü?q=100%&r=%41#frag')).toBe('https://example.org/a%20b/%C3%BC?q=100%25&r=%41#frag');
    expect(rfc3986Url('https://example.org/plain?x=1')).toBe('https://example.org/plain?x=1');
  });

  describe.skipIf(!haveStixSchemas)('against the OASIS STIX 2.1 JSON Schemas', () => {
    it('validates every object against its own type schema (custom objects against core) with every reference inside the bundle', () => {
      const bundle = toStixBundle(stixWorld().input);
      expect(new Set(bundle.objects.map((o) => o.type))).toEqual(new Set(['extension-definition', 'identity', 'location', 'threat-actor', 'intrusion-set', AGREEMENT_TYPE, COMMITMENT_TYPE, 'incident', 'note', 'relationship']));
      expect(stixValidator().bundleErrors(JSON.parse(stixBundleJson(bundle)))).toEqual([]);
    });

    it('is a real check: the validator rejects what STIX forbids', () => {
      const validator = stixValidator();
      const [location] = toStixBundle(stixWorld().input).objects.filter((o) => o.type === 'location');
      expect(validator.errors(location)).toBe('');
      expect(validator.errors({ ...location, labels: [] })).toContain('/labels');
      expect(validator.errors({ ...location, id: 'location--6ba7b810-9dad-71d1-80b4-00c04fd430c8' })).toContain('/id');
      expect(validator.errors({ ...location, created: '2015-09-25T00:00:00Z' })).toContain('/created');
      expect(validator.errors({ ...location, country: undefined })).not.toBe('');
      expect(validator.errors({ type: AGREEMENT_TYPE, spec_version: '2.1', id: stixId(AGREEMENT_TYPE, 'agreement', 'x'), created: '2015-09-25T00:00:00.000Z', modified: '2015-09-25T00:00:00.000Z', disputes: [] })).toContain('/disputes');
      expect(validator.bundleErrors({ type: 'bundle', id: 'bundle--1', objects: [location, location] })).toEqual(expect.arrayContaining(['bundle: bad id bundle--1', `${String(location?.id)}: duplicate id`]));
    });
  });
});
