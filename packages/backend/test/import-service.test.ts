import { sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { SourceObjectRepository } from '../src/repositories/source-object-repository.js';
import { row, setupLines as setup } from './lines-importer.js';

describe('import framework', () => {
  it('stores, reconciles, evaluates, and re-importing the same file changes nothing', async () => {
    const { app, service, file } = await setup();
    const path = file('a.lines', [row({ id: '1', sponsor: 'CN', victim: 'US', start: '2016-02', actor: 'APT-X' }), row({ id: '2', sponsor: 'CN', victim: 'US', start: '2016-03' }), 'not json']);
    const first = await service.import({ file: path, format: 'lines' });
    expect(first).toMatchObject({ read: 3, stored: 2, updated: 0, unchanged: 0, quarantined: 1, records: { incidents: 2, actors: 1 } });
    expect(first.problems[0]).toMatchObject({ path: 'line 3', reason: 'not JSON' });
    expect(first.evaluation).toMatchObject({ findings: 2 });
    const incident = await app.query.incident('lines-1');
    expect(incident.provenance).toMatchObject({ origin: 'imported', dataset: 'lines', recordId: '1', version: '1', file: 'a.lines' });
    expect(incident.attributions[0]?.actor).toBe('lines-apt-x');
    const again = await service.import({ file: path, format: 'lines' });
    expect(again).toMatchObject({ read: 3, stored: 0, updated: 0, unchanged: 2, quarantined: 1 });
    // Nothing changed and nothing was waiting: no evaluation.
    expect(again.evaluation).toBeNull();
  });

  it('a re-run evaluates what an import killed between its commit and its evaluation left stale', async () => {
    const { app, service, file } = await setup();
    const path = file('k.lines', [row({ id: '1', sponsor: 'CN', victim: 'US', start: '2016-02' }), row({ id: '2', sponsor: 'CN', victim: 'US', start: '2016-03' })]);
    const first = await service.import({ file: path, format: 'lines' });
    expect(first.evaluation).toMatchObject({ findings: 2 });
    const findings = async (): Promise<number> => Number((await sql<{ n: number }>`select count(*) as n from finding`.execute(app.db)).rows[0]?.n);
    // The import's transaction committed; the process died before its evaluation did.
    await sql`delete from finding`.execute(app.db);
    await sql`update incident set evaluated_hash = null`.execute(app.db);
    expect(await findings()).toBe(0);
    const again = await service.import({ file: path, format: 'lines' });
    expect(again).toMatchObject({ stored: 0, updated: 0, unchanged: 2 });
    expect(again.evaluation).toMatchObject({ mode: 'incremental', incidentsEvaluated: 2, findings: 2 });
    expect(await findings()).toBe(2);
    expect(Number((await sql<{ n: number }>`select count(*) as n from incident where evaluated_hash is null`.execute(app.db)).rows[0]?.n)).toBe(0);
  });

  it('reports progress through every phase, ending with done', async () => {
    const { service, file } = await setup();
    const events: Array<{ phase: string; done: number; total: number }> = [];
    await service.import({ file: file('p.lines', [row({ id: '1', sponsor: 'CN', victim: 'US', start: '2016-02' }), row({ id: '2', sponsor: 'CN', victim: 'US', start: '2016-03' })]), format: 'lines' }, (e) => events.push(e));
    expect(events.map((e) => e.phase)).toEqual(['reading', 'validating', 'writing', 'writing', 'writing', 'evaluating', 'done']);
    expect(events.find((e) => e.phase === 'validating')?.total).toBe(2);
    expect(events.filter((e) => e.phase === 'writing').at(-1)).toEqual({ phase: 'writing', done: 4, total: 4 });
  });

  it('updates records by (dataset, record id) and reports which fields changed', async () => {
    const { app, service, file } = await setup();
    await service.import({ file: file('v1.lines', [row({ id: '1', sponsor: 'CN', victim: 'US', start: '2016-02' })]), format: 'lines' });
    const v2 = await service.import({ file: file('v2.lines', [row({ id: '1', sponsor: 'CN', victim: 'US', start: '2016-02', title: 'Renamed' }), row({ id: '9', sponsor: 'CN', victim: 'US', start: '2017' })]), format: 'lines' });
    expect(v2).toMatchObject({ read: 2, stored: 1, updated: 1, unchanged: 0 });
    expect(v2.changes).toEqual([{ sourceId: '1', records: [{ id: 'lines-1', kind: 'incident', status: 'changed', fields: ['title'] }] }]);
    expect((await app.query.incident('lines-1')).title).toBe('Renamed');
  });

  it('quarantines units that break the model, naming the field', async () => {
    const { service, file } = await setup();
    const report = await service.import({ file: file('bad.lines', [row({ id: '1', sponsor: 'XX', victim: 'US', start: '2016' }), row({ id: '2', sponsor: 'CN', victim: 'US', start: 'someday' }), row({ id: '2', sponsor: 'CN', victim: 'US', start: '2016' }), row({ id: '2', sponsor: 'CN', victim: 'US', start: '2016' })]), format: 'lines' });
    expect(report).toMatchObject({ read: 4, stored: 1, quarantined: 3 });
    expect(report.problems.map((p) => p.reason)).toEqual([
      expect.stringContaining('attributions.0.sponsor'),
      expect.stringContaining('period.start'),
      expect.stringContaining('duplicate incident "2"'),
    ]);
  });

  it('writes nothing on a dry run, and nothing when it fails half-way', async () => {
    const { app, service, file } = await setup();
    const path = file('a.lines', [row({ id: '1', sponsor: 'CN', victim: 'US', start: '2016-02' })]);
    const dry = await service.import({ file: path, format: 'lines', dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, batchId: null, stored: 1 });
    expect(await app.query.incidents()).toEqual([]);
    await expect(service.import({ file: path, format: 'nope' })).rejects.toMatchObject({ code: 'USAGE' });
    await expect(service.import({ file: '/no/such/file', format: 'lines' })).rejects.toMatchObject({ code: 'FILE_ERROR' });
  });

  it('is one transaction: a failure while writing leaves the store as it was, and a re-run completes', async () => {
    const { app, service, file } = await setup();
    const path = file('a.lines', [row({ id: '1', sponsor: 'CN', victim: 'US', start: '2016-02' }), row({ id: '2', sponsor: 'CN', victim: 'US', start: '2016-03' })]);
    const spy = vi.spyOn(SourceObjectRepository.prototype, 'saveMany').mockRejectedValueOnce(new Error('simulated crash while writing'));
    await expect(service.import({ file: path, format: 'lines' })).rejects.toThrow('simulated crash while writing');
    spy.mockRestore();
    expect(await app.query.incidents()).toEqual([]);
    expect(await app.query.quarantine()).toEqual([]);
    const retry = await service.import({ file: path, format: 'lines' });
    expect(retry).toMatchObject({ read: 2, stored: 2, quarantined: 0 });
    expect((await app.query.incidents()).map((i) => i.id)).toEqual(['lines-1', 'lines-2']);
  });
});
