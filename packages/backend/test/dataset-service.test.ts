import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { IncidentRepository } from '../src/repositories/incident-repository.js';
import { AGREEMENT_YAML, incidentYaml, workspace } from './helpers.js';

describe('dataset loading', () => {
  it('loads, then loading again changes nothing', async () => {
    const ws = workspace();
    ws.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
    ws.write('incidents/a.yaml', incidentYaml('a'));
    ws.write('incidents/b.yaml', incidentYaml('b'));
    const app = await ws.open();
    const first = await app.dataset.load();
    expect(first).toMatchObject({ read: 3, stored: 3, updated: 0, unchanged: 0, quarantined: 0, removed: 0 });
    const second = await app.dataset.load();
    expect(second).toMatchObject({ read: 3, stored: 0, updated: 0, unchanged: 3, quarantined: 0, removed: 0 });
    expect((await app.query.incidents()).map((i) => i.id)).toEqual(['a', 'b']);
  });

  it('updates a changed file and removes a deleted one', async () => {
    const ws = workspace();
    ws.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
    ws.write('incidents/a.yaml', incidentYaml('a'));
    ws.write('incidents/b.yaml', incidentYaml('b'));
    const app = await ws.open();
    await app.dataset.load();
    ws.write('incidents/a.yaml', incidentYaml('a', { title: 'Renamed' }));
    ws.remove('incidents/b.yaml');
    const report = await app.dataset.load();
    expect(report).toMatchObject({ read: 2, stored: 0, updated: 1, unchanged: 1, removed: 1, quarantined: 0 });
    const incidents = await app.query.incidents();
    expect(incidents.map((i) => [i.id, i.title])).toEqual([['a', 'Renamed']]);
  });

  it('quarantines invalid records with file, line and reason, stores the rest, and reconciles', async () => {
    const ws = workspace();
    ws.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
    ws.write('incidents/good.yaml', incidentYaml('good'));
    ws.write('incidents/bad-date.yaml', incidentYaml('bad-date', { start: '2016-13' }));
    ws.write('incidents/bad-yaml.yaml', 'id: bad-yaml\ntitle: [unclosed\n');
    ws.write('incidents/wrong-name.yaml', incidentYaml('other-id'));
    ws.write('incidents/unknown-field.yaml', `${incidentYaml('unknown-field')}colour: red\n`);
    const app = await ws.open();
    const report = await app.dataset.load();
    expect(report.read).toBe(6);
    expect(report.stored + report.updated + report.unchanged + report.quarantined).toBe(report.read);
    expect(report.quarantined).toBe(4);
    const byFile = new Map(report.problems.map((p) => [p.file, p] as const));
    expect(byFile.get('incidents/bad-date.yaml')).toMatchObject({ path: '/period/start', line: 4 });
    expect(byFile.get('incidents/bad-date.yaml')?.reason).toContain('EDTF');
    expect(byFile.get('incidents/bad-yaml.yaml')?.reason).toContain('YAML syntax');
    expect(byFile.get('incidents/wrong-name.yaml')?.reason).toContain('must match the file name');
    expect(byFile.get('incidents/unknown-field.yaml')).toMatchObject({ path: '/colour', reason: 'unknown field "colour"' });
    const quarantine = await app.query.quarantine();
    expect(quarantine.map((q) => q.sourceFile).sort()).toEqual(['incidents/bad-date.yaml', 'incidents/bad-yaml.yaml', 'incidents/unknown-field.yaml', 'incidents/wrong-name.yaml']);
    expect(quarantine.find((q) => q.sourceFile === 'incidents/bad-date.yaml')?.raw).toContain('2016-13');
    expect((await app.query.incidents()).map((i) => i.id)).toEqual(['good']);
  });

  it('quarantines a file that is not valid UTF-8, naming byte and line, instead of reading replacement characters', async () => {
    const ws = workspace();
    ws.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
    ws.write('incidents/good.yaml', incidentYaml('good', { title: 'Zürich (UTF-8 is fine)' }));
    // A Latin-1 editor saved "Zürich" as 5A FC 72 69 63 68: 0xFC is not UTF-8.
    const text = incidentYaml('latin', { title: 'Zxrich' });
    const bytes = Buffer.from(text, 'utf8');
    const at = bytes.indexOf('Zxrich') + 1;
    bytes[at] = 0xfc;
    writeFileSync(join(ws.dataDir, 'incidents/latin.yaml'), bytes);
    const app = await ws.open();
    const report = await app.dataset.load();
    expect(report).toMatchObject({ read: 3, stored: 2, quarantined: 1 });
    const problem = report.problems.find((p) => p.file === 'incidents/latin.yaml');
    const line = text.slice(0, at).split('\n').length;
    expect(problem).toMatchObject({ line, reason: `not valid UTF-8 (byte ${at}, line ${line}); save the file as UTF-8` });
    expect((await app.query.quarantine()).map((q) => q.sourceFile)).toEqual(['incidents/latin.yaml']);
    expect((await app.query.incidents()).map((i) => [i.id, i.title])).toEqual([['good', 'Zürich (UTF-8 is fine)']]);
  });

  it('stores an incident still going on (period.end "..") and reads it back with an open end', async () => {
    const ws = workspace();
    ws.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
    ws.write('incidents/ongoing.yaml', incidentYaml('ongoing', { start: '2014-03' }).replace('period: { start: "2014-03" }', 'period: { start: "2014-03", end: ".." }'));
    const app = await ws.open();
    const report = await app.dataset.load();
    expect(report).toMatchObject({ read: 2, stored: 2, quarantined: 0 });
    expect((await app.query.incident('ongoing')).period).toEqual({ start: '2014-03', end: '..' });
    await app.evaluation.evaluate();
    const findings = await app.query.findings({ incidentId: 'ongoing' });
    expect(findings.map((f) => f.verdict)).toEqual(['possible-breach']);
  });

  it('keeps the stored version of a record whose file turns invalid', async () => {
    const ws = workspace();
    ws.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
    ws.write('incidents/a.yaml', incidentYaml('a'));
    const app = await ws.open();
    await app.dataset.load();
    ws.write('incidents/a.yaml', incidentYaml('a', { confidence: 900 }));
    const report = await app.dataset.load();
    expect(report).toMatchObject({ quarantined: 1, removed: 0 });
    expect((await app.query.incident('a')).attributions[0]?.confidence).toBe(85);
  });

  it('quarantines records whose references do not resolve', async () => {
    const ws = workspace();
    ws.write('agreements/club.yaml', AGREEMENT_YAML.replace('id: us-cn-test', 'id: club').replace('[{ state: US }, { state: CN }]', '[{ group: missing-group }]'));
    ws.write('context-events/talks.yaml', `id: talks
kind: dialogue-round
title: Talks
date: "2015-12-01"
states: [US, CN]
commitments: ["nowhere/none"]
summary: Talks happened.
sources: [{ publisher: Test, title: Source }]
provenance: { origin: added, note: test }
`);
    const app = await ws.open();
    const report = await app.dataset.load();
    expect(report.quarantined).toBe(2);
    expect(report.problems.map((p) => p.reason).join('\n')).toMatch(/missing-group[\s\S]*nowhere\/none/);
  });

  it('is all-or-nothing: a failure mid-write leaves the store as it was', async () => {
    const ws = workspace();
    ws.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
    ws.write('incidents/a.yaml', incidentYaml('a'));
    const app = await ws.open();
    await app.dataset.load();
    ws.write('incidents/a.yaml', incidentYaml('a', { title: 'Changed' }));
    ws.write('incidents/b.yaml', incidentYaml('b'));
    ws.write('incidents/c.yaml', incidentYaml('c'));
    const original = IncidentRepository.prototype.save;
    let calls = 0;
    const spy = vi.spyOn(IncidentRepository.prototype, 'save').mockImplementation(async function (this: IncidentRepository, ...args) {
      calls += 1;
      if (calls === 2) throw new Error('simulated crash');
      return original.apply(this, args);
    });
    await expect(app.dataset.load()).rejects.toThrow('simulated crash');
    spy.mockRestore();
    const incidents = await app.query.incidents();
    expect(incidents.map((i) => [i.id, i.title])).toEqual([['a', 'Incident a']]);
    const retry = await app.dataset.load();
    expect(retry).toMatchObject({ stored: 2, updated: 1 });
  });

  it('validates without touching the store', async () => {
    const ws = workspace();
    ws.write('incidents/bad-date.yaml', incidentYaml('bad-date', { start: 'soon' }));
    const app = await ws.open();
    const report = await app.dataset.validate(ws.dataDir);
    expect(report).toMatchObject({ read: 1, valid: 0, invalid: 1 });
    expect(await app.query.isInitialised()).toBe(false);
  });
});
