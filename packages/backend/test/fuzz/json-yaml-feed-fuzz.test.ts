import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspace } from '../helpers.js';
import { fuzzOptions, fuzzTarget, recordSummary, type FuzzSummary } from './fuzz-harness.js';
import { hostileFeeds, hostileJson, hostileYaml } from './hostile-inputs.js';
import { ATOM_SEED, DATASET_SEED, HAVE_SHARED_DATA, mispSeed, nativeSeed, RSS_SEED, STIX_SCHEMAS, stixSeeds } from './seeds.js';
import { datasetTarget, feedTarget, jsonTargets } from './targets.js';

// Every input must end as a reconciled report (each unit stored, updated, unchanged or
// quarantined with a reason) or a PactwatchError with a catalogue code naming the file, never
// another exception, a hang or a partial write. CI runs a bounded, seeded number of inputs per
// target; `npm run fuzz` raises PACTWATCH_FUZZ_COUNT. A failure prints the seed and the input.
const options = fuzzOptions(150);
// Only `npm run fuzz` needs more than the default: its thousands of inputs per target take minutes.
const TIMEOUT = Math.max(600_000, options.count * 1_000);

function expectClean(summary: FuzzSummary, count = options.count): void {
  recordSummary(summary);
  expect(summary.tried).toBeGreaterThan(count);
  expect(summary.failures, `fuzz seed ${options.seed}: ${summary.failures.length} failing inputs`).toEqual([]);
}

async function open() {
  const ws = workspace();
  return { ws, app: await ws.open({ env: { PACTWATCH_STIX_SCHEMAS: STIX_SCHEMAS } }) };
}

describe.skipIf(!HAVE_SHARED_DATA)(`fuzzing the JSON importers${HAVE_SHARED_DATA ? '' : ' (skipped: /work/shared/data is missing)'}`, () => {
  const seeds = HAVE_SHARED_DATA ? { stix: stixSeeds(), misp: mispSeed(), native: nativeSeed() } : { stix: [], misp: '', native: '' };
  const wraps: Record<string, (value: string) => string> = {
    'stix 2.1 bundle': (v) => `{"type":"bundle","id":"bundle--11111111-2222-4333-8444-555555555555","objects":[{"type":"incident","spec_version":"2.1","id":"incident--00000000-0000-4000-8000-000000000001","created":"2021-01-01T00:00:00.000Z","modified":"2021-01-01T00:00:00.000Z","name":${v}}]}`,
    'misp galaxy clusters': (v) => `{"name":"Threat Actor","type":"threat-actor","uuid":"7cdff317-a673-4474-84ec-4f1754947823","version":1,"values":[{"value":${v},"uuid":"00000000-0000-4000-8000-000000000001","meta":{"country":"CN"}}]}`,
    'native json': (v) => `{"format":"pactwatch","version":1,"incidents":[{"id":"fuzz","title":${v}}]}`,
  };
  for (const index of [0, 1, 2]) {
    const name = ['stix 2.1 bundle', 'misp galaxy clusters', 'native json'][index] ?? '';
    it(name, async () => {
      const { app } = await open();
      const target = jsonTargets(app, seeds)[index];
      if (target === undefined) throw new Error(`no target ${index}`);
      const seed = target.seeds[0]?.toString('utf8') ?? '';
      expectClean(await fuzzTarget(target, options, hostileJson(seed, wraps[name] ?? ((v) => v))));
    }, TIMEOUT);
  }
});

describe('fuzzing the dataset loader and the feed parser', () => {
  it('curated-dataset YAML', async () => {
    const { app } = await open();
    const dir = mkdtempSync(join(tmpdir(), 'pactwatch-fuzz-dataset-'));
    // A load re-reads the folder and re-evaluates on every change: a third of the inputs keeps the file's cost in line.
    const datasetOptions = { ...options, count: Math.ceil(options.count / 3) };
    expectClean(await fuzzTarget(datasetTarget(app, dir, DATASET_SEED), datasetOptions, hostileYaml(DATASET_SEED)), datasetOptions.count);
  }, TIMEOUT);

  it('RSS and Atom feeds', async () => {
    expectClean(await fuzzTarget(feedTarget([RSS_SEED, ATOM_SEED]), options, hostileFeeds()));
  }, TIMEOUT);
});
