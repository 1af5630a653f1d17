import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AGREEMENT_YAML, incidentYaml } from '../../../packages/backend/test/helpers.js';
import { CLI, sandbox } from './cli-harness.js';

describe('pactwatch CLI (end to end)', () => {
  it('is built', () => {
    expect(existsSync(CLI)).toBe(true);
  });

  it('initialises a database, lists records and prints findings as the documented JSON', () => {
    const s = sandbox();
    s.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
    s.write('incidents/hack.yaml', incidentYaml('hack'));
    s.write('incidents/spy.yaml', incidentYaml('spy', { means: 'humint' }));
    const init = s.run(['--db', s.db, '--data', s.data, 'init', '--json']);
    expect(init.status, init.stderr).toBe(0);
    expect(JSON.parse(init.stdout)).toMatchObject({ load: { read: 3, stored: 3, quarantined: 0 }, evaluation: { mode: 'full', findings: 2 } });

    const findings = s.run(['--db', s.db, '--data', s.data, 'findings', '--agreement', 'us-cn-test', '--format', 'json']);
    expect(findings.status, findings.stderr).toBe(0);
    const parsed = JSON.parse(findings.stdout) as Array<Record<string, unknown>>;
    expect(parsed.map((f) => [f['incident'], f['verdict']])).toEqual([
      ['hack', 'breach'],
      ['spy', 'outside-scope'],
    ]);
    const spy = parsed[1] as { agreement: string; commitment: string; checks: Array<{ dimension: string; value: string; reason: string }> };
    expect(spy.agreement).toBe('us-cn-test');
    expect(spy.commitment).toBe('us-cn-test/no-ip-theft');
    expect(spy.checks.map((c) => c.dimension)).toEqual(['timing', 'parties', 'activity', 'target', 'means', 'actor', 'confidence']);
    expect(spy.checks.find((c) => c.dimension === 'means')).toMatchObject({ value: 'false' });

    const incidents = JSON.parse(s.run(['--db', s.db, 'incidents', '--victim', 'United States', '--json']).stdout) as Array<{ id: string; victims: Array<{ state: string }>; period: { start: string } }>;
    expect(incidents.map((i) => i.id)).toEqual(['hack', 'spy']);
    expect(incidents[0]?.victims[0]?.state).toBe('US');
    expect(incidents[0]?.period.start).toBe('2016-03');
  });

  it('prints tables for people, CSV for spreadsheets and traces with --explain', () => {
    const s = sandbox();
    s.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
    s.write('incidents/spy.yaml', incidentYaml('spy', { means: 'humint' }));
    expect(s.run(['--db', s.db, '--data', s.data, 'init']).status).toBe(0);
    const table = s.run(['--db', s.db, 'findings']);
    expect(table.stdout).toMatch(/spy\s+us-cn-test\/no-ip-theft\s+CN>US\s+outside-scope/);
    expect(table.stdout).toContain('means: humint, not cyber-enabled');
    const csv = s.run(['--db', s.db, 'findings', '--format', 'csv']);
    expect(csv.stdout.split('\r\n')[0]).toBe('agreement,commitment,incident,verdict,rule,sponsor,victim,timing,parties,activity,target,means,actor,confidence,summary,override_verdict,override_note');
    expect(csv.stdout).toContain('us-cn-test,us-cn-test/no-ip-theft,spy,outside-scope,V2-outside-scope,CN,US,true,true,true,true,false,true,true,');
    const explained = s.run(['--db', s.db, 'findings', '--explain']);
    expect(explained.stdout).toMatch(/means\s+false\s+humint, not cyber-enabled/);
    const card = s.run(['--db', s.db, 'scorecard', '--agreement', 'us-cn-test']);
    expect(card.stdout).toContain('outside-scope 1');
    expect(card.stdout).toContain('means: 1 — spy');
    expect(table.stdout).not.toContain('\u001b[');
  });

  it('maps errors to the documented exit codes with a message on stderr', () => {
    const s = sandbox();
    s.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
    s.write('incidents/bad.yaml', incidentYaml('bad', { start: '2016-13' }));
    const validate = s.run(['--db', s.db, 'validate', s.data]);
    expect(validate.status).toBe(3);
    expect(validate.stdout).toContain('incidents/bad.yaml: line 4: /period/start:');
    expect(validate.stderr).toContain('error[VALIDATION_FAILED]');

    const init = s.run(['--db', s.db, '--data', s.data, 'init']);
    expect(init.status).toBe(3);
    expect(init.stderr).toContain('error[DATASET_QUARANTINED]');
    expect(init.stdout).toContain('read 2, stored 1, updated 0, unchanged 0, quarantined 1');
    const quarantine = s.run(['--db', s.db, 'quarantine']);
    expect(quarantine.stdout).toContain('#1 incidents/bad.yaml (line 4 /period/start) [incident bad]');
    const shown = s.run(['--db', s.db, 'quarantine', 'show', '1']);
    expect(shown.stdout).toContain('start: "2016-13"');
    expect(s.run(['--db', s.db, 'quarantine', 'show', '99']).status).toBe(4);
    expect(s.run(['--db', s.db, 'quarantine', 'export', '--format', 'csv']).stdout.split('\r\n')[0]).toBe('id,batch,file,locator,kind,record_id,reason,raw');

    const missing = s.run(['--db', s.db, 'findings', '--agreement', 'nope']);
    expect(missing.status).toBe(4);
    expect(missing.stderr).toContain('error[NOT_FOUND]: no agreement "nope"');

    expect(s.run(['--db', s.db, 'findings', '--verdict', 'guilty']).status).toBe(2);
    expect(s.run(['--db', s.db, 'no-such-command']).status).toBe(2);
    expect(s.run(['--db', s.db, 'findings', '--no-such-option']).status).toBe(2);
    expect(s.run(['--db', s.db, '--threshold', '300', 'findings']).status).toBe(2);
    const config = s.run(['--db', s.db, 'findings'], { PACTWATCH_CONFIDENCE_THRESHOLD: 'high' });
    expect(config.status).toBe(7);
    expect(config.stderr).toContain('PACTWATCH_CONFIDENCE_THRESHOLD');
  });

  it('records overrides beside computed verdicts', () => {
    const s = sandbox();
    s.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
    s.write('incidents/spy.yaml', incidentYaml('spy', { means: 'humint' }));
    s.run(['--db', s.db, '--data', s.data, 'init']);
    const set = s.run(['--db', s.db, 'override', '--commitment', 'us-cn-test/no-ip-theft', '--incident', 'spy', '--verdict', 'possible-breach', '--note', 'phishing used too', '--author', 'ana', '--json']);
    expect(set.status, set.stderr).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({ verdict: 'outside-scope', override: { verdict: 'possible-breach', note: 'phishing used too', author: 'ana' } });
    expect(s.run(['--db', s.db, 'override', '--commitment', 'us-cn-test/no-ip-theft', '--incident', 'spy', '--verdict', 'breach']).status).toBe(2);
  });

  it('shows help with examples, and honours PACTWATCH_DB', () => {
    const s = sandbox();
    const help = s.run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('findings --agreement us-cn-2015');
    expect(s.run(['findings', '--help']).stdout).toContain('--explain');
    s.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
    expect(s.run(['--data', s.data, 'init'], { PACTWATCH_DB: s.db }).status).toBe(0);
    expect(existsSync(s.db)).toBe(true);
  });

  it('lists group members as of a date', () => {
    const s = sandbox();
    s.write('groups/club.yaml', 'id: club\nname: Club\nmembers: [{ state: US }, { state: CN, from: "2016-01-01" }]\nsources: [{ publisher: p, title: t }]\n');
    expect(s.run(['--db', s.db, '--data', s.data, 'init']).status).toBe(0);
    const rows = JSON.parse(s.run(['--db', s.db, 'groups', 'club', '--as-of', '2015-06-01', '--json']).stdout) as Array<{ members: Array<{ state: string }> }>;
    expect(rows[0]?.members.map((m) => m.state)).toEqual(['US']);
    expect(s.run(['--db', s.db, 'groups', 'club', '--as-of', '2016-06-01']).stdout).toContain('2 member(s): CN US');
    expect(s.run(['--db', s.db, 'groups', 'nope']).status).toBe(4);
  });
});
