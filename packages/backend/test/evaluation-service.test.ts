import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { AGREEMENT_YAML, incidentYaml, workspace } from './helpers.js';

describe('evaluation', () => {
  it('evaluates fully first, then only the incidents that changed', async () => {
    const ws = workspace();
    ws.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
    ws.write('incidents/a.yaml', incidentYaml('a'));
    ws.write('incidents/b.yaml', incidentYaml('b', { means: 'humint' }));
    const app = await ws.open();
    await app.dataset.load();
    expect(await app.evaluation.evaluate()).toMatchObject({ mode: 'full', incidentsEvaluated: 2, findings: 2 });
    expect(await app.evaluation.evaluate()).toMatchObject({ mode: 'incremental', incidentsEvaluated: 0 });
    ws.write('incidents/b.yaml', incidentYaml('b', { means: 'cyber' }));
    await app.dataset.load();
    expect(await app.evaluation.evaluate()).toMatchObject({ mode: 'incremental', incidentsEvaluated: 1, findings: 1 });
    const findings = await app.query.findings({ agreementId: 'us-cn-test' });
    expect(findings.map((f) => [f.incidentId, f.verdict])).toEqual([
      ['a', 'breach'],
      ['b', 'breach'],
    ]);
  });

  it('re-evaluates everything when an agreement changes', async () => {
    const ws = workspace();
    ws.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
    ws.write('incidents/a.yaml', incidentYaml('a'));
    const app = await ws.open();
    await app.dataset.load();
    await app.evaluation.evaluate();
    ws.write('agreements/us-cn-test.yaml', AGREEMENT_YAML.replace('means: cyber-enabled', 'means: any'));
    await app.dataset.load();
    expect(await app.evaluation.evaluate()).toMatchObject({ mode: 'full', incidentsEvaluated: 1 });
  });

  it('re-evaluates everything when the threshold changes', async () => {
    const ws = workspace();
    ws.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
    ws.write('incidents/a.yaml', incidentYaml('a', { confidence: 60 }));
    const strict = await ws.open();
    await strict.dataset.load();
    await strict.evaluation.evaluate();
    expect((await strict.query.findings())[0]?.verdict).toBe('possible-breach');
    await strict.close();
    const lenient = await ws.open({ threshold: 50 });
    expect(await lenient.evaluation.evaluate()).toMatchObject({ mode: 'full' });
    expect((await lenient.query.findings())[0]?.verdict).toBe('breach');
  });

  it('keeps an analyst override beside the computed verdict across re-evaluations', async () => {
    const ws = workspace();
    ws.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
    ws.write('incidents/a.yaml', incidentYaml('a', { means: 'humint' }));
    const app = await ws.open({ now: () => new Date('2026-01-02T03:04:05Z') });
    await app.dataset.load();
    await app.evaluation.evaluate();
    await app.overrides.set({ commitmentId: 'us-cn-test/no-ip-theft', incidentId: 'a', verdict: 'possible-breach', note: 'recruitment used phishing too', author: 'analyst' });
    await app.evaluation.evaluate({ full: true });
    const [finding] = await app.query.findings({ incidentId: 'a' });
    expect(finding?.verdict).toBe('outside-scope');
    expect(finding?.override).toEqual({ commitmentId: 'us-cn-test/no-ip-theft', incidentId: 'a', verdict: 'possible-breach', note: 'recruitment used phishing too', author: 'analyst', createdAt: '2026-01-02T03:04:05.000Z' });
    await expect(app.overrides.set({ commitmentId: 'us-cn-test/no-ip-theft', incidentId: 'zzz', verdict: 'breach', note: 'x', author: 'y' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(app.overrides.set({ commitmentId: 'us-cn-test/no-ip-theft', incidentId: 'a', verdict: 'guilty', note: 'x', author: 'y' })).rejects.toMatchObject({ code: 'USAGE' });
  });

  it('refuses a database migrated by a newer pactwatch', async () => {
    const ws = workspace();
    const app = await ws.open();
    await sql`insert into kysely_migration (name, timestamp) values ('9999-from-the-future', '2030-01-01')`.execute(app.db);
    await app.close();
    await expect(ws.open()).rejects.toMatchObject({ code: 'DATABASE_TOO_NEW' });
  });

  it('reports unknown ids as NOT_FOUND', async () => {
    const ws = workspace();
    const app = await ws.open();
    await expect(app.query.agreement('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(app.query.findings({ incidentId: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
