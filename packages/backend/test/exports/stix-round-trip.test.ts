import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pactwatch } from '@pactwatch/backend';
import { describe, expect, it } from 'vitest';
import { AGREEMENT_YAML, workspace } from '../helpers.js';
import { DE_AGREEMENT_YAML, exportWorkspace, GROUP_YAML } from './export-fixture.js';

/** Exports the fixture store as STIX and imports the bundle into a store holding only the same agreements. */
async function roundTrip(): Promise<{ source: Pactwatch; target: Pactwatch; first: string; report: Awaited<ReturnType<Pactwatch['imports']['import']>> }> {
  const { ws, app: source } = await exportWorkspace();
  const first = (await source.exports.export({ format: 'stix' })).text;
  const file = join(ws.dir, 'bundle.json');
  writeFileSync(file, first);
  const other = workspace();
  other.write('groups/g2.yaml', GROUP_YAML);
  other.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
  other.write('agreements/de-cn-test.yaml', DE_AGREEMENT_YAML);
  const target = await other.open();
  await target.dataset.load();
  const report = await target.imports.import({ file, format: 'stix' });
  return { source, target, first, report };
}

describe('STIX export → STIX import (packages/backend/src/imports/stix)', () => {
  it('imports every exported incident with its title, summary, sponsors, relations (x_pactwatch_relation) and victim states, quarantining nothing', async () => {
    const { source, target, report } = await roundTrip();
    expect(report.quarantined).toBe(0);
    expect(report.records.incidents).toBe(3);
    expect(report.warnings.join('\n')).toContain('x-pactwatch-agreement');
    const summary = (list: Awaited<ReturnType<Pactwatch['query']['incidents']>>): unknown[] =>
      list
        .map((i) => ({ title: i.title, summary: i.summary, sponsors: [...new Set(i.attributions.map((a) => a.sponsor))].sort(), relations: [...new Set(i.attributions.map((a) => `${a.sponsor}:${a.relation}`))].sort(), victims: [...new Set(i.victims.map((v) => v.state))].sort() }))
        .sort((a, b) => a.title.localeCompare(b.title));
    expect(summary(await target.query.incidents())).toEqual(summary(await source.query.incidents()));
  });

  // Exact because the importer reads pactwatch's own extension (readPactwatchStix) with native
  // ids and provenance; see the round-trip rows of docs/EXPORT.md.
  it('is a fixed point: export → import → export gives identical bytes', async () => {
    const { target, first } = await roundTrip();
    expect((await target.exports.export({ format: 'stix' })).text).toBe(first);
  });
});
