#!/usr/bin/env node
// Soak test (issue 8): minutes of mixed reads and writes at a steady rate against `pactwatch serve`
// on loopback, with background jobs running, then a check that every acknowledged write is there
// (run through `npm run soak`, which builds first; not part of CI or `npm run bench`).
//
//   node scripts/soak.js                              10 minutes per database, 20 requests/s, SQLite and PostgreSQL
//   node scripts/soak.js --minutes 1 --databases sqlite   a smoke run
//   options: --minutes N (10)  --rate R requests/s (20: what both stores sustain on 2 cores; 50 is over capacity, docs/RELIABILITY.md)  --databases sqlite,postgres
//            --out FILE (default bench/out/soak-results.json)  --seed S
//
// Per database: a fresh store with the curated dataset, one viewer, several analysts and one admin,
// each with an API token; the real CLI `pactwatch serve` in a child process with its in-process
// worker (on PostgreSQL also a separate `pactwatch worker` process sharing the pg-boss queue).
// The load is an open-loop schedule: one operation starts every 1/R s whether or not earlier ones
// have answered (a closed loop would slow down with the server and hide a backlog). Every
// operation is one request, except an override (find a finding, read its ETag, PUT: three).
// Every 2xx write is recorded and checked afterwards; any other answer or network error counts as
// an error. The server's RSS (/proc/PID/status) is sampled every 10 s. Exit code 1 on any error
// or lost write. Results: docs/RELIABILITY.md, "Soak (issue 8)".
// The pieces live in scripts/soak/: support.js (constants, /proc readings), processes.js (stores,
// servers, workers), client.js (the HTTP client), operations.js (the mix) and verify.js (the check).

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtCodeHash } from '../bench/dist-hash.js';
import { Client } from './soak/client.js';
import { Workload } from './soak/operations.js';
import { killAll, postgresCluster, prepareStore, startCli, stopCli } from './soak/processes.js';
import { git, machine, machineBusyMs, memoryOf, prng, processCpuMs, ROOT, round, sleep } from './soak/support.js';
import { verify } from './soak/verify.js';

const SELF = fileURLToPath(import.meta.url);
const SAMPLE_MS = 10_000;
/** Writes per analyst token per minute we aim to stay under (the server's default limit is 300). */
const WRITES_PER_ANALYST_PER_MINUTE = 150;
/** Requests in flight beyond which a tick is skipped and counted (a server that cannot keep up). */
const MAX_IN_FLIGHT = 256;

// ---------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    const next = () => {
      const v = argv[i + 1];
      if (v === undefined) throw new Error(`${a} needs a value`);
      i += 1;
      return v;
    };
    const positive = (v) => {
      const n = Number(v);
      if (!Number.isFinite(n) || n <= 0) throw new Error(`${a} needs a positive number, got "${v}"`);
      return n;
    };
    if (a === '--minutes') args.minutes = positive(next());
    else if (a === '--rate') args.rate = positive(next());
    else if (a === '--seed') args.seed = positive(next());
    else if (a === '--databases') args.databases = next().split(',').map((s) => s.trim()).filter((s) => s !== '');
    else if (a === '--out') args.out = next();
    else if (a === '--help' || a === '-h') args.help = true;
    else throw new Error(`unknown option ${a} (see the header of scripts/soak.js)`);
  }
  for (const db of args.databases ?? []) if (db !== 'sqlite' && db !== 'postgres') throw new Error(`--databases takes sqlite and/or postgres, got "${db}"`);
  return args;
}

// ---------------------------------------------------------------------------------------------
// One database

async function soakDatabase(database, options, outDir) {
  const tmp = mkdtempSync(join(os.tmpdir(), `pactwatch-soak-${database}-`));
  let cluster;
  const procs = [];
  try {
    let storeArgs;
    let storeOptions;
    let serverVersion = null;
    if (database === 'sqlite') {
      const file = join(tmp, 'store.db');
      storeArgs = ['--db', file];
      storeOptions = { databasePath: file };
    } else {
      cluster = await postgresCluster('soak');
      serverVersion = cluster.version;
      storeArgs = ['--database-url', cluster.url];
      storeOptions = { databaseUrl: cluster.url };
    }
    // Analyst writes are ≈ 29 % of the ticks; spread them so no token nears the per-principal limit.
    const analystWritesPerMinute = options.rate * 60 * 0.3;
    const analysts = Math.max(2, Math.ceil(analystWritesPerMinute / WRITES_PER_ANALYST_PER_MINUTE));
    process.stdout.write(`[${database}] preparing a fresh store with the curated dataset … `);
    const prepared = await prepareStore(storeOptions, analysts);
    console.log(`${prepared.dataset.stored} records, ${prepared.dataset.findings} findings; ${analysts} analyst tokens`);

    const serverLog = join(outDir, `soak-${database}-serve.log`);
    const server = startCli([...storeArgs, 'serve', '--port', '0', '--worker-concurrency', '1'], serverLog, /listening on (http:\/\/[^\s]+)/);
    procs.push(server);
    const baseUrl = (await server.first)[1];
    let worker;
    if (database === 'postgres') {
      const workerLog = join(outDir, `soak-${database}-worker.log`);
      worker = startCli([...storeArgs, 'worker', '--concurrency', '2'], workerLog, /running jobs from/);
      procs.push(worker);
      await worker.first;
    }
    console.log(`[${database}] pactwatch serve at ${baseUrl} (pid ${server.child.pid})${worker ? `, pactwatch worker pid ${worker.child.pid}` : ''}`);

    const client = new Client(baseUrl);
    const workload = new Workload(client, prepared.tokens, `${database.slice(0, 2)}${Date.now().toString(36)}`, prng(options.seed));
    await workload.warmUp();

    // Memory and CPU samples.
    const samples = [];
    const t0 = performance.now();
    const busy0 = machineBusyMs();
    const cpu0 = { server: processCpuMs(server.child.pid), worker: worker ? processCpuMs(worker.child.pid) : 0, self: process.cpuUsage() };
    const sample = () => samples.push({ atS: round((performance.now() - t0) / 1000, 1), server: memoryOf(server.child.pid), worker: worker ? memoryOf(worker.child.pid) : undefined, inFlight: client.inFlight, load1: round(os.loadavg()[0]) });
    sample();
    const sampler = setInterval(sample, SAMPLE_MS);

    // The open-loop schedule: tick i starts at t0 + i / rate.
    const durationMs = options.minutes * 60_000;
    const ticks = Math.floor((durationMs / 1000) * options.rate);
    const inFlight = new Set();
    let skipped = 0;
    let lateTicks = 0;
    let lastReport = 0;
    for (let i = 0; i < ticks; i += 1) {
      const due = t0 + (i * 1000) / options.rate;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      else if (wait < -1000) lateTicks += 1;
      if (client.inFlight >= MAX_IN_FLIGHT) {
        skipped += 1;
        continue;
      }
      const kind = workload.draw();
      const p = workload.run(kind).catch((error) => client.errors.push({ kind, exception: String(error?.stack ?? error) }));
      inFlight.add(p);
      p.finally(() => inFlight.delete(p));
      const elapsedS = (performance.now() - t0) / 1000;
      if (elapsedS - lastReport >= 60) {
        lastReport = elapsedS;
        const last = samples[samples.length - 1];
        const recent = client.errors[client.errors.length - 1];
        console.log(`[${database}] ${Math.round(elapsedS)} s: ${i + 1} operations, ${client.errors.length} errors${recent ? ` (latest: ${recent.kind} ${recent.status ?? recent.network ?? ''})` : ''}, in flight ${client.inFlight}, server RSS ${last?.server?.rssMiB ?? '?'} MiB, load ${round(os.loadavg()[0])}`);
      }
    }
    await Promise.all([...inFlight]);
    const loadSeconds = round((performance.now() - t0) / 1000, 1);
    sample();
    clearInterval(sampler);
    const busy1 = machineBusyMs();
    const self = process.cpuUsage(cpu0.self);
    const serverCpuMs = processCpuMs(server.child.pid) - cpu0.server;
    const workerCpuMs = worker ? processCpuMs(worker.child.pid) - cpu0.worker : 0;
    const wallMs = loadSeconds * 1000;
    const cpu = {
      serverCores: round(serverCpuMs / wallMs),
      workerCores: worker ? round(workerCpuMs / wallMs) : undefined,
      loadGeneratorCores: round((self.user + self.system) / 1000 / wallMs),
      // Everything else on the machine (other helpers' work; on PostgreSQL also the postmaster).
      otherCores: round((busy1 - busy0 - serverCpuMs - workerCpuMs - (self.user + self.system) / 1000) / wallMs),
    };
    console.log(`[${database}] load done in ${loadSeconds} s (${ticks - skipped} operations started, ${skipped} skipped at ${MAX_IN_FLIGHT} in flight); waiting for jobs and verifying …`);
    const loadSummary = client.summary();
    const loadErrors = [...client.errors];

    const t1 = performance.now();
    const verification = await verify(client, workload);
    const verifySeconds = round((performance.now() - t1) / 1000, 1);
    const finalMemory = { server: memoryOf(server.child.pid), worker: worker ? memoryOf(worker.child.pid) : undefined };

    const stops = [];
    for (const p of procs.reverse()) stops.push(await stopCli(p));
    const logText = [serverLog, ...(worker ? [join(outDir, `soak-${database}-worker.log`)] : [])].map((f) => (existsSync(f) ? readFileSync(f, 'utf8') : '')).join('\n');
    const logErrorLines = logText.split('\n').filter((l) => /"level":(50|60)|\bERROR\b|\bFATAL\b/i.test(l));

    const rss = samples.map((s) => s.server?.rssMiB).filter(Number.isFinite);
    // Growth per minute: least-squares slope over the samples after the first minute (warm-up: JIT, caches).
    const steady = samples.filter((s) => s.atS >= 60 && Number.isFinite(s.server?.rssMiB));
    const slope = (pts) => {
      if (pts.length < 2) return NaN;
      const xs = pts.map((p) => p.atS / 60);
      const ys = pts.map((p) => p.server.rssMiB);
      const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
      const my = ys.reduce((a, b) => a + b, 0) / ys.length;
      const num = xs.reduce((s, x, k) => s + (x - mx) * (ys[k] - my), 0);
      const den = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
      return den === 0 ? NaN : num / den;
    };
    const memory = {
      serverRssMiB: { start: rss[0], end: rss[rss.length - 1], max: Math.max(...rss), growthPerMinuteAfterFirstMinute: round(slope(steady), 2), hwmAtEnd: finalMemory.server?.hwmMiB },
      workerRssMiB: worker ? { start: samples[0].worker?.rssMiB, end: samples[samples.length - 1].worker?.rssMiB, max: Math.max(...samples.map((s) => s.worker?.rssMiB).filter(Number.isFinite)) } : undefined,
      samples,
    };
    const requests = Object.values(loadSummary).reduce((s, k) => s + k.requests, 0);
    const writes = { incidents: workload.incidents.size, overrides: workload.overrides.size, drafts: workload.drafts.size, draftsAccepted: [...workload.drafts.values()].filter((d) => d.state === 'accepted').length, draftsRejected: [...workload.drafts.values()].filter((d) => d.state === 'rejected').length, imports: workload.imports.length, evaluations: workload.evaluations.length, unansweredWritesOutcomeUnknown: workload.unknownOutcomes };
    const verifyErrors = client.errors.slice(loadErrors.length);
    return {
      database,
      serverVersion,
      baseUrl,
      analystTokens: analysts,
      dataset: prepared.dataset,
      load: { seconds: loadSeconds, ticks, skipped, lateTicks, requests, achievedRequestsPerSecond: round(requests / loadSeconds, 1) },
      requestsByKind: loadSummary,
      errors: loadErrors.length,
      errorsByKind: countErrors(loadErrors),
      errorSamples: loadErrors.slice(0, 30),
      acknowledgedWrites: writes,
      verification: { seconds: verifySeconds, lostWrites: verification.lost.length, lost: verification.lost.slice(0, 50), verifyRequestErrors: verifyErrors.length, verifyErrorSamples: verifyErrors.slice(0, 10), imports: verification.importResults, evaluations: verification.evaluations, jobsRun: verification.jobsRun, jobsStillOpen: verification.jobsStillOpen },
      memory,
      cpu,
      processExits: stops,
      logErrorLines: logErrorLines.length,
      logErrorSamples: logErrorLines.slice(0, 10).map((l) => l.slice(0, 500)),
    };
  } finally {
    for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    if (cluster !== undefined) {
      try {
        cluster.stop();
      } catch (error) {
        console.error(`could not stop the PostgreSQL cluster in ${cluster.dir}: ${error}`);
      }
    }
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Errors grouped by operation and by what went wrong (status or network failure). */
function countErrors(errors) {
  const out = {};
  for (const e of errors) {
    const key = `${e.kind} ${e.status ?? e.network ?? (e.exception ? 'exception' : e.note ? 'check' : '?')}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

function printSummary(r) {
  console.log(`\n=== ${r.database}${r.serverVersion ? ` (PostgreSQL ${r.serverVersion})` : ''}: ${r.load.requests} requests in ${r.load.seconds} s (${r.load.achievedRequestsPerSecond}/s; ${r.load.skipped} ticks skipped, ${r.load.lateTicks} late by > 1 s)`);
  const rows = Object.entries(r.requestsByKind).map(([kind, s]) => `  ${kind.padEnd(26)} ${String(s.requests).padStart(6)}  ${Object.entries(s.statuses).map(([k, v]) => `${k}:${v}`).join(' ').padEnd(18)} p50 ${String(s.p50Ms).padStart(7)} ms  p99 ${String(s.p99Ms).padStart(7)} ms  max ${String(s.maxMs).padStart(7)} ms${s.networkErrors > 0 ? `  network errors ${s.networkErrors}` : ''}`);
  console.log(rows.join('\n'));
  console.log(`  errors: ${r.errors}${r.errors > 0 ? ` — ${JSON.stringify(r.errorsByKind)}; first: ${JSON.stringify(r.errorSamples[0]).slice(0, 400)}` : ''}`);
  console.log(`  acknowledged writes: ${JSON.stringify(r.acknowledgedWrites)}`);
  console.log(`  lost writes: ${r.verification.lostWrites}${r.verification.lostWrites > 0 ? ` — first: ${JSON.stringify(r.verification.lost[0])}` : ''} (verified in ${r.verification.seconds} s; ${r.verification.verifyRequestErrors} request errors while verifying)`);
  console.log(`  jobs: ${JSON.stringify(r.verification.jobsRun)}; still open ${r.verification.jobsStillOpen}; imports ${JSON.stringify(r.verification.imports)}; evaluations completed ${r.verification.evaluations.completed}/${r.acknowledgedWrites.evaluations}`);
  const m = r.memory.serverRssMiB;
  console.log(`  server RSS MiB: start ${m.start}, end ${m.end}, max ${m.max}, growth ${m.growthPerMinuteAfterFirstMinute} MiB/min after the first minute${r.memory.workerRssMiB ? `; worker RSS ${r.memory.workerRssMiB.start} → ${r.memory.workerRssMiB.end} (max ${r.memory.workerRssMiB.max})` : ''}`);
  console.log(`  CPU (cores): server ${r.cpu.serverCores}${r.cpu.workerCores !== undefined ? `, worker ${r.cpu.workerCores}` : ''}, load generator ${r.cpu.loadGeneratorCores}, everything else ${r.cpu.otherCores}`);
  console.log(`  process exits: ${JSON.stringify(r.processExits)}; error lines in the server/worker logs: ${r.logErrorLines}`);
}

async function main(args) {
  if (args.help) {
    console.log(readFileSync(SELF, 'utf8').split('\n').slice(1, 10).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
    return 0;
  }
  const options = { minutes: args.minutes ?? 10, rate: args.rate ?? 20, databases: args.databases ?? ['sqlite', 'postgres'], seed: args.seed ?? 20261205 };
  const started = new Date();
  const info = machine();
  const out = resolve(ROOT, args.out ?? 'bench/out/soak-results.json');
  const outDir = dirname(out);
  mkdirSync(outDir, { recursive: true });
  const code = { head: git('rev-parse', 'HEAD'), changedFiles: (git('status', '--porcelain', '--', 'packages', 'apps') ?? '').split('\n').filter((l) => l !== '').length, dist: builtCodeHash(ROOT, ['packages/domain/dist', 'packages/backend/dist', 'apps/api/dist', 'apps/cli/dist']) };
  console.log(`pactwatch soak — ${started.toISOString()} — ${info.cpuModel}, ${info.cpus} CPUs, ${info.memoryGiB} GiB, Node ${info.node}`);
  console.log(`${options.minutes} min per database at ${options.rate} operations/s; databases ${options.databases.join(', ')}; seed ${options.seed}; load average ${os.loadavg().map((x) => round(x)).join(' ')}`);
  process.on('SIGINT', () => {
    killAll();
    process.exit(130);
  });
  const results = [];
  for (const database of options.databases) {
    const r = await soakDatabase(database, options, outDir);
    results.push(r);
    printSummary(r);
    writeFileSync(out, `${JSON.stringify({ startedAt: started.toISOString(), finishedAt: new Date().toISOString(), machine: info, code, options, results }, null, 2)}\n`);
  }
  console.log(`\nresults written to ${out}`);
  const failed = results.filter((r) => r.errors > 0 || r.verification.lostWrites > 0 || r.verification.verifyRequestErrors > 0 || r.load.skipped > 0);
  if (failed.length > 0) {
    console.log(`SOAK FAILED on ${failed.map((r) => `${r.database} (${r.errors} errors, ${r.verification.lostWrites} lost writes, ${r.load.skipped} skipped ticks)`).join(', ')}`);
    return 1;
  }
  console.log('SOAK PASSED: zero errors and no lost writes on every database.');
  return 0;
}

try {
  process.exitCode = await main(parseArgs(process.argv.slice(2)));
} catch (error) {
  killAll();
  throw error;
}
