import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { haveStixSchemas, stixValidator } from '../../../packages/domain/test/stix-export/stix-schema-validator.js';
import { AGREEMENT_YAML, incidentYaml } from '../../../packages/backend/test/helpers.js';
import { sandbox } from './cli-harness.js';

function initialised(): ReturnType<typeof sandbox> {
  const s = sandbox();
  s.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
  s.write('incidents/hack.yaml', incidentYaml('hack'));
  s.write('incidents/spy.yaml', incidentYaml('spy', { means: 'humint', title: 'Spy, "insider"' }));
  const init = s.run(['--db', s.db, '--data', s.data, 'init']);
  expect(init.status, init.stderr).toBe(0);
  return s;
}

interface Bundle {
  type: string;
  id: string;
  objects: Array<{ type: string; id: string; name?: string; object_refs?: string[]; content?: string }>;
}

describe('pactwatch export (end to end)', () => {
  it('prints a STIX 2.1 bundle of everything, the same bytes every time', () => {
    const s = initialised();
    const run = s.run(['--db', s.db, 'export', '--format', 'stix', '--all']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const bundle = JSON.parse(run.stdout) as Bundle;
    expect(bundle.type).toBe('bundle');
    expect(bundle.id).toMatch(/^bundle--[0-9a-f-]{36}$/);
    expect(bundle.objects.filter((o) => o.type === 'incident').map((o) => o.name).sort()).toEqual(['Incident hack', 'Spy, "insider"']);
    expect(bundle.objects.filter((o) => o.type === 'x-pactwatch-agreement').map((o) => o.name)).toEqual(['Test accord']);
    const notes = bundle.objects.filter((o) => o.type === 'note');
    expect(notes).toHaveLength(2);
    expect(notes.map((n) => n.content?.split('\n')[0]).sort()).toEqual(['Verdict: breach (rule V3-breach)', 'Verdict: outside-scope (rule V2-outside-scope)']);
    if (haveStixSchemas) expect(stixValidator().bundleErrors(bundle)).toEqual([]);
    expect(s.run(['--db', s.db, 'export', '--format', 'stix']).stdout).toBe(run.stdout);
  });

  it('exits 4 for an unknown agreement and 2 for contradictory or unknown options', () => {
    const s = initialised();
    const missing = s.run(['--db', s.db, 'export', '--format', 'stix', '--agreement', 'nope']);
    expect(missing.status).toBe(4);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe('pactwatch: error[NOT_FOUND]: no agreement "nope"; list them with `pactwatch agreements`\n');
    const both = s.run(['--db', s.db, 'export', '--format', 'stix', '--agreement', 'us-cn-test', '--all']);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('give either --agreement <id> or --all, not both');
    const format = s.run(['--db', s.db, 'export', '--format', 'xml']);
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('--format must be one of stix, csv, json, got "xml"');
    expect(s.run(['--db', s.db, 'export']).status).toBe(2);
  });

  it('writes --out to a file, whole, and says what it wrote on stderr', () => {
    const s = initialised();
    const out = join(s.dir, 'us-cn.json');
    const run = s.run(['--db', s.db, 'export', '--format', 'stix', '--agreement', 'us-cn-test', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^pactwatch: wrote stix export \(\d+ objects, 1 agreements, 2 incidents, 0 actors, 2 findings\) to .*us-cn\.json\n$/);
    const written = readFileSync(out, 'utf8');
    expect(written).toBe(s.run(['--db', s.db, 'export', '--format', 'stix', '--agreement', 'us-cn-test']).stdout);
    expect((JSON.parse(written) as Bundle).objects.some((o) => o.type === 'x-pactwatch-commitment')).toBe(true);
    // Overwriting leaves no temporary file behind.
    expect(s.run(['--db', s.db, 'export', '--format', 'csv', '--out', out]).status).toBe(0);
    expect(readFileSync(out, 'utf8').split('\r\n')[0]).toMatch(/^id,title,period_start,/);
    expect(existsSync(join(s.dir, `.us-cn.json.${process.pid}.tmp`))).toBe(false);
  });

  it('fails with FILE_ERROR (exit 8) for an --out folder that does not exist or is a folder, and writes nothing', () => {
    const s = initialised();
    const escaping = join(s.dir, '..', 'pactwatch-no-such-folder', '..', 'pactwatch-no-such-folder', 'x.json');
    const run = s.run(['--db', s.db, 'export', '--format', 'stix', '--out', escaping]);
    expect(run.status).toBe(8);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^pactwatch: error\[FILE_ERROR\]: --out .*x\.json: folder .*pactwatch-no-such-folder does not exist; create it first \(export does not create folders\)\n$/);
    expect(existsSync(join(s.dir, '..', 'pactwatch-no-such-folder'))).toBe(false);
    const relative = s.run(['--db', s.db, 'export', '--format', 'json', '--out', '../../../../../../pactwatch-nope/x.json']);
    expect(relative.status).toBe(8);
    expect(relative.stderr).toContain('error[FILE_ERROR]: --out ../../../../../../pactwatch-nope/x.json: folder /pactwatch-nope does not exist');
    mkdirSync(join(s.dir, 'a-folder'));
    const folder = s.run(['--db', s.db, 'export', '--format', 'csv', '--out', join(s.dir, 'a-folder')]);
    expect(folder.status).toBe(8);
    expect(folder.stderr).toContain('is a folder; give a file name such as');
  });

  it('round-trips the native JSON through `import --format json` into an empty store, ids kept', () => {
    const s = initialised();
    const file = join(s.dir, 'dataset.json');
    expect(s.run(['--db', s.db, 'export', '--format', 'json', '--out', file]).status).toBe(0);
    const other = join(s.dir, 'other.db');
    const imported = s.run(['--db', other, 'import', file, '--format', 'json', '--json']);
    expect(imported.status, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ dataset: 'pactwatch-json', read: 3, stored: 3, quarantined: 0, records: { incidents: 2, actors: 0 } });
    const incidents = JSON.parse(s.run(['--db', other, 'incidents', '--json']).stdout) as Array<{ id: string; title: string }>;
    expect(incidents.map((i) => [i.id, i.title])).toEqual([
      ['hack', 'Incident hack'],
      ['spy', 'Spy, "insider"'],
    ]);
  });
});
