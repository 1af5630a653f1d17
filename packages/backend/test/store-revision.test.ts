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
});
