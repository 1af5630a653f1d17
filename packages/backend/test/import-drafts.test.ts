import type { Principal } from '@pactwatch/domain';
import type { ImportReport, Pactwatch } from '@pactwatch/backend';
import { describe, expect, it, vi } from 'vitest';
import { DraftRepository } from '../src/repositories/draft-repository.js';
import { row, setupLines } from './lines-importer.js';

const admin: Principal = { kind: 'user', id: 'u-9', name: 'adam', role: 'admin' };
const analyst = { principal: { kind: 'user', id: 'u-1', name: 'alice', role: 'analyst' } satisfies Principal };

/** Every unit read is accounted for, drafts included. */
function reconciles(report: ImportReport): boolean {
  return report.read === report.stored + report.updated + report.unchanged + report.quarantined + report.drafted + report.alreadyDrafted;
}

async function queue(app: Pactwatch, state?: 'pending' | 'accepted' | 'rejected') {
  return (await app.drafts.list({ origin: 'import:lines', limit: 100, ...(state === undefined ? {} : { state }) })).items;
}

describe('imports proposed as drafts', () => {
  it('queues every valid incident as a pending draft, stores actors, quarantines the rest, and audits each draft', async () => {
    const { app, service, file } = await setupLines();
    const path = file('a.lines', [row({ id: '1', sponsor: 'CN', victim: 'US', start: '2016-02', actor: 'APT-X' }), row({ id: '2', sponsor: 'CN', victim: 'US', start: '2016-03' }), 'not json', row({ id: '3', sponsor: 'XX', victim: 'US', start: '2016' })]);
    const report = await service.import({ file: path, format: 'lines', asDrafts: true, by: { principal: admin, requestId: 'req-7' } });
    expect(report).toMatchObject({ read: 4, stored: 0, updated: 0, unchanged: 0, quarantined: 2, drafted: 2, alreadyDrafted: 0, asDrafts: true, draftOrigin: 'import:lines', evaluation: null });
    expect(reconciles(report)).toBe(true);
    // Nothing reached the incident store; the actor did, so the drafts can name it when accepted.
    expect(await app.query.incidents()).toEqual([]);
    expect((await app.query.actors()).map((a) => a.id)).toEqual(['lines-apt-x']);
    const drafts = await queue(app);
    expect(drafts.map((d) => [d.record.id, d.state, d.createdBy]).sort()).toEqual([['lines-1', 'pending', 'adam'], ['lines-2', 'pending', 'adam']]);
    expect(drafts.find((d) => d.record.id === 'lines-1')?.notes).toContain('a.lines (lines), line 1, record 1');
    expect(drafts[0]?.record.provenance).toMatchObject({ origin: 'imported', dataset: 'lines' });
    // Invalid units are quarantined as in any import, in the same run.
    expect((await app.query.quarantine()).map((q) => q.locator)).toEqual(['line 3', 'line 4 field attributions.0.sponsor']);
    const audit = await app.audit.list({ action: 'draft.create' });
    expect(audit.entries).toHaveLength(2);
    expect(audit.entries[0]).toMatchObject({ principal: { name: 'adam' }, entityType: 'draft', requestId: 'req-7' });
    const run = await app.audit.list({ action: 'import.run' });
    expect(run.entries[0]?.after).toMatchObject({ read: 4, drafted: 2, alreadyDrafted: 0, quarantined: 2 });
  });

  it('skips what the queue already holds on re-import, and proposes a record again only when it changed after a decision', async () => {
    const { app, service, file } = await setupLines();
    const rows = [row({ id: '1', sponsor: 'CN', victim: 'US', start: '2016-02' }), row({ id: '2', sponsor: 'CN', victim: 'US', start: '2016-03' })];
    await service.import({ file: file('a.lines', rows), format: 'lines', asDrafts: true });
    const again = await service.import({ file: file('a.lines', rows), format: 'lines', asDrafts: true });
    expect(again).toMatchObject({ read: 2, drafted: 0, alreadyDrafted: 2, quarantined: 0 });
    expect(reconciles(again)).toBe(true);
    expect(await queue(app)).toHaveLength(2);

    // Decided on this content: neither a rejection nor an acceptance is undone by the next import.
    const [first, second] = [...(await queue(app))].sort((a, b) => a.record.id.localeCompare(b.record.id));
    await app.drafts.reject(first?.id ?? '', 'not state-sponsored', analyst);
    await app.drafts.accept(second?.id ?? '', analyst);
    const afterDecisions = await service.import({ file: file('b.lines', rows), format: 'lines', asDrafts: true });
    expect(afterDecisions).toMatchObject({ drafted: 0, alreadyDrafted: 2, quarantined: 0 });

    // The rejected record changed at its source: it is proposed again, once.
    const changed = [row({ id: '1', sponsor: 'CN', victim: 'US', start: '2016-02', title: 'Corrected' }), rows[1] ?? ''];
    const proposed = await service.import({ file: file('c.lines', changed), format: 'lines', asDrafts: true });
    expect(proposed).toMatchObject({ read: 2, drafted: 1, alreadyDrafted: 1 });
    expect((await queue(app, 'pending')).map((d) => d.record.title)).toEqual(['Corrected']);
    expect((await service.import({ file: file('c.lines', changed), format: 'lines', asDrafts: true })).alreadyDrafted).toBe(2);
  });

  it('writes nothing on a dry run, and quarantines a record stored with other content (its draft could not be accepted)', async () => {
    const { app, service, file } = await setupLines();
    const rows = [row({ id: '1', sponsor: 'CN', victim: 'US', start: '2016-02' }), row({ id: '2', sponsor: 'CN', victim: 'US', start: '2016-03' })];
    const dry = await service.import({ file: file('a.lines', rows), format: 'lines', asDrafts: true, dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, batchId: null, drafted: 2, stored: 0 });
    expect(await queue(app)).toEqual([]);
    expect((await app.audit.list({ action: 'draft.create' })).entries).toEqual([]);

    await service.import({ file: file('a.lines', rows), format: 'lines' });
    const edited = [rows[0] ?? '', row({ id: '2', sponsor: 'CN', victim: 'US', start: '2016-03', title: 'Renamed' }), row({ id: '3', sponsor: 'CN', victim: 'US', start: '2017' })];
    const review = await service.import({ file: file('b.lines', edited), format: 'lines', asDrafts: true });
    expect(review).toMatchObject({ read: 3, unchanged: 1, drafted: 1, quarantined: 1, updated: 0 });
    expect(reconciles(review)).toBe(true);
    expect(review.problems[0]?.reason).toContain('incident "lines-2" is already stored');
    expect((await app.query.incident('lines-2')).title).toBe('Incident 2');
    expect((await queue(app)).map((d) => d.record.id)).toEqual(['lines-3']);
  });

  it('writes the drafts in the same transaction as the quarantine: a failure on the second draft leaves neither', async () => {
    const { app, service, file } = await setupLines();
    const path = file('a.lines', [row({ id: '1', sponsor: 'CN', victim: 'US', start: '2016-02' }), row({ id: '2', sponsor: 'CN', victim: 'US', start: '2016-03' }), 'not json']);
    const insert = DraftRepository.prototype.insert;
    const spy = vi.spyOn(DraftRepository.prototype, 'insert').mockImplementationOnce(insert).mockRejectedValueOnce(new Error('simulated crash while queueing'));
    await expect(service.import({ file: path, format: 'lines', asDrafts: true })).rejects.toThrow('simulated crash while queueing');
    spy.mockRestore();
    expect(await queue(app)).toEqual([]);
    expect(await app.query.quarantine()).toEqual([]);
    expect(await service.import({ file: path, format: 'lines', asDrafts: true })).toMatchObject({ drafted: 2, quarantined: 1 });
  });
});
