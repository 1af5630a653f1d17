#!/usr/bin/env node
// pactwatch benchmarks, on the built packages (run through `npm run bench`, which builds first).
//
//   node scripts/bench.js                       engine 10k, 100k, 1M; store 10k, 100k
//   node scripts/bench.js --quick               engine 10k, store 10k, fewer repetitions (smoke run)
//   node scripts/bench.js --sizes 10000,100000  engine sizes (the store takes those ≤ --store-max)
//   options: --store-sizes a,b  --store-max N (default 100000)  --no-store  --no-engine
//            --reps N  --chunk N (most incidents per evaluateAll call; default 100000; streamed runs use 10k pages)
//            --singles N (changed incidents timed one by one; default 1000)  --increments N (default 20)
//            --seed S  --out FILE (default bench/out/results.json)  --label TEXT (kept in the results)
//            --node-flags "FLAGS" (extra node/V8 flags for every child, e.g. --no-allocation-site-pretenuring)
//
// Each size runs in its own child process (node --expose-gc), so every measurement starts from a
// fresh heap, a cold EDTF cache and cold JIT, and the peak RSS belongs to that size alone. Timings
// are wall-clock (performance.now / hrtime) around the call measured, never around data generation.
// Nothing here asserts on time: it measures and reports (docs/BENCHMARKS.md).

import { execFileSync, fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtCodeHash } from '../bench/dist-hash.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_FULL_MS = 2000;
const TARGET_ONE_MS = 5;
const STREAM_PAGE = 10_000;

// ---------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const args = { quick: false, store: true, engine: true, child: undefined };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    const next = () => {
      const v = argv[i + 1];
      if (v === undefined) throw new Error(`${a} needs a value`);
      i += 1;
      return v;
    };
    const sizes = (v) => v.split(',').map((s) => Number(s.replace(/_/g, '').replace(/k$/i, '000').replace(/m$/i, '000000'))).filter((n) => Number.isInteger(n) && n > 0);
    if (a === '--quick') args.quick = true;
    else if (a === '--sizes') args.sizes = sizes(next());
    else if (a === '--store-sizes') args.storeSizes = sizes(next());
    else if (a === '--store-max') args.storeMax = Number(next());
    else if (a === '--no-store') args.store = false;
    else if (a === '--no-engine') args.engine = false;
    else if (a === '--reps') args.reps = Number(next());
    else if (a === '--chunk') args.chunk = Number(next());
    else if (a === '--singles') args.singles = Number(next());
    else if (a === '--increments') args.increments = Number(next());
    else if (a === '--seed') args.seed = Number(next());
    else if (a === '--out') args.out = next();
    else if (a === '--label') args.label = next();
    else if (a === '--node-flags') args.nodeFlags = next().split(/\s+/).filter((f) => f !== '');
    else if (a === '--child') args.child = next();
    else if (a === '--mode') args.mode = next();
    else if (a === '--size') args.size = Number(next());
    else if (a === '--help' || a === '-h') args.help = true;
    else throw new Error(`unknown option ${a} (see the header of scripts/bench.js)`);
  }
  return args;
}

// ---------------------------------------------------------------------------------------------
// Small statistics and formatting

const median = (xs) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs, q) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const min = (xs) => Math.min(...xs);
const max = (xs) => Math.max(...xs);
const round = (x, d = 2) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : x);
const mb = (bytes) => round(bytes / 1048576, 1);
const fmtN = (n) => (n >= 1e6 && n % 1e6 === 0 ? `${n / 1e6}M` : n >= 1e3 && n % 1e3 === 0 ? `${n / 1e3}k` : String(n));
const fmtMs = (ms) => (!Number.isFinite(ms) ? '—' : ms >= 100 ? `${Math.round(ms).toLocaleString('en')} ms` : ms >= 1 ? `${ms.toFixed(2)} ms` : `${(ms * 1000).toFixed(1)} µs`);
const now = () => performance.now();
const gc = () => {
  if (typeof globalThis.gc === 'function') globalThis.gc();
};
const memory = () => {
  const m = process.memoryUsage();
  return { heapUsedMB: mb(m.heapUsed), rssMB: mb(m.rss) };
};
const peakRssMB = () => round(process.resourceUsage().maxRSS / 1024, 1);
// Whole-machine busy CPU time from /proc/stat (ms), to tell how much of the machine other
// processes used while this child ran: (machine busy − own CPU) / wall = other processes' cores.
function machineBusyMs() {
  if (!existsSync('/proc/stat')) return NaN;
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  const total = cpu.slice(0, 8).reduce((s, x) => s + x, 0);
  return (total - idle) * 10; // USER_HZ is 100 on Linux: one jiffy = 10 ms
}
const startBusy = machineBusyMs();
const startOwn = process.cpuUsage();
const startWall = performance.now();
const otherCores = () => {
  const own = process.cpuUsage(startOwn);
  const wall = performance.now() - startWall;
  return round((machineBusyMs() - startBusy - (own.user + own.system) / 1000) / wall, 2);
};
// GC pause time, from perf_hooks (entries arrive asynchronously: read after a tick).
let gcTotalMs = 0;
const gcObserver = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcTotalMs += e.duration;
});
gcObserver.observe({ entryTypes: ['gc'] });
const tick = () => new Promise((r) => setImmediate(r));

// CPU time of this process over its wall time: about 1 (plus GC threads) when it had a core to
// itself; well below 1 means it waited for the CPU (another job on the machine).
const cpuPerWall = () => {
  const u = process.cpuUsage();
  return round((u.user + u.system) / 1000 / (performance.now() + 1), 2);
};

function table(rows, headers) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  return {
    cpuModel: model,
    cpus: os.availableParallelism(),
    memoryGiB: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    v8: process.versions.v8,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  };
}

/**
 * Which code was measured: the other engineers edit the engine and the repositories while
 * benchmarks run, so every result names the commit, the files changed on top of it, and a hash
 * of the built JavaScript each child actually loaded.
 */
function codeVersion() {
  const git = (...a) => {
    try {
      return execFileSync('git', a, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  const status = git('status', '--porcelain', '--', 'packages', 'apps');
  return {
    head: git('rev-parse', 'HEAD'),
    subject: git('log', '-1', '--format=%s'),
    changedFiles: status === null ? null : status.split('\n').filter((l) => l !== '' && !l.includes('/test/')),
    dist: distHash(),
  };
}

/**
 * sha256 (first 16 hex) over the built JavaScript these benchmarks exercise: the domain's model,
 * dates, countries and compliance engine; the backend's store, repositories, services and config
 * (not the importers or the statistics, which other engineers rebuild independently).
 */
function distHash() {
  return builtCodeHash(ROOT, [
    ...['compliance', 'dates', 'model', 'countries'].map((dir) => `packages/domain/dist/${dir}`),
    ...['db', 'repositories', 'services', 'util', 'config'].map((dir) => `packages/backend/dist/${dir}`),
    'packages/domain/dist/index.js',
    'packages/backend/dist/index.js',
    'packages/backend/dist/app.js',
  ]);
}

// ---------------------------------------------------------------------------------------------
// Child: pure engine on N incidents

/**
 * One engine mode in a fresh process. `retained`: evaluateAll, every finding of the call held in
 * one array. `streamed`: evaluateIncident per incident, findings counted and dropped, as
 * EvaluationService uses the engine. They must not share a process: once evaluateAll has kept
 * hundreds of thousands of findings alive, V8 pretenures the engine's allocation sites for the rest
 * of the process and streamed evaluation runs about 3× slower (docs/BENCHMARKS.md).
 */
async function engineChild({ size, reps, chunk, singles, seed, mode }) {
  const { createComplianceEngine } = await import('@pactwatch/domain');
  const syn = await import('../bench/synthetic.js');
  const retained = mode !== 'streamed';
  const result = { size, mode: retained ? 'retained' : 'streamed', execArgv: process.execArgv, dist: distHash(), chunked: size > chunk, chunk: size > chunk ? chunk : size };

  let t = now();
  result.checked = syn.checkSample({ incidents: size, sample: Math.min(1000, size), seed });
  result.checkMs = round(now() - t, 1);

  const agreements = syn.generateAgreements(syn.DEFAULT_AGREEMENTS, seed);
  const groups = syn.generateGroups();
  const builds = [];
  let engine;
  for (let i = 0; i < 5; i += 1) {
    t = now();
    engine = createComplianceEngine(agreements, groups, { confidenceThreshold: 70 });
    builds.push(now() - t);
  }
  result.engineBuild = { coldMs: round(builds[0], 3), medianMs: round(median(builds.slice(1)), 3), refrainCommitments: engine.commitments.size };

  const verdicts = {};
  /** One pass over `incidents`: the findings array (retained) or their number (streamed). */
  const pass = (incidents) => {
    if (retained) return engine.evaluateAll(incidents);
    let count = 0;
    for (const incident of incidents) count += engine.evaluateIncident(incident).length;
    return count;
  };
  const countOf = (out) => (typeof out === 'number' ? out : out.length);
  const runs = [];
  const gcRuns = [];
  let findingsCount = 0;
  gc();
  const baseHeap = process.memoryUsage().heapUsed;

  if (!result.chunked) {
    t = now();
    const incidents = syn.generateIncidents(size, { seed });
    result.generateMs = round(now() - t, 1);
    result.data = syn.describeData(agreements, incidents);
    gc();
    const withIncidents = process.memoryUsage().heapUsed;
    result.memory = { incidentsMB: mb(withIncidents - baseHeap), bytesPerIncident: Math.round((withIncidents - baseHeap) / size) };
    for (let r = 0; r <= reps; r += 1) {
      gc();
      await tick();
      const g0 = gcTotalMs;
      const t0 = now();
      let out = pass(incidents);
      runs.push(now() - t0);
      await tick();
      gcRuns.push(gcTotalMs - g0);
      findingsCount = countOf(out);
      if (r === 0 && typeof out !== 'number') {
        // After the timing: verdicts, and the heap the findings of one call take.
        for (const f of out) verdicts[f.verdict] = (verdicts[f.verdict] ?? 0) + 1;
        gc();
        const withFindings = process.memoryUsage().heapUsed;
        result.memory.findingsMB = mb(withFindings - withIncidents);
        result.memory.bytesPerFinding = Math.round((withFindings - withIncidents) / Math.max(1, out.length));
        result.memory.heapWithFindingsMB = mb(withFindings);
      }
      out = undefined;
    }
    // One changed incident, re-evaluated alone with evaluateIncident (the engine is warm).
    result.single = singleIncident(engine, incidents, singles, syn);
  } else {
    // Too many to hold with their findings: generate and evaluate in chunks; only evaluation is timed.
    let generateMs = 0;
    let sampleForSingles;
    for (let r = 0; r <= reps; r += 1) {
      let total = 0;
      let count = 0;
      let gcInRun = 0;
      for (let from = 0; from < size; from += chunk) {
        const n = Math.min(chunk, size - from);
        const tg = now();
        let incidents = syn.generateIncidents(n, { seed, from });
        if (r === 0) generateMs += now() - tg;
        gc();
        await tick();
        const g0 = gcTotalMs;
        const t0 = now();
        count += countOf(pass(incidents));
        total += now() - t0;
        await tick();
        gcInRun += gcTotalMs - g0;
        if (r === 0 && from === 0) {
          result.memory = { heapAfterFirstChunkMB: mb(process.memoryUsage().heapUsed) };
          // Keep only the incidents the single-incident timing uses, not the whole chunk.
          const step = Math.max(1, Math.floor(incidents.length / singles));
          sampleForSingles = incidents.filter((_, i) => i % step === 0).slice(0, singles);
        }
        incidents = undefined;
      }
      runs.push(total);
      gcRuns.push(gcInRun);
      findingsCount = count;
    }
    result.generateMs = round(generateMs, 1);
    result.single = singleIncident(engine, sampleForSingles, singles, syn);
    sampleForSingles = undefined;
  }
  const warm = runs.slice(1);
  result.full = {
    coldMs: round(runs[0], 1),
    medianMs: round(median(warm), 1),
    minMs: round(min(warm), 1),
    maxMs: round(max(warm), 1),
    reps: warm.length,
    runsMs: runs.map((x) => round(x, 1)),
    gcMsPerRun: gcRuns.map((x) => round(x, 1)),
    findings: findingsCount,
    findingsPerIncident: round(findingsCount / size, 2),
    incidentsPerSecond: Math.round(size / (median(warm) / 1000)),
    ...(Object.keys(verdicts).length > 0 ? { verdicts } : {}),
  };
  result.peakRssMB = peakRssMB();
  result.cpuPerWall = cpuPerWall();
  result.otherProcessesCores = otherCores();
  return result;
}

function singleIncident(engine, incidents, count, syn) {
  const n = Math.min(count, incidents.length);
  const step = Math.max(1, Math.floor(incidents.length / n));
  const time = (make) => {
    const samples = [];
    let findings = 0;
    for (let k = 0; k < n; k += 1) {
      const changed = make(incidents[k * step], k);
      const t0 = process.hrtime.bigint();
      const out = engine.evaluateIncident(changed);
      samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
      findings += out.length;
    }
    return {
      n,
      medianMs: round(median(samples), 4),
      p95Ms: round(quantile(samples, 0.95), 4),
      maxMs: round(max(samples), 4),
      meanMs: round(samples.reduce((s, x) => s + x, 0) / samples.length, 4),
      firstMs: round(samples[0], 4),
      findingsPerIncident: round(findings / n, 2),
    };
  };
  // (a) an analyst edits an attribution: the dates are already parsed (EDTF cache hit).
  const changed = time((incident, k) => syn.changeIncident(incident, k + 1));
  // (b) the edit moves the end date to a day never seen before: one EDTF parse on the path.
  const newDate = time((incident, k) => {
    const day = new Date(Date.UTC(2023, 0, 1) + k * 86_400_000).toISOString().slice(0, 10);
    return { ...syn.changeIncident(incident, k + 1), period: { start: incident.period.start, end: day } };
  });
  return { changed, newDate };
}

// ---------------------------------------------------------------------------------------------
// Child: end-to-end on the SQLite store

async function storeChild({ size, reps, increments, seed }) {
  const backend = await import('@pactwatch/backend');
  const { createComplianceEngine } = await import('@pactwatch/domain');
  const syn = await import('../bench/synthetic.js');
  const { openPactwatch, loadConfig, createRepositories, contentHash, ENGINE_VERSION } = backend;

  const dir = mkdtempSync(join(os.tmpdir(), 'pactwatch-bench-'));
  const databasePath = join(dir, 'bench.db');
  // An empty environment: no PACTWATCH_* variable of the caller changes the figures.
  const config = loadConfig({ databasePath, dataDir: dir }, {});
  const app = await openPactwatch(config);
  const result = { size, dist: distHash(), databaseDir: dir };
  const meta = (record) => ({ origin: 'import', sourceFile: null, hash: contentHash(record) });
  try {
    result.checked = syn.checkSample({ incidents: size, sample: Math.min(500, size), seed });
    const agreements = syn.generateAgreements(syn.DEFAULT_AGREEMENTS, seed);
    const groups = syn.generateGroups();
    let t = now();
    await app.db.transaction().execute(async (trx) => {
      const repos = createRepositories(trx);
      for (const g of groups) await repos.groups.save(g, meta(g));
      for (const a of agreements) await repos.agreements.save(a, meta(a));
    });
    result.saveRulesMs = round(now() - t, 1);

    t = now();
    let generated = syn.generateIncidents(size, { seed });
    result.generateMs = round(now() - t, 1);
    t = now();
    let items = generated.map((incident) => ({ incident, meta: meta(incident) }));
    result.hashMs = round(now() - t, 1);
    gc();
    t = now();
    await app.db.transaction().execute(async (trx) => createRepositories(trx).incidents.saveMany(items));
    result.saveManyMs = round(now() - t, 1);
    result.saveManyPerIncidentUs = round(((now() - t) / size) * 1000, 1);
    // Drop the benchmark's own copy: a large live heap slows V8's GC and would be charged to the
    // service. The few incidents changed below are regenerated by index (incidentAt is deterministic).
    generated = undefined;
    items = undefined;
    gc();
    const incidentAt = (i) => syn.incidentAt(((i % size) + size) % size, seed);

    // Full evaluation through the service: read incidents, evaluate, replace all findings, mark.
    const full = [];
    let report;
    for (let r = 0; r < reps; r += 1) {
      gc();
      const t0 = now();
      report = await app.evaluation.evaluate({ full: true });
      full.push(now() - t0);
    }
    result.full = {
      firstMs: round(full[0], 1),
      medianMs: round(median(full), 1),
      minMs: round(min(full), 1),
      reps: full.length,
      runsMs: full.map((x) => round(x, 1)),
      findings: report.findings,
      incidentsEvaluated: report.incidentsEvaluated,
      incidentsPerSecond: Math.round(size / (median(full) / 1000)),
    };
    result.full.breakdown = await fullBreakdown(app, createRepositories, createComplianceEngine, contentHash, ENGINE_VERSION);

    // Incremental with nothing stale: the fixed cost of every `evaluate`.
    const noop = [];
    for (let r = 0; r < 5; r += 1) {
      const t0 = now();
      const rep = await app.evaluation.evaluate();
      noop.push(now() - t0);
      if (rep.mode !== 'incremental' || rep.incidentsEvaluated !== 0) throw new Error(`expected an empty incremental run, got ${JSON.stringify(rep)}`);
    }
    result.incrementalNothingStale = { medianMs: round(median(noop), 2), minMs: round(min(noop), 2), runsMs: noop.map((x) => round(x, 2)) };

    // One changed incident: save it with its new hash (timed apart), then `evaluate()`.
    const repos = createRepositories(app.db);
    const saves = [];
    const evals = [];
    const step = Math.max(1, Math.floor(size / increments));
    for (let k = 0; k < increments; k += 1) {
      const changed = syn.changeIncident(incidentAt(k * step + 7), k + 1);
      let t0 = now();
      await repos.incidents.save(changed, meta(changed));
      saves.push(now() - t0);
      t0 = now();
      const rep = await app.evaluation.evaluate();
      evals.push(now() - t0);
      if (rep.mode !== 'incremental' || rep.incidentsEvaluated !== 1) throw new Error(`expected one incident re-evaluated, got ${JSON.stringify(rep)}`);
    }
    result.incrementalOne = {
      n: increments,
      medianMs: round(median(evals), 2),
      minMs: round(min(evals), 2),
      p95Ms: round(quantile(evals, 0.95), 2),
      maxMs: round(max(evals), 2),
      saveOneMedianMs: round(median(saves), 2),
    };
    const changed = syn.changeIncident(incidentAt(size - 1), 999);
    await repos.incidents.save(changed, meta(changed));
    result.incrementalOne.breakdown = await incrementalBreakdown(app, createRepositories, createComplianceEngine, contentHash, ENGINE_VERSION);

    // What-if (this temporary database only, not the shipped schema): a partial index on stale
    // incidents, to show what the stale scan costs. Measured after everything above.
    result.whatIf = await whatIfStaleIndex(app, repos, syn, incidentAt, meta, increments);

    const sizeOf = (p) => (existsSync(p) ? statSync(p).size : 0);
    result.databaseMB = mb(sizeOf(databasePath) + sizeOf(`${databasePath}-wal`));
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
  result.cleanedUp = !existsSync(dir);
  result.peakRssMB = peakRssMB();
  result.cpuPerWall = cpuPerWall();
  result.otherProcessesCores = otherCores();
  return result;
}

/** The service's steps, one by one, with the same repositories (so the cost can be located). */
async function buildEngineTimed(repos, createComplianceEngine, contentHash, engineVersion, timings) {
  const step = async (name, fn) => {
    const t0 = now();
    const value = await fn();
    timings[name] = round((timings[name] ?? 0) + (now() - t0), 3);
    return value;
  };
  const agreements = await step('listAgreements', () => repos.agreements.listAll());
  const groups = await step('listGroups', () => repos.groups.listAll());
  const agreementHashes = await step('agreementAndGroupHashes', () => repos.agreements.hashes());
  const groupHashes = await step('agreementAndGroupHashes', () => repos.groups.hashes());
  await step('rulesetHash', () =>
    contentHash({
      engine: engineVersion,
      threshold: 70,
      agreements: [...agreementHashes].map(([id, h]) => [id, h.hash]).sort(),
      groups: [...groupHashes].map(([id, h]) => [id, h.hash]).sort(),
    }),
  );
  const engine = await step('createEngine', () => createComplianceEngine(agreements, groups, { confidenceThreshold: 70 }));
  await step('metaGet', () => repos.meta.get('evaluation.ruleset_hash'));
  return { engine, step };
}

async function fullBreakdown(app, createRepositories, createComplianceEngine, contentHash, engineVersion) {
  const timings = {};
  gc();
  const t0 = now();
  await app.db.transaction().execute(async (trx) => {
    const repos = createRepositories(trx);
    const { engine, step } = await buildEngineTimed(repos, createComplianceEngine, contentHash, engineVersion, timings);
    if (typeof repos.incidents.page === 'function' && typeof repos.findings.deleteAll === 'function') {
      // The streamed path (pages of incidents in id order, findings inserted per page).
      timings.path = 'streamed pages of 2,000';
      await step('deleteAllFindings', () => repos.findings.deleteAll());
      let after;
      for (;;) {
        const page = await step('readIncidentPages', () => repos.incidents.page(after, 2000));
        if (page.length === 0) break;
        const findings = await step('evaluate', () => page.flatMap((incident) => engine.evaluateIncident(incident)));
        await step('insertFindings', () => repos.findings.insert(findings));
        after = page[page.length - 1].id;
      }
    } else {
      timings.path = 'list all, evaluateAll, replaceAll';
      const incidents = await step('readIncidents', () => repos.incidents.list());
      const findings = await step('evaluate', () => engine.evaluateAll(incidents));
      await step('insertFindings', () => repos.findings.replaceAll(findings));
    }
    await step('markEvaluatedAll', () => repos.incidents.markEvaluated('all'));
  });
  const total = now() - t0;
  timings.transactionAndOther = round(total - Object.values(timings).filter((x) => typeof x === 'number').reduce((s, x) => s + x, 0), 3);
  timings.totalMs = round(total, 1);
  return timings;
}

async function incrementalBreakdown(app, createRepositories, createComplianceEngine, contentHash, engineVersion) {
  const timings = {};
  const t0 = now();
  await app.db.transaction().execute(async (trx) => {
    const repos = createRepositories(trx);
    const { engine, step } = await buildEngineTimed(repos, createComplianceEngine, contentHash, engineVersion, timings);
    const stale = await step('staleIds', () => repos.incidents.staleIds());
    if (stale.length !== 1) throw new Error(`expected one stale incident, found ${stale.length}`);
    const incidents = await step('listIncidentsById', () => repos.incidents.list({ ids: stale }));
    const findings = await step('evaluateAll', () => engine.evaluateAll(incidents));
    await step('replaceFindingsForIncident', () => repos.findings.replaceForIncidents(stale, findings));
    await step('markEvaluated', () => repos.incidents.markEvaluated(stale));
  });
  const total = now() - t0;
  timings.transactionAndOther = round(total - Object.values(timings).filter((x) => typeof x === 'number').reduce((s, x) => s + x, 0), 3);
  timings.totalMs = round(total, 2);
  return timings;
}

async function whatIfStaleIndex(app, repos, syn, incidentAt, meta, increments) {
  const { sql } = await import('kysely');
  const staleScan = async () => {
    const samples = [];
    for (let r = 0; r < 7; r += 1) {
      const t0 = now();
      await repos.incidents.staleIds();
      samples.push(now() - t0);
    }
    return round(median(samples), 3);
  };
  const existing = await sql`select name, sql from sqlite_master where type = 'index' and tbl_name = 'incident' and sql like '%evaluated_hash%'`.execute(app.db);
  const before = await staleScan();
  await sql`create index bench_incident_stale_idx on incident (id) where evaluated_hash is null or evaluated_hash != content_hash`.execute(app.db);
  const plan = await sql`explain query plan select id from incident where (evaluated_hash is null or evaluated_hash != content_hash)`.execute(app.db);
  const after = await staleScan();
  const evals = [];
  for (let k = 0; k < increments; k += 1) {
    const changed = syn.changeIncident(incidentAt(k * 131 + 3), 1000 + k);
    await repos.incidents.save(changed, meta(changed));
    const t0 = now();
    await app.evaluation.evaluate();
    evals.push(now() - t0);
  }
  // And with the engine built once and kept (as a long-lived process could, keyed by the ruleset
  // hash): the same steps as EvaluationService's incremental path, minus listing and building.
  const { createRepositories, contentHash, ENGINE_VERSION } = await import('@pactwatch/backend');
  const { createComplianceEngine } = await import('@pactwatch/domain');
  const engine = createComplianceEngine(await repos.agreements.listAll(), await repos.groups.listAll(), { confidenceThreshold: 70 });
  const cached = [];
  for (let k = 0; k < increments; k += 1) {
    const changed = syn.changeIncident(incidentAt(k * 173 + 5), 2000 + k);
    await repos.incidents.save(changed, meta(changed));
    const t0 = now();
    await app.db.transaction().execute(async (trx) => {
      const r = createRepositories(trx);
      const [agreementHashes, groupHashes] = await Promise.all([r.agreements.hashes(), r.groups.hashes()]);
      const rulesetHash = contentHash({
        engine: ENGINE_VERSION,
        threshold: 70,
        agreements: [...agreementHashes].map(([id, h]) => [id, h.hash]).sort(),
        groups: [...groupHashes].map(([id, h]) => [id, h.hash]).sort(),
      });
      if ((await r.meta.get('evaluation.ruleset_hash')) !== rulesetHash) throw new Error('ruleset changed during the what-if');
      const stale = await r.incidents.staleIds();
      if (stale.length !== 1) throw new Error(`expected one stale incident, found ${stale.length}`);
      const list = await r.incidents.list({ ids: stale });
      await r.findings.replaceForIncidents(stale, engine.evaluateAll(list));
      await r.incidents.markEvaluated(stale);
    });
    cached.push(now() - t0);
  }
  await sql`drop index bench_incident_stale_idx`.execute(app.db);
  return {
    note: 'temporary partial index on stale incidents (and, second, an engine built once), in the benchmark database only',
    schemaStaleIndexes: existing.rows.map((r) => r.name),
    staleIdsMedianMs: { withoutIndex: before, withPartialIndex: after },
    queryPlan: plan.rows.map((r) => r.detail).join('; '),
    incrementalOneMedianMs: round(median(evals), 2),
    incrementalOneCachedEngineMedianMs: round(median(cached), 2),
    incrementalOneCachedEngineP95Ms: round(quantile(cached, 0.95), 2),
  };
}

// ---------------------------------------------------------------------------------------------
// Parent: orchestrate, print, write results

function runChild(kind, size, options) {
  const heapMB = kind === 'engine' ? 4096 : 6144;
  return new Promise((resolvePromise, reject) => {
    const argv = ['--child', kind, '--mode', options.mode ?? 'retained', '--size', String(size), '--reps', String(options.reps), '--chunk', String(options.chunk), '--singles', String(options.singles), '--increments', String(options.increments), '--seed', String(options.seed)];
    const child = fork(fileURLToPath(import.meta.url), argv, { execArgv: ['--expose-gc', `--max-old-space-size=${heapMB}`, ...(options.nodeFlags ?? [])], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let message;
    child.on('message', (m) => {
      message = m;
    });
    child.on('error', reject);
    const loadBefore = os.loadavg()[0];
    child.on('exit', (code, signal) => {
      if (message !== undefined && message.ok) resolvePromise({ ...message.result, loadAverage1m: { before: round(loadBefore, 2), after: round(os.loadavg()[0], 2) } });
      else reject(new Error(`${kind} benchmark for ${size} failed (exit ${code ?? signal}): ${message?.error ?? 'no result'}`));
    });
  });
}

function printEngine(results, streamedResults) {
  const engineRow = (r) => [
    fmtN(r.size) + (r.chunked ? ` (${fmtN(r.chunk)} ${r.mode === 'streamed' ? 'pages' : 'chunks'})` : ''),
    fmtMs(r.full.coldMs),
    fmtMs(r.full.medianMs),
    fmtMs(r.full.minMs),
    r.full.incidentsPerSecond.toLocaleString('en'),
    r.full.findings.toLocaleString('en'),
    fmtMs(median(r.full.gcMsPerRun.slice(1))),
    r.peakRssMB,
    r.otherProcessesCores,
  ];
  const headers = (list) => ['incidents', 'cold run', `median (${list[0]?.full.reps ?? 0})`, 'min', 'incidents/s', 'findings', 'GC/run', 'peak RSS MB', 'others (cores)'];
  console.log(`\nPure engine, streamed — evaluateIncident per incident, findings dropped, incidents in pages of ${fmtN(STREAM_PAGE)} (how EvaluationService uses it); fresh process`);
  console.log(table(streamedResults.map(engineRow), headers(streamedResults)));
  console.log('\nPure engine, retained — evaluateAll(incidents), all findings of the call in one array; fresh process');
  console.log(table(results.map(engineRow), headers(results)));
  const memory = results.filter((r) => r.memory?.findingsMB !== undefined);
  if (memory.length > 0) console.log(`  heap: ${memory.map((r) => `${fmtN(r.size)}: incidents ${r.memory.incidentsMB} MB + findings ${r.memory.findingsMB} MB (${r.memory.bytesPerFinding} B/finding)`).join('; ')}`);
  const pick = (list) => list.find((r) => r.size === 100_000) ?? list[list.length - 1];
  const rows = [];
  for (const [label, r] of [['streamed', pick(streamedResults)], ['after evaluateAll', pick(results)]]) {
    if (r === undefined) continue;
    for (const [change, x] of [['edited attribution', r.single.changed], ['edited end date (new EDTF)', r.single.newDate]]) {
      rows.push([`${change}, ${label} (${fmtN(r.size)})`, fmtMs(x.medianMs), fmtMs(x.p95Ms), fmtMs(x.maxMs), fmtMs(x.firstMs)]);
    }
  }
  if (rows.length > 0) {
    console.log(`\nOne changed incident — engine.evaluateIncident on a warm engine, ${pick(results)?.single.changed.n ?? 0} different incidents`);
    console.log(table(rows, ['change, process', 'median', 'p95', 'max', 'first call']));
  }
}

function printStore(results) {
  console.log('\nEnd-to-end store — temporary SQLite database, EvaluationService');
  console.log(
    table(
      results.map((r) => [
        fmtN(r.size),
        fmtMs(r.saveManyMs),
        fmtMs(r.full.firstMs),
        fmtMs(r.full.medianMs),
        r.full.findings.toLocaleString('en'),
        fmtMs(r.incrementalNothingStale.medianMs),
        fmtMs(r.incrementalOne.medianMs),
        fmtMs(r.incrementalOne.p95Ms),
        r.databaseMB,
        r.otherProcessesCores,
      ]),
      ['incidents', 'saveMany', 'full 1st', `full median (${results[0]?.full.reps ?? 0})`, 'findings', 'incr. nothing stale', `incr. one changed (${results[0]?.incrementalOne.n ?? 0})`, 'p95', 'DB MB', 'others (cores)'],
    ),
  );
  for (const r of results) {
    const b = r.full.breakdown;
    const i = r.incrementalOne.breakdown;
    console.log(`\n  ${fmtN(r.size)} full breakdown (ms): ${Object.entries(b).map(([k, v]) => `${k} ${typeof v === 'number' ? round(v, 1) : v}`).join(', ')}`);
    console.log(`  ${fmtN(r.size)} incremental breakdown (ms): ${Object.entries(i).map(([k, v]) => `${k} ${round(v, 2)}`).join(', ')}`);
    console.log(`  ${fmtN(r.size)} what-if partial stale index: staleIds ${r.whatIf.staleIdsMedianMs.withoutIndex} → ${r.whatIf.staleIdsMedianMs.withPartialIndex} ms, one changed ${r.whatIf.incrementalOneMedianMs} ms (plan: ${r.whatIf.queryPlan}); plus engine kept: one changed ${r.whatIf.incrementalOneCachedEngineMedianMs} ms (p95 ${r.whatIf.incrementalOneCachedEngineP95Ms})`);
  }
}

function growth(results, pick) {
  const sorted = [...results].sort((a, b) => a.size - b.size);
  const out = [];
  for (let i = 1; i < sorted.length; i += 1) {
    const a = sorted[i - 1];
    const b = sorted[i];
    out.push({ from: a.size, to: b.size, sizeRatio: round(b.size / a.size, 1), timeRatio: round(pick(b) / pick(a), 2) });
  }
  return out;
}

async function main(args) {
  if (args.help) {
    console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 11).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
    return;
  }
  const quick = args.quick;
  const engineSizes = args.sizes ?? (quick ? [10_000] : [10_000, 100_000, 1_000_000]);
  const storeMax = args.storeMax ?? 100_000;
  const storeSizes = args.storeSizes ?? (args.sizes !== undefined ? args.sizes.filter((n) => n <= storeMax) : quick ? [10_000] : [10_000, 100_000]);
  const options = {
    reps: args.reps ?? (quick ? 3 : 5),
    chunk: args.chunk ?? 100_000,
    singles: args.singles ?? (quick ? 300 : 1000),
    increments: args.increments ?? (quick ? 10 : 20),
    seed: args.seed ?? 20261122,
    nodeFlags: args.nodeFlags ?? [],
  };
  const started = new Date();
  const info = machine();
  const code = codeVersion();
  console.log(`pactwatch benchmark — ${started.toISOString()} — ${info.cpuModel}, ${info.cpus} CPUs, ${info.memoryGiB} GiB, Node ${info.node}`);
  console.log(`code: ${code.head?.slice(0, 10) ?? 'no git'}${code.changedFiles?.length ? ` + ${code.changedFiles.length} changed files` : ''}; dist ${code.dist}${args.label === undefined ? '' : `; label "${args.label}"`}`);
  console.log(`engine sizes ${engineSizes.map(fmtN).join(', ') || 'none'}; store sizes ${storeSizes.map(fmtN).join(', ') || 'none'}; ${options.reps} repetitions; seed ${options.seed}`);

  const engine = [];
  const streamed = [];
  if (args.engine) {
    for (const size of engineSizes) {
      // Sizes above 100k (1M) run once cold and once warm: each pass regenerates its chunks (~20 s per 1M).
      for (const mode of ['streamed', 'retained']) {
        // Streamed: incidents arrive in pages of 10k (generated untimed), as the service reads
        // pages, so the live heap stays small at every size. Retained: evaluateAll on up to
        // --chunk incidents at once.
        const chunk = mode === 'streamed' ? Math.min(options.chunk, STREAM_PAGE) : options.chunk;
        const reps = size > 100_000 ? 1 : options.reps;
        const t0 = now();
        process.stdout.write(`  engine ${fmtN(size)} ${mode} … `);
        const r = await runChild('engine', size, { ...options, chunk, reps, mode });
        r.wallSeconds = round((now() - t0) / 1000, 1);
        (mode === 'streamed' ? streamed : engine).push(r);
        console.log(`median ${fmtMs(r.full.medianMs)} (${r.wallSeconds} s wall)`);
      }
    }
    if (engine.length > 0) printEngine(engine, streamed);
  }
  const store = [];
  if (args.store) {
    for (const size of storeSizes) {
      const t0 = now();
      process.stdout.write(`  store ${fmtN(size)} … `);
      const r = await runChild('store', size, { ...options, reps: Math.min(options.reps, 3) });
      r.wallSeconds = round((now() - t0) / 1000, 1);
      store.push(r);
      console.log(`full median ${fmtMs(r.full.medianMs)}, one changed ${fmtMs(r.incrementalOne.medianMs)} (${r.wallSeconds} s wall)`);
    }
    if (store.length > 0) printStore(store);
  }

  const e100 = engine.find((r) => r.size === 100_000);
  const s100e = streamed.find((r) => r.size === 100_000);
  const s100 = store.find((r) => r.size === 100_000);
  const targets = {
    fullEvaluation100kUnder2s: {
      engine: e100 === undefined ? null : { medianMs: e100.full.medianMs, coldMs: e100.full.coldMs, met: e100.full.medianMs < TARGET_FULL_MS },
      engineStreamed: s100e === undefined ? null : { medianMs: s100e.full.medianMs, minMs: s100e.full.minMs, coldMs: s100e.full.coldMs, met: s100e.full.medianMs < TARGET_FULL_MS },
      store: s100 === undefined ? null : { medianMs: s100.full.medianMs, met: s100.full.medianMs < TARGET_FULL_MS },
    },
    oneChangedIncidentUnder5ms: {
      engine: s100e === undefined ? null : { medianMs: s100e.single.changed.medianMs, p95Ms: s100e.single.changed.p95Ms, met: s100e.single.changed.medianMs < TARGET_ONE_MS },
      engineAfterEvaluateAll: e100 === undefined ? null : { medianMs: e100.single.changed.medianMs, p95Ms: e100.single.changed.p95Ms, met: e100.single.changed.medianMs < TARGET_ONE_MS },
      store: s100 === undefined ? null : { medianMs: s100.incrementalOne.medianMs, p95Ms: s100.incrementalOne.p95Ms, met: s100.incrementalOne.medianMs < TARGET_ONE_MS },
    },
  };
  const results = {
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    label: args.label ?? null,
    machine: info,
    code,
    options: { ...options, engineSizes, storeSizes, quick },
    targets,
    growth: {
      engineFullMedian: growth(engine, (r) => r.full.medianMs),
      engineStreamedMedian: growth(streamed, (r) => r.full.medianMs),
      storeFullMedian: growth(store, (r) => r.full.medianMs),
      storeIncrementalOne: growth(store, (r) => r.incrementalOne.medianMs),
    },
    engineStreamed: streamed,
    engine,
    store,
  };
  const out = resolve(ROOT, args.out ?? 'bench/out/results.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);

  console.log('\nTargets (100k incidents × 200 agreements)');
  const verdict = (t) => (t === null ? 'not run' : `${t.met ? 'met' : 'MISSED'} (median ${fmtMs(t.medianMs)})`);
  console.log(`  full evaluation < 2 s:       engine streamed ${verdict(targets.fullEvaluation100kUnder2s.engineStreamed)}; engine evaluateAll ${verdict(targets.fullEvaluation100kUnder2s.engine)}; store ${verdict(targets.fullEvaluation100kUnder2s.store)}`);
  console.log(`  one changed incident < 5 ms: engine ${verdict(targets.oneChangedIncidentUnder5ms.engine)}; store ${verdict(targets.oneChangedIncidentUnder5ms.store)}`);
  if (options.nodeFlags.length > 0) console.log(`  (extra node flags for every child: ${options.nodeFlags.join(' ')})`);
  for (const [name, list] of Object.entries(results.growth)) {
    if (list.length > 0) console.log(`  growth ${name}: ${list.map((g) => `${fmtN(g.from)}→${fmtN(g.to)} ×${g.timeRatio} time for ×${g.sizeRatio} data`).join('; ')}`);
  }
  const dists = new Set([code.dist, ...streamed.map((r) => r.dist), ...engine.map((r) => r.dist), ...store.map((r) => r.dist)]);
  if (dists.size > 1) console.log(`\nWARNING: the built code changed during the run (dist hashes ${[...dists].join(', ')}); the sizes were not measured on the same code.`);
  results.codeChangedDuringRun = dists.size > 1;
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  const busy = [...streamed, ...engine, ...store].filter((r) => r.otherProcessesCores > 0.25);
  if (busy.length > 0) {
    console.log(`\nNOTE: other processes used ${busy.map((r) => `${r.otherProcessesCores} cores during ${r.databaseDir === undefined ? `engine ${r.mode}` : 'store'} ${fmtN(r.size)}`).join(', ')} of this ${info.cpus}-CPU machine; those figures are inflated.`);
  }
  console.log(`\nresults written to ${out}`);
}

const args = parseArgs(process.argv.slice(2));
if (args.child !== undefined) {
  const options = { mode: args.mode, size: args.size, reps: args.reps ?? 5, chunk: args.chunk ?? 100_000, singles: args.singles ?? 1000, increments: args.increments ?? 20, seed: args.seed ?? 20261122 };
  try {
    const result = args.child === 'engine' ? await engineChild(options) : args.child === 'store' ? await storeChild(options) : undefined;
    if (result === undefined) throw new Error(`unknown child kind ${args.child}`);
    process.send({ ok: true, result });
  } catch (error) {
    process.send({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
  process.disconnect();
} else {
  await main(args);
}
