// Fills an opened pactwatch store with the synthetic benchmark data (bench/synthetic.js): groups
// and agreements through the repositories, N incidents through `saveMany`, then one full
// evaluation, so findings exist as in a store that has been in use. Works on SQLite and PostgreSQL.
//
//   const timings = await seedStore(app, { size: 100_000, seed });
//
// Incidents are generated and saved in pages (one transaction each) so that the caller's heap
// never holds all of them: on PostgreSQL one 100k-row transaction also holds every row's WAL.

import { contentHash, createRepositories } from '@pactwatch/backend';
import { DEFAULT_AGREEMENTS, DEFAULT_SEED, generateAgreements, generateGroups, generateIncidents } from './synthetic.js';

const PAGE = 10_000;

/** Provenance as an import would record it; the hash is what incremental evaluation compares. */
const importMeta = (record) => ({ origin: 'import', sourceFile: null, hash: contentHash(record) });

/**
 * Seeds `app` (from openPactwatch) with `size` incidents and evaluates them. Returns wall-clock
 * milliseconds per step and the number of findings written.
 */
export async function seedStore(app, { size, seed = DEFAULT_SEED, agreements = DEFAULT_AGREEMENTS, page = PAGE }) {
  const timings = {};
  let t = performance.now();
  await app.db.transaction().execute(async (trx) => {
    const repos = createRepositories(trx);
    for (const group of generateGroups()) await repos.groups.save(group, importMeta(group));
    for (const agreement of generateAgreements(agreements, seed)) await repos.agreements.save(agreement, importMeta(agreement));
  });
  timings.saveRulesMs = Math.round(performance.now() - t);

  t = performance.now();
  for (let from = 0; from < size; from += page) {
    const items = generateIncidents(Math.min(page, size - from), { seed, from }).map((incident) => ({ incident, meta: importMeta(incident) }));
    await app.db.transaction().execute(async (trx) => createRepositories(trx).incidents.saveMany(items));
  }
  timings.saveIncidentsMs = Math.round(performance.now() - t);

  t = performance.now();
  const report = await app.evaluation.evaluate({ full: true });
  timings.evaluateMs = Math.round(performance.now() - t);
  return { ...timings, incidents: size, agreements, findings: report.findings };
}
