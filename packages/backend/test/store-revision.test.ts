import { describe, expect, it } from 'vitest';
import { AGREEMENT_YAML, workspace } from './helpers.js';

describe('store revision (what response caches key on)', () => {
  it('stays put while nothing is written, and moves with writes from this connection and from another', async () => {
    const ws = workspace();
    ws.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
    const reader = await ws.open();
    const writer = await ws.open();
    const r0 = await reader.browse.revision();
    await reader.query.agreements();
    expect(await reader.browse.revision()).toBe(r0);

    await writer.dataset.load();
    const r1 = await reader.browse.revision();
    expect(r1).not.toBe(r0);

    await reader.evaluation.evaluate({ full: true });
    const r2 = await reader.browse.revision();
    expect(r2).not.toBe(r1);
    expect(await writer.browse.revision()).not.toBe(r1);
  });

  it.skipIf(process.env['PACTWATCH_TEST_STORE'] === 'postgres')('reads the SQLite revision while a streamed query holds the connection (the queued path waits for it)', async () => {
    const ws = workspace();
    ws.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
    const app = await ws.open();
    await app.dataset.load();
    const before = await app.browse.revision();
    const iterator = app.db.selectFrom('commitment').select('id').stream()[Symbol.asyncIterator]();
    expect((await iterator.next()).done).toBe(false);
    // The fast read bypasses the connection's queue: it must answer while the iterator holds it.
    const during = app.browse.revisions();
    while ((await iterator.next()).done !== true);
    expect(await during).toEqual({ data: before, accounts: before });
  });
});
