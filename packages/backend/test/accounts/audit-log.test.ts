import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger, ImportService, recordAudit, type Importer } from '@pactwatch/backend';
import { cliPrincipal, SYSTEM_PRINCIPAL, type Principal } from '@pactwatch/domain';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { AGREEMENT_YAML, incidentYaml, workspace } from '../helpers.js';
import { onPostgres } from '../test-store.js';

const analyst: Principal = { kind: 'user', id: 'u-1', name: 'olga', role: 'analyst' };

function entry(action: string, entityId: string, principal: Principal = analyst) {
  return { principal, action, entityType: 'incident', entityId, before: { title: 'old' }, after: { title: 'new' }, note: 'why', requestId: 'req-1' };
}

describe('audit log', () => {
  it('reads back what recordAudit wrote, newest first', async () => {
    const app = await workspace().open();
    await recordAudit(app.db, entry('incident.update', 'a'), new Date('2030-01-01T00:00:00Z'));
    const { entries, nextCursor } = await app.audit.list();
    expect(nextCursor).toBeNull();
    expect(entries).toEqual([
      { id: entries[0]?.id, at: '2030-01-01T00:00:00.000Z', principal: analyst, action: 'incident.update', entityType: 'incident', entityId: 'a', before: { title: 'old' }, after: { title: 'new' }, note: 'why', requestId: 'req-1' },
    ]);
  });

  it('lands in the same transaction as the change: a failed change leaves no audit row', async () => {
    const app = await workspace().open();
    await expect(
      app.db.transaction().execute(async (trx) => {
        await recordAudit(trx, entry('incident.update', 'a'), new Date());
        await trx.insertInto('meta').values({ key: 'k', value: 'v' }).execute();
        throw new Error('the change failed after its audit row was written');
      }),
    ).rejects.toThrow(/the change failed/);
    expect((await app.audit.list()).entries).toEqual([]);
    expect(await app.db.selectFrom('meta').selectAll().where('key', '=', 'k').execute()).toEqual([]);
    // A refused account change writes nothing either.
    await app.accounts.createUser({ username: 'pat', role: 'admin' }, { principal: SYSTEM_PRINCIPAL });
    await expect(app.accounts.disableUser('pat')).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await app.audit.list()).entries.map((e) => e.action)).toEqual(['user.create']);
  });

  it('is append-only in the database: UPDATE and DELETE are rejected by triggers', async () => {
    const app = await workspace().open();
    await recordAudit(app.db, entry('incident.update', 'a'), new Date());
    await expect(app.db.updateTable('audit_log').set({ note: 'rewritten' }).execute()).rejects.toThrow(/append-only/);
    await expect(app.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    if (onPostgres) await expect(sql`truncate audit_log`.execute(app.db)).rejects.toThrow(/append-only/);
    const [kept] = (await app.audit.list()).entries;
    expect(kept?.note).toBe('why');
  });

  it('filters by entity, action, principal and time, and pages by cursor', async () => {
    const app = await workspace().open();
    const other: Principal = { kind: 'token', id: 't-1', name: 'token ci of olga', role: 'viewer' };
    for (let i = 0; i < 5; i += 1) await recordAudit(app.db, entry('incident.update', `i${i}`), new Date(Date.UTC(2030, 0, 1 + i)));
    await recordAudit(app.db, { ...entry('agreement.update', 'us-cn', other), entityType: 'agreement' }, new Date(Date.UTC(2030, 0, 10)));

    const first = await app.audit.list({ limit: 2 });
    expect(first.entries.map((e) => e.entityId)).toEqual(['us-cn', 'i4']);
    const second = await app.audit.list({ limit: 2, cursor: first.nextCursor ?? 0 });
    expect(second.entries.map((e) => e.entityId)).toEqual(['i3', 'i2']);
    const third = await app.audit.list({ limit: 2, cursor: second.nextCursor ?? 0 });
    expect(third.entries.map((e) => e.entityId)).toEqual(['i1', 'i0']);
    expect(third.nextCursor).toBeNull();

    expect((await app.audit.list({ entityType: 'agreement' })).entries.map((e) => e.entityId)).toEqual(['us-cn']);
    expect((await app.audit.list({ entityType: 'incident', entityId: 'i2' })).entries).toHaveLength(1);
    expect((await app.audit.list({ action: 'incident.update' })).entries).toHaveLength(5);
    expect((await app.audit.list({ principalName: 'token ci of olga' })).entries.map((e) => e.principal)).toEqual([other]);
    const window = await app.audit.list({ since: new Date(Date.UTC(2030, 0, 2)), until: new Date(Date.UTC(2030, 0, 4)) });
    expect(window.entries.map((e) => e.entityId)).toEqual(['i2', 'i1']);
    await expect(app.audit.list({ limit: 0 })).rejects.toMatchObject({ code: 'USAGE' });
    await expect(app.audit.list({ limit: 501 })).rejects.toMatchObject({ code: 'USAGE' });
  });
});

describe('audit of the existing write paths', () => {
  it('records verdict overrides set and removed, with before and after', async () => {
    const ws = workspace();
    ws.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
    ws.write('incidents/hack.yaml', incidentYaml('hack'));
    const app = await ws.open();
    await app.dataset.load();
    await app.evaluation.evaluate();
    const base = { commitmentId: 'us-cn-test/no-ip-theft', incidentId: 'hack', author: 'olga' };
    await app.overrides.set({ ...base, verdict: 'possible-breach', note: 'first look', by: { principal: analyst, requestId: 'r-9' } });
    await app.overrides.set({ ...base, verdict: 'breach', note: 'indictment read' });
    await app.overrides.remove(base.commitmentId, base.incidentId, { principal: analyst });
    const { entries } = await app.audit.list({ entityType: 'verdict-override' });
    expect(entries.map((e) => [e.action, e.principal.kind])).toEqual([
      ['override.remove', 'user'],
      ['override.set', 'cli'],
      ['override.set', 'user'],
    ]);
    expect(entries[2]).toMatchObject({ entityId: 'us-cn-test/no-ip-theft@hack', before: null, after: { verdict: 'possible-breach', note: 'first look' }, requestId: 'r-9' });
    expect(entries[1]).toMatchObject({ before: { verdict: 'possible-breach' }, after: { verdict: 'breach' } });
    expect(entries[0]).toMatchObject({ before: { verdict: 'breach' }, after: null });
    // Removing what is not there fails and records nothing.
    await expect(app.overrides.remove(base.commitmentId, base.incidentId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await app.audit.list({ entityType: 'verdict-override' })).entries).toHaveLength(3);
  });

  it('records one entry per dataset load that changes the store, with the ids per kind', async () => {
    const ws = workspace();
    ws.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
    ws.write('incidents/hack.yaml', incidentYaml('hack'));
    ws.write('incidents/spy.yaml', incidentYaml('spy'));
    const app = await ws.open();
    const first = await app.dataset.load();
    await app.dataset.load();
    ws.write('incidents/hack.yaml', incidentYaml('hack', { title: 'Renamed' }));
    ws.remove('incidents/spy.yaml');
    const third = await app.dataset.load(ws.dataDir, { principal: SYSTEM_PRINCIPAL });
    const { entries } = await app.audit.list({ action: 'dataset.load' });
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatchObject({ entityType: 'import-batch', entityId: String(first.batchId), principal: { kind: 'cli' }, after: { stored: 3, records: { agreement: { created: ['us-cn-test'] }, incident: { created: ['hack', 'spy'] } } } });
    expect(entries[0]).toMatchObject({ entityId: String(third.batchId), principal: { kind: 'system' }, after: { updated: 1, removed: 1, records: { incident: { created: [], updated: ['hack'], removed: ['spy'] } } } });
  });

  it('records one entry per import run with its reconciliation counts and dataset', async () => {
    const ws = workspace();
    const app = await ws.open();
    const importer: Importer = {
      format: 'one',
      parse: async () => ({
        dataset: 'onefile',
        version: '7',
        warnings: [],
        rejected: [{ locator: 'line 2', reason: 'broken', raw: 'x' }],
        units: [
          {
            locator: 'line 1',
            sourceId: 'r1',
            sourceType: 'row',
            raw: 'r1',
            records: [
              {
                kind: 'incident' as const,
                recordId: 'r1',
                value: {
                  title: 'One',
                  summary: 'Imported.',
                  period: { start: '2016-02' },
                  activities: [{ type: 'commercial-espionage' as const, certainty: 'confirmed' as const }],
                  means: ['cyber' as const],
                  attributions: [{ sponsor: 'CN', relation: 'state-organ' as const, confidence: 80, basis: 'vendor-report' as const, attributedBy: 'Test', sources: [] }],
                  victims: [{ state: 'US', category: 'private-sector' as const }],
                  sources: [{ publisher: 'Test', title: 'row' }],
                  disputes: [],
                },
              },
            ],
          },
        ],
      }),
    };
    const service = new ImportService({ db: app.db, config: app.config, logger: createLogger({ logLevel: 'silent' }), now: () => new Date() }, new Map([['one', importer]]), app.evaluation);
    const path = join(ws.dir, 'in.txt');
    writeFileSync(path, 'r1\nx\n');
    await service.import({ file: path, format: 'one', dryRun: true });
    const report = await service.import({ file: path, format: 'one', by: { principal: cliPrincipal('importer') } });
    const { entries } = await app.audit.list({ action: 'import.run' });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      entityType: 'import-batch',
      entityId: String(report.batchId),
      principal: { name: 'cli:importer' },
      after: { dataset: 'onefile', version: '7', format: 'one', file: 'in.txt', fileHash: report.fileHash, read: 2, stored: 1, updated: 0, unchanged: 0, quarantined: 1 },
    });
  });
});
