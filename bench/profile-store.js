// Profiles one full EvaluationService.evaluate({ full: true }) on a temporary SQLite store (not a
// benchmark: setup is excluded from the profile, the one evaluation is timed once).
//
//   node bench/profile-store.js [incidents=20000]      → bench/out/prof/store-full-<n>.cpuprofile
//   node bench/cpuprofile-summary.js bench/out/prof/store-full-<n>.cpuprofile
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import { join } from 'node:path';
import { contentHash, createRepositories, loadConfig, openPactwatch } from '@pactwatch/backend';
import { generateAgreements, generateGroups, generateIncidents } from './synthetic.js';

const size = Number(process.argv[2] ?? 20_000);
const dir = mkdtempSync(join(os.tmpdir(), 'pactwatch-profile-'));
const app = await openPactwatch(loadConfig({ databasePath: join(dir, 'profile.db'), dataDir: dir }, {}));
try {
  const meta = (record) => ({ origin: 'import', sourceFile: null, hash: contentHash(record) });
  await app.db.transaction().execute(async (trx) => {
    const repos = createRepositories(trx);
    for (const g of generateGroups()) await repos.groups.save(g, meta(g));
    for (const a of generateAgreements()) await repos.agreements.save(a, meta(a));
    await repos.incidents.saveMany(generateIncidents(size).map((incident) => ({ incident, meta: meta(incident) })));
  });
  await app.evaluation.evaluate({ full: true }); // warm: JIT, EDTF cache, engine kept by the service
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  const t0 = performance.now();
  const report = await app.evaluation.evaluate({ full: true });
  const ms = performance.now() - t0;
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  mkdirSync(new URL('./out/prof/', import.meta.url), { recursive: true });
  const file = new URL(`./out/prof/store-full-${size}.cpuprofile`, import.meta.url);
  writeFileSync(file, JSON.stringify(profile));
  console.log(`${size} incidents, ${report.findings} findings, full evaluation ${Math.round(ms)} ms; profile ${file.pathname}`);
} finally {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}
