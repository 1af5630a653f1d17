import { describe, expect, it } from 'vitest';
import { workspace } from '../helpers.js';
import { fuzzOptions, fuzzTarget, recordSummary, type FuzzSummary } from './fuzz-harness.js';
import { hostileCsv, hostileXlsx, hostileYaml } from './hostile-inputs.js';
import { CFR_CSV, cfrWorkbook, OWN_CSV, OWN_MAPPING, STIX_SCHEMAS } from './seeds.js';
import { csvTarget, mappingTarget, xlsxTarget } from './targets.js';

// Every input must end as a reconciled report (each unit stored, updated, unchanged or
// quarantined with a reason) or a PactwatchError with a catalogue code naming the file, never
// another exception, a hang or a partial write. CI runs a bounded, seeded number of inputs per
// target; `npm run fuzz` raises PACTWATCH_FUZZ_COUNT. A failure prints the seed and the input.
const options = fuzzOptions(100);
// Only `npm run fuzz` needs more than the default: its thousands of inputs per target take minutes.
const TIMEOUT = Math.max(600_000, options.count * 1_000);
const HEADER = CFR_CSV.split('\r\n')[0] ?? '';
const ROW = CFR_CSV.split('\r\n')[1] ?? '';

function expectClean(summary: FuzzSummary): void {
  recordSummary(summary);
  expect(summary.tried).toBeGreaterThan(options.count);
  expect(summary.failures, `fuzz seed ${options.seed}: ${summary.failures.length} failing inputs`).toEqual([]);
}

async function open() {
  const ws = workspace();
  return { ws, app: await ws.open({ env: { PACTWATCH_STIX_SCHEMAS: STIX_SCHEMAS } }) };
}

describe('fuzzing the tabular importers', () => {
  it('csv with the CFR preset', async () => {
    const { app } = await open();
    expectClean(await fuzzTarget(csvTarget(app, CFR_CSV), options, hostileCsv(HEADER, ROW)));
  }, TIMEOUT);

  it('csv with a user mapping (the mapping YAML is fuzzed)', async () => {
    const { app } = await open();
    expectClean(await fuzzTarget(mappingTarget(app, Buffer.from(OWN_CSV), Buffer.from(OWN_MAPPING)), options, hostileYaml(OWN_MAPPING)));
  }, TIMEOUT);

  it('xlsx with the CFR preset, zip bombs included', async () => {
    const { app } = await open();
    const workbook = await cfrWorkbook();
    expectClean(await fuzzTarget(xlsxTarget(app, workbook), options, await hostileXlsx(workbook)));
  }, TIMEOUT);
});

