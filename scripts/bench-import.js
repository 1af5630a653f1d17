#!/usr/bin/env node
// STIX import benchmark, on the built packages: `npm run build`, then
//
//   node scripts/bench-import.js                      the Enterprise ATT&CK bundle, 3 repetitions
//   node scripts/bench-import.js --file PATH          another STIX bundle
//   options: --reps N (default 3)  --out FILE (also write the JSON there)
//
// Three measurements, each repetition in its own child process (fresh heap, cold JIT, its own peak
// RSS), timed wall-clock (performance.now) and on CPU (process.cpuUsage) around the call only:
//   json-parse      bare JSON.parse of the file (read and decoded before the clock starts)
//   importer-parse  the stix importer's parse(): decode, parse, guard, schema-validate, map
//   full-import     app.imports.import() into a new temporary SQLite store, end to end (reading
//                   the file, parsing, validating against the model, writing, evaluating);
//                   then the same file again (every unit unchanged)
// The table gives the median, the minimum and the ratio of medians to json-parse. The machine may
// be shared: the load average is printed with the results. Nothing here asserts on time
// (docs/BENCHMARKS.md, docs/IMPORT-STIX.md).

import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_FILE = resolve(ROOT, '../shared/data/attack/enterprise-attack-18.1.reconstructed-stix21.json');
const TARGET_MS = 3000;

function parseArgs(argv) {
  const args = { file: DEFAULT_FILE, reps: 3, out: undefined, child: undefined };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    const next = () => {
      const v = argv[i + 1];
      if (v === undefined) throw new Error(`${a} needs a value`);
      i += 1;
      return v;
    };
    if (a === '--file') args.file = resolve(next());
    else if (a === '--reps') args.reps = Math.max(1, Number(next()));
    else if (a === '--out') args.out = resolve(next());
    else if (a === '--child') args.child = next();
    else if (a === '--help' || a === '-h') args.help = true;
    else throw new Error(`unknown option ${a} (see the header of scripts/bench-import.js)`);
  }
  return args;
}

const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Wall and CPU milliseconds of one awaited call. */
async function timed(fn) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { value, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

// ---------------------------------------------------------------------------------------------
// Child: one measurement, printed as one JSON line on stdout.

async function child(kind, file) {
  const out = { kind };
  if (kind === 'json-parse') {
    const text = readFileSync(file, 'utf8');
    const r = await timed(() => JSON.parse(text));
    Object.assign(out, { wallMs: r.wallMs, cpuMs: r.cpuMs, objects: Array.isArray(r.value.objects) ? r.value.objects.length : null });
  } else if (kind === 'importer-parse') {
    const { defaultImporters } = await import('@pactwatch/backend');
    const importer = defaultImporters().get('stix');
    const bytes = readFileSync(file);
    const r = await timed(() => importer.parse({ path: file, bytes, fileHash: 'bench' }));
    const records = r.value.units.flatMap((u) => u.records);
    Object.assign(out, {
      wallMs: r.wallMs,
      cpuMs: r.cpuMs,
      dataset: r.value.dataset,
      version: r.value.version ?? null,
      units: r.value.units.length,
      rejected: r.value.rejected.length,
      actors: records.filter((x) => x.kind === 'actor').length,
      incidents: records.filter((x) => x.kind === 'incident').length,
      warnings: r.value.warnings,
    });
  } else if (kind === 'full-import') {
    const { createLogger, loadConfig, openPactwatch } = await import('@pactwatch/backend');
    const dir = mkdtempSync(join(os.tmpdir(), 'pactwatch-bench-import-'));
    mkdirSync(join(dir, 'data'));
    try {
      const config = loadConfig({ databasePath: join(dir, 'store.db'), dataDir: join(dir, 'data') }, {});
      const app = await openPactwatch(config, { logger: createLogger({ logLevel: 'silent' }) });
      const first = await timed(() => app.imports.import({ file, format: 'stix' }));
      const again = await timed(() => app.imports.import({ file, format: 'stix' }));
      await app.close();
      const pick = (r) => ({ read: r.read, stored: r.stored, updated: r.updated, unchanged: r.unchanged, quarantined: r.quarantined, records: r.records });
      Object.assign(out, { wallMs: first.wallMs, cpuMs: first.cpuMs, report: pick(first.value), reimport: { wallMs: again.wallMs, cpuMs: again.cpuMs, report: pick(again.value) }, storeMB: round(statSync(join(dir, 'store.db')).size / 1048576) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else throw new Error(`unknown measurement ${kind}`);
  out.peakRssMB = round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

function runChild(kind, file) {
  return new Promise((resolvePromise, reject) => {
    const proc = fork(fileURLToPath(import.meta.url), ['--child', kind, '--file', file], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    let stdout = '';
    proc.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    proc.on('error', reject);
    proc.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${kind} child exited with code ${code}`));
      const line = stdout.trim().split('\n').pop() ?? '';
      try {
        resolvePromise(JSON.parse(line));
      } catch {
        reject(new Error(`${kind} child printed no result: ${stdout.slice(0, 500)}`));
      }
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Parent: repetitions, table and JSON.

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 22).map((l) => l.replace(/^\/\/ ?/, '')).join('\n') + '\n');
    return;
  }
  if (args.child !== undefined) return child(args.child, args.file);
  const size = statSync(args.file).size;
  const kinds = ['json-parse', 'importer-parse', 'full-import'];
  const runs = Object.fromEntries(kinds.map((k) => [k, []]));
  const loadBefore = os.loadavg();
  for (let rep = 0; rep < args.reps; rep += 1) {
    for (const kind of kinds) {
      runs[kind].push(await runChild(kind, args.file));
      process.stderr.write('.');
    }
  }
  process.stderr.write('\n');
  const baseline = median(runs['json-parse'].map((r) => r.wallMs));
  const row = (label, list, pick) => {
    const wall = list.map((r) => pick(r).wallMs);
    const cpu = list.map((r) => pick(r).cpuMs);
    return { step: label, medianMs: round(median(wall)), minMs: round(Math.min(...wall)), medianCpuMs: round(median(cpu)), ratioToJsonParse: round(median(wall) / baseline, 2), peakRssMB: round(Math.max(...list.map((r) => r.peakRssMB))) };
  };
  const rows = [
    row('JSON.parse (bare)', runs['json-parse'], (r) => r),
    row('importer parse', runs['importer-parse'], (r) => r),
    row('full import (new store)', runs['full-import'], (r) => r),
    { ...row('re-import (unchanged)', runs['full-import'], (r) => r.reimport), peakRssMB: null },
  ];
  const full = runs['full-import'].at(-1);
  const parsed = runs['importer-parse'].at(-1);
  const result = {
    file: args.file,
    bytes: size,
    reps: args.reps,
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    loadAverage: { before: loadBefore.map((x) => round(x, 2)), after: os.loadavg().map((x) => round(x, 2)) },
    targetFullImportMs: TARGET_MS,
    rows,
    dataset: parsed.dataset,
    version: parsed.version,
    units: parsed.units,
    rejected: parsed.rejected,
    actors: parsed.actors,
    incidents: parsed.incidents,
    firstImport: full.report,
    reimport: full.reimport.report,
    storeMB: full.storeMB,
    warnings: parsed.warnings,
  };

  const header = ['step', 'median ms', 'min ms', 'median CPU ms', '× JSON.parse', 'peak RSS MB'];
  const cells = rows.map((r) => [r.step, String(r.medianMs), String(r.minMs), String(r.medianCpuMs), String(r.ratioToJsonParse), r.peakRssMB === null ? '' : String(r.peakRssMB)]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => c.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ');
  console.log(`${basename(args.file)}: ${round(size / 1048576)} MB, ${parsed.units + parsed.rejected} objects; ${parsed.dataset} ${parsed.version ?? ''}; ${args.reps} repetitions; ${os.cpus().length} CPUs, load ${result.loadAverage.before.join(' ')}`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
  console.log(`first import: read ${full.report.read} = stored ${full.report.stored} + updated ${full.report.updated} + unchanged ${full.report.unchanged} + quarantined ${full.report.quarantined}; actors ${full.report.records.actors}, incidents ${full.report.records.incidents}; store ${full.storeMB} MB`);
  console.log(`re-import:    unchanged ${full.reimport.report.unchanged} of ${full.reimport.report.read}`);
  console.log(`target: full import under ${TARGET_MS} ms — median ${rows[2].medianMs} ms`);
  console.log(JSON.stringify(result, null, 2));
  if (args.out !== undefined) {
    mkdirSync(dirname(args.out), { recursive: true });
    writeFileSync(args.out, `${JSON.stringify(result, null, 2)}\n`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
