import { AGREEMENT_TYPE, readPactwatchStix, stixBundleJson, toStixBundle, type StixObject } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { stixWorld } from './stix-fixture.js';

/**
 * The STIX importer (packages/backend/src/imports/stix) was a placeholder when this was written,
 * so the round trip runs on pactwatch's own reader of the objects it writes: export → read →
 * export must be a fixed point, byte for byte.
 */
describe('reading pactwatch objects back from a bundle', () => {
  it('restores agreements, commitments, incidents and catalogued actors exactly', () => {
    const world = stixWorld();
    const read = readPactwatchStix(JSON.parse(stixBundleJson(toStixBundle(world.input))).objects as unknown[]);
    expect(read.problems).toEqual([]);
    expect(read.agreements).toEqual(world.agreements);
    expect(read.agreements[0]?.commitments.map((c) => c.id)).toEqual(['us-cn-test/no-ip-theft', 'us-cn-test/cooperate']);
    expect([...read.incidents].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...world.incidents].sort((a, b) => a.id.localeCompare(b.id)));
    expect(read.actors).toEqual(world.actors);
  });

  it('is a fixed point: export → read → export gives identical bytes', () => {
    const world = stixWorld();
    const first = stixBundleJson(toStixBundle(world.input));
    const read = readPactwatchStix(JSON.parse(first).objects as unknown[]);
    expect(stixBundleJson(toStixBundle({ agreements: read.agreements, incidents: read.incidents, actors: read.actors, findings: world.findings }))).toBe(first);
  });

  it('reports records it cannot read, with the object and the reason, instead of dropping them', () => {
    const objects = JSON.parse(stixBundleJson(toStixBundle(stixWorld().input))).objects as StixObject[];
    const broken = objects.map((o) => (o.type === AGREEMENT_TYPE ? { ...o, kind: 'pinky-promise' } : o));
    const read = readPactwatchStix(broken);
    expect(read.agreements).toEqual([]);
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]?.stixId).toMatch(/^x-pactwatch-agreement--/);
    expect(read.problems[0]?.reason).toMatch(/^kind: /);
    expect(read.incidents).toHaveLength(2);
  });

  it('skips objects from other producers (no pactwatch extension)', () => {
    const foreign = { type: 'intrusion-set', spec_version: '2.1', id: 'intrusion-set--0b0ea10a-4a5b-4a3c-8c6e-0b1d8a0e2f6d', created: '2020-01-01T00:00:00.000Z', modified: '2020-01-01T00:00:00.000Z', name: 'APT1' };
    expect(readPactwatchStix([foreign, 'not an object'])).toEqual({ agreements: [], incidents: [], actors: [], problems: [] });
  });
});
