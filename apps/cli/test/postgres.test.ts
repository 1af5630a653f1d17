import { existsSync, readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { AGREEMENT_YAML, incidentYaml } from '../../../packages/backend/test/helpers.js';
import { createTestDatabase, dropTestDatabase, testServerUrl } from '../../../packages/backend/test/test-store.js';
import { sandbox } from './cli-harness.js';

const databases: string[] = [];
afterEach(async () => {
  for (const url of databases.splice(0)) await dropTestDatabase(url);
});

describe('pactwatch CLI on PostgreSQL', () => {
  it('refuses an unreachable server with exit code 6, naming the host but never the password', () => {
    const s = sandbox();
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const result = s.run(['--database-url', 'postgres://analyst:pw-Secret-9@127.0.0.1:1/pactwatch', 'incidents']);
    expect(result.status).toBe(6);
    expect(result.stderr).toContain('postgres://analyst@127.0.0.1:1/pactwatch');
    expect(result.stderr + result.stdout).not.toContain('pw-Secret-9');
  });

  it.skipIf(testServerUrl() === undefined)('runs init, load, evaluate and findings --json against PostgreSQL (needs PACTWATCH_TEST_DATABASE_URL)', async () => {
    const url = await createTestDatabase();
    databases.push(url);
    const s = sandbox();
    s.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
    s.write('incidents/hack.yaml', incidentYaml('hack'));
    s.write('incidents/spy.yaml', incidentYaml('spy', { means: 'humint' }));

    const init = s.run(['--database-url', url, '--data', s.data, 'init', '--json']);
    expect(init.status, init.stderr).toBe(0);
    expect(JSON.parse(init.stdout)).toMatchObject({ database: url, load: { read: 3, stored: 3 }, evaluation: { mode: 'full', findings: 2 } });

    // The environment variable selects the same store; a changed incident is re-read and re-evaluated.
    const env = { PACTWATCH_DATABASE_URL: url };
    s.write('incidents/spy.yaml', incidentYaml('spy', { means: 'cyber' }));
    const load = s.run(['--data', s.data, 'load', '--json'], env);
    expect(load.status, load.stderr).toBe(0);
    expect(JSON.parse(load.stdout)).toMatchObject({ load: { updated: 1, unchanged: 2 }, evaluation: { mode: 'incremental', incidentsEvaluated: 1 } });
    const evaluate = s.run(['evaluate', '--full', '--json'], env);
    expect(evaluate.status, evaluate.stderr).toBe(0);
    expect(JSON.parse(evaluate.stdout)).toMatchObject({ mode: 'full', incidentsEvaluated: 2, findings: 2 });

    const findings = s.run(['findings', '--agreement', 'us-cn-test', '--json'], env);
    expect(findings.status, findings.stderr).toBe(0);
    const parsed = JSON.parse(findings.stdout) as Array<{ incident: string; verdict: string }>;
    expect(parsed.map((f) => [f.incident, f.verdict])).toEqual([
      ['hack', 'breach'],
      ['spy', 'breach'],
    ]);
    // Nothing went to a SQLite file: neither the sandbox's nor the default one under HOME.
    expect(existsSync(s.db)).toBe(false);
    expect(readdirSync(s.dir).filter((name) => name !== 'data')).toEqual([]);
  });
});
