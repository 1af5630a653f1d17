import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRepositories, type Pactwatch } from '@pactwatch/backend';
import { PACTWATCH_EXTENSION_ID, PACTWATCH_IDENTITY_ID, type Incident } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { isPactwatchBundle } from '../../src/imports/stix/pactwatch-bundle.js';
import { exportWorkspace } from '../exports/export-fixture.js';
import { incidentYaml, workspace } from '../helpers.js';

interface BundleObject {
  readonly type: string;
  readonly id: string;
  readonly [key: string]: unknown;
}

interface Bundle {
  readonly type: 'bundle';
  readonly id: string;
  readonly objects: BundleObject[];
}

const byId = <T extends { id: string }>(list: readonly T[]): T[] => [...list].sort((a, b) => a.id.localeCompare(b.id));

/** The fixture store and its STIX export, parsed. */
async function exported(): Promise<{ source: Pactwatch; ws: ReturnType<typeof workspace>; bundle: Bundle }> {
  const { ws, app } = await exportWorkspace();
  const text = (await app.exports.export({ format: 'stix' })).text;
  return { source: app, ws, bundle: JSON.parse(text) as Bundle };
}

function writeBundle(bundle: Bundle | string): string {
  const file = join(workspace().dir, 'bundle.json');
  writeFileSync(file, typeof bundle === 'string' ? bundle : JSON.stringify(bundle));
  return file;
}

/** The incident object whose pactwatch id is `id`. */
function incidentObject(bundle: Bundle, id: string): BundleObject {
  const found = bundle.objects.find((o) => o.type === 'incident' && JSON.stringify(o['external_references']).includes(`"external_id":"${id}"`));
  if (found === undefined) throw new Error(`no incident ${id} in the bundle`);
  return found;
}

async function actors(app: Pactwatch): Promise<Awaited<ReturnType<ReturnType<typeof createRepositories>['actors']['listAll']>>> {
  return createRepositories(app.db).actors.listAll();
}

describe("STIX import of pactwatch's own bundles (packages/backend/src/imports/stix/pactwatch-*.ts)", () => {
  it('restores incidents and catalogued actors exactly (ids, provenance, attributions, victims, dates), keeps every object raw, and makes no actor of sponsor states or named-only actors', async () => {
    const { source, bundle } = await exported();
    const target = await workspace().open();
    const report = await target.imports.import({ file: writeBundle(bundle), format: 'stix' });
    expect(report).toMatchObject({ dataset: 'pactwatch-stix', version: null, read: bundle.objects.length, stored: bundle.objects.length, quarantined: 0, records: { incidents: 3, actors: 1 } });
    expect(byId(await target.query.incidents())).toEqual(byId(await source.query.incidents()));
    expect(await actors(target)).toEqual(await actors(source));
    expect((await target.query.incident('tricky')).provenance).toEqual({ origin: 'seed-article', seeds: ['burgess-2017'] });
    // The bundle names CN and RU as sponsor states and APT3 as a catalogued actor: one actor only.
    expect(bundle.objects.filter((o) => o.type === 'threat-actor').length).toBeGreaterThanOrEqual(2);
    const sponsorState = bundle.objects.find((o) => o.type === 'threat-actor');
    expect(report.notes.find((n) => n.sourceId === sponsorState?.id)?.notes.join('\n')).toContain("pactwatch's stand-in for a sponsor state");
    expect(report.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^a bundle pactwatch exported: incidents and catalogued actors are read from pactwatch's extension/),
        expect.stringMatching(/^2 x-pactwatch-agreement and \d+ x-pactwatch-commitment objects kept as raw source objects only \(dataset pactwatch-stix\), not loaded/),
      ]),
    );
    expect(await target.query.agreements()).toEqual([]);
  });

  it('re-imports as unchanged, and a later export (a new bundle id) updates the same dataset', async () => {
    const { ws, source, bundle } = await exported();
    const target = await workspace().open();
    const file = writeBundle(bundle);
    await target.imports.import({ file, format: 'stix' });
    const again = await target.imports.import({ file, format: 'stix' });
    expect(again).toMatchObject({ dataset: 'pactwatch-stix', stored: 0, updated: 0, unchanged: bundle.objects.length, quarantined: 0 });

    ws.write('incidents/later.yaml', incidentYaml('later'));
    await source.dataset.load();
    const later = JSON.parse((await source.exports.export({ format: 'stix' })).text) as Bundle;
    expect(later.id).not.toBe(bundle.id);
    const next = await target.imports.import({ file: writeBundle(later), format: 'stix' });
    expect(next).toMatchObject({ dataset: 'pactwatch-stix', quarantined: 0, records: { incidents: 4, actors: 1 } });
    expect(next.stored).toBeGreaterThan(0);
    expect(next.unchanged).toBeGreaterThan(0);
    expect((await target.query.incidents()).map((i) => i.id).sort()).toEqual(['hack', 'later', 'spy', 'tricky']);
  });

  it('leaves records curated in the dataset folder alone: identical ones are unchanged, a changed one is quarantined', async () => {
    const { source, bundle } = await exported();
    const before = byId(await source.query.incidents());
    const same = await source.imports.import({ file: writeBundle(bundle), format: 'stix' });
    expect(same.quarantined).toBe(0);
    expect(byId(await source.query.incidents())).toEqual(before);

    const hack = incidentObject(bundle, 'hack');
    const changed: Bundle = { ...bundle, objects: bundle.objects.map((o) => (o === hack ? { ...o, name: 'Changed elsewhere' } : o)) };
    const report = await source.imports.import({ file: writeBundle(changed), format: 'stix' });
    expect(report.quarantined).toBe(1);
    expect(report.problems.map((p) => p.reason).join('\n')).toContain('incident "hack" is curated in');
    expect((await source.query.incident('hack')).title).toBe('Incident hack');
  });

  it('quarantines a pactwatch record the model refuses, with the reason, and imports the rest', async () => {
    const { bundle } = await exported();
    const hack = incidentObject(bundle, 'hack');
    const extensions = hack['extensions'] as Record<string, Record<string, unknown>>;
    const own = extensions[PACTWATCH_EXTENSION_ID] ?? {};
    const broken: BundleObject = { ...hack, extensions: { [PACTWATCH_EXTENSION_ID]: { ...own, victims: [{ state: 'XX' }] } } };
    const target = await workspace().open();
    const report = await target.imports.import({ file: writeBundle({ ...bundle, objects: bundle.objects.map((o) => (o === hack ? broken : o)) }), format: 'stix' });
    expect(report).toMatchObject({ quarantined: 1, records: { incidents: 2, actors: 1 } });
    expect(report.problems).toEqual([expect.objectContaining({ path: `object ${hack.id}`, reason: expect.stringMatching(/^incident '.*' cannot be read back as a pactwatch record: victims\.0\.state: /) })]);
    expect((await target.query.incidents()).map((i: Incident) => i.id).sort()).toEqual(['spy', 'tricky']);
  });

  it("keeps other producers' incidents and actors, and pactwatch's named-only actors, raw with a note (and a warning for the others')", async () => {
    const { bundle } = await exported();
    const T = '2021-03-04T05:06:07.000Z';
    const vendor = { type: 'identity', spec_version: '2.1', id: 'identity--00000000-0000-4000-8000-000000000001', created: T, modified: T, name: 'Other vendor', identity_class: 'organization' };
    const incident = { type: 'incident', spec_version: '2.1', id: 'incident--00000000-0000-4000-8000-000000000002', created: T, modified: T, name: 'Their incident', created_by_ref: vendor.id };
    // What the exporter writes for an actor a source names but the catalogue does not hold.
    const named = { type: 'intrusion-set', spec_version: '2.1', id: 'intrusion-set--00000000-0000-4000-8000-000000000003', created_by_ref: PACTWATCH_IDENTITY_ID, created: T, modified: T, name: 'Named Panda' };
    const target = await workspace().open();
    const report = await target.imports.import({ file: writeBundle({ ...bundle, objects: [...bundle.objects, vendor, incident, named] }), format: 'stix' });
    expect(report).toMatchObject({ dataset: 'pactwatch-stix', quarantined: 0, records: { incidents: 3, actors: 1 } });
    expect(report.notes.find((n) => n.sourceId === incident.id)?.notes).toEqual([expect.stringMatching(/^not written by pactwatch \(created_by_ref identity--00000000-0000-4000-8000-000000000001\): kept raw/)]);
    expect(report.notes.find((n) => n.sourceId === named.id)?.notes).toEqual(['an actor known only by the names sources give it (kept in the attributions as actorName), not a catalogued actor: kept raw']);
    expect((await actors(target)).map((a) => a.id)).toEqual(['apt3']);
    expect(report.warnings).toContain("1 actor or incident object from other producers kept raw: a bundle pactwatch exported is read as pactwatch's records only (see each unit's notes)");
  });

  it('recognises a pactwatch bundle by its extension definition, its custom objects, its extension or its id reference, and nothing else', () => {
    const T = '2021-06-10T00:00:00.000Z';
    const object = (type: string, extra: Record<string, unknown> = {}): BundleObject => ({ type, spec_version: '2.1', id: `${type}--00000000-0000-4000-8000-000000000009`, created: T, modified: T, ...extra });
    expect(isPactwatchBundle([{ ...object('extension-definition'), id: PACTWATCH_EXTENSION_ID }])).toBe(true);
    expect(isPactwatchBundle([object('x-pactwatch-agreement')])).toBe(true);
    expect(isPactwatchBundle([object('incident', { extensions: { [PACTWATCH_EXTENSION_ID]: { extension_type: 'property-extension' } } })])).toBe(true);
    expect(isPactwatchBundle([object('intrusion-set', { external_references: [{ source_name: 'pactwatch', external_id: 'apt3' }] })])).toBe(true);
    expect(isPactwatchBundle([object('relationship', { relationship_type: 'attributed-to', x_pactwatch_relation: 'state-organ' }), object('intrusion-set', { external_references: [{ source_name: 'mitre-attack', external_id: 'G0001' }] })])).toBe(false);
  });
});
