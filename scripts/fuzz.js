#!/usr/bin/env node
// Long fuzz run of the importers, the dataset loader, the feed parser and the API's write routes
// (issue 8; not run in CI, which runs the same harness with ~100 inputs per target):
//
//   npm run fuzz                                 10,000 mutated inputs per importer target, 200 per API route
//   node scripts/fuzz.js --count N --api-count M --seed S --cap-ms MS --project sqlite|postgres
//
// It runs the vitest fuzz files (packages/backend/test/fuzz/*-fuzz.test.ts, apps/api/test/api-fuzz.test.ts)
// with PACTWATCH_FUZZ_COUNT raised, collects one summary line per target and prints inputs tried,
// outcomes and failures. Every failure names the seed and the input; rerun with --seed to reproduce.
// The postgres project needs PACTWATCH_TEST_DATABASE_URL (scripts/pg-cluster.sh). Exit code 1 on
// any failure. Record the results in docs/RELIABILITY.md ("Fuzzing").

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const IMPORTER_FILES = ['packages/backend/test/fuzz/tabular-fuzz.test.ts', 'packages/backend/test/fuzz/json-yaml-feed-fuzz.test.ts'];
const API_FILES = ['apps/api/test/api-fuzz.test.ts'];

function parseArgs(argv) {
  const args = { count: 10_000, apiCount: 200, seed: 20_261_205, capMs: 20_000, project: 'sqlite', only: undefined };
  for (let i = 0; i < argv.length; i += 1) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--count': args.count = Number(value); i += 1; break;
      case '--api-count': args.apiCount = Number(value); i += 1; break;
      case '--seed': args.seed = Number(value); i += 1; break;
      case '--cap-ms': args.capMs = Number(value); i += 1; break;
      case '--project': args.project = value; i += 1; break;
      case '--only': args.only = value; i += 1; break; // importers | api
      default: throw new Error(`unknown option ${argv[i]}`);
    }
  }
  return args;
}

function run(files, count, args, reportFile) {
  const env = { ...process.env, PACTWATCH_FUZZ_COUNT: String(count), PACTWATCH_FUZZ_SEED: String(args.seed), PACTWATCH_FUZZ_CAP_MS: String(args.capMs), PACTWATCH_FUZZ_REPORT: reportFile };
  const result = spawnSync('npx', ['vitest', 'run', '--project', args.project, ...files], { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
  return result.status ?? 1;
}

const args = parseArgs(process.argv.slice(2));
const dir = mkdtempSync(join(os.tmpdir(), 'pactwatch-fuzz-'));
const reportFile = join(dir, 'summaries.jsonl');
const started = Date.now();
let status = 0;
if (args.only !== 'api') status = Math.max(status, run(IMPORTER_FILES, args.count, args, reportFile));
if (args.only !== 'importers') status = Math.max(status, run(API_FILES, args.apiCount, args, reportFile));
const summaries = existsSync(reportFile) ? readFileSync(reportFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
rmSync(dir, { recursive: true, force: true });

console.log(`\nfuzz run: seed ${args.seed}, ${args.count} mutants per importer target, ${args.apiCount} per API route, cap ${args.capMs} ms per input, project ${args.project}`);
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, ${new Date().toISOString()}, ${((Date.now() - started) / 60_000).toFixed(1)} min`);
console.log('| target | inputs tried | outcomes | failures | slowest input |');
console.log('|---|---:|---|---:|---|');
let tried = 0;
let failures = 0;
for (const s of summaries) {
  tried += s.tried;
  failures += s.failureCount;
  const outcomes = Object.entries(s.outcomes).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k} ${v}`).join(', ');
  console.log(`| ${s.target} | ${s.tried} | ${outcomes} | ${s.failureCount} | ${s.slowest.name === '' ? '–' : `${s.slowest.name} (${s.slowest.ms} ms)`} |`);
}
console.log(`total: ${tried} inputs, ${failures} failures${summaries.length === 0 ? ' (no summaries: did vitest run?)' : ''}`);
for (const s of summaries) for (const f of s.failures) console.log(`FAIL ${f.slice(0, 400)}`);
process.exit(status !== 0 || failures > 0 || summaries.length === 0 ? 1 : 0);
