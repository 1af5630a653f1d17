#!/usr/bin/env node
// Alert scanning benchmark, on the built packages: `npm run build`, then
//
//   node scripts/bench-alerts.js                 20,000 synthetic incidents, 3 repetitions
//   options: --size N  --reps N (default 3)  --out FILE (also write the JSON there)
//
// A scan runs after every incident edit (docs/ALERTS.md), so what it costs when nothing is new is
// what each edit pays. On a seeded temporary SQLite store (bench/seed-store.js) this times:
//   add-finding-rule    adding "any breach or possible breach of any agreement": every existing
//                       match is found and stored as the baseline
//   add-incident-rule   adding "any incident attributed to CN": likewise
//   scan-nothing-new    scan() with both rules and nothing new (the per-edit cost)
//   scan-one-new        one new breaching incident saved and evaluated, then scan() (timed alone)
// Wall-clock (performance.now) around the call only; the median and minimum of the repetitions.
// The machine may be shared: the load average is printed. Nothing here asserts on time.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { contentHash, createLogger, createRepositories, loadConfig, openPactwatch } from '@pactwatch/backend';
import { seedStore } from '../bench/seed-store.js';

function parseArgs(argv) {
  const args = { size: 20_000, reps: 3, out: undefined };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    const next = () => {
      const v = argv[i + 1];
      if (v === undefined) throw new Error(`${a} needs a value`);
      i += 1;
      return v;
    };
    if (a === '--size') args.size = Math.max(1, Number(next()));
    else if (a === '--reps') args.reps = Math.max(1, Number(next()));
    else if (a === '--out') args.out = resolve(next());
    else throw new Error(`unknown option ${a} (see the header of scripts/bench-alerts.js)`);
  }
  return args;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function timed(fn) {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/** A CN → US commercial-espionage incident dated now: breaches any agreement between them that covers it. */
function newIncident(n) {
  return {
    id: `bench-alert-${n}`,
    title: `Bench alert ${n}`,
    summary: 'Theft of trade secrets.',
    period: { start: '2024-06' },
    activities: [{ type: 'commercial-espionage', certainty: 'confirmed' }],
    means: ['cyber'],
    attributions: [{ sponsor: 'CN', relation: 'state-organ', confidence: 90, basis: 'indictment', attributedBy: 'DOJ', sources: [] }],
    victims: [{ state: 'US', category: 'private-sector' }],
    sources: [{ publisher: 'Bench', title: `Report ${n}` }],
    provenance: { origin: 'added', note: 'benchmark' },
    disputes: [],
  };
}

async function run(args, rep) {
  const dir = mkdtempSync(join(os.tmpdir(), 'pactwatch-bench-alerts-'));
  try {
    const app = await openPactwatch(loadConfig({ databasePath: join(dir, 'store.db'), dataDir: dir }, {}), { logger: createLogger({ logLevel: 'silent' }) });
    try {
      const seeded = await seedStore(app, { size: args.size });
      // Nowhere to send: the benchmark only scans and stores.
      const addFinding = await timed(() => app.alerts.add({ name: 'all breaches', definition: { kind: 'finding' }, channel: 'webhook', target: 'http://127.0.0.1:9/', secret: 'bench-secret-0123456789' }));
      const addIncident = await timed(() => app.alerts.add({ name: 'CN', definition: { kind: 'incident', sponsor: 'CN' }, channel: 'webhook', target: 'http://127.0.0.1:9/', secret: 'bench-secret-0123456789' }));
      const nothingNew = await timed(() => app.alerts.scan());
      const incident = newIncident(rep);
      await app.db.transaction().execute((trx) => createRepositories(trx).incidents.save(incident, { origin: 'user', sourceFile: null, hash: contentHash(incident) }));
      await app.evaluation.evaluate();
      const oneNew = await timed(() => app.alerts.scan());
      return {
        seeded,
        baseline: { findingRule: addFinding.value.existing, incidentRule: addIncident.value.existing },
        newMatches: oneNew.value.newMatches,
        ms: { 'add-finding-rule': addFinding.ms, 'add-incident-rule': addIncident.ms, 'scan-nothing-new': nothingNew.ms, 'scan-one-new': oneNew.ms },
      };
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const args = parseArgs(process.argv.slice(2));
const runs = [];
for (let rep = 0; rep < args.reps; rep += 1) runs.push(await run(args, rep));
const names = Object.keys(runs[0].ms);
const table = Object.fromEntries(names.map((n) => [n, { medianMs: Math.round(median(runs.map((r) => r.ms[n])) * 10) / 10, minMs: Math.round(Math.min(...runs.map((r) => r.ms[n])) * 10) / 10 }]));
const result = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100) },
  size: args.size,
  reps: args.reps,
  findings: runs[0].seeded.findings,
  baseline: runs[0].baseline,
  newMatchesAfterOneEdit: runs.map((r) => r.newMatches),
  table,
};
console.log(JSON.stringify(result, null, 2));
if (args.out !== undefined) writeFileSync(args.out, `${JSON.stringify(result, null, 2)}\n`);
