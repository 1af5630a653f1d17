import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Pactwatch } from '@pactwatch/backend';
import type { Principal } from '@pactwatch/domain';
import { sql } from 'kysely';
import { workspace, type Workspace } from '../helpers.js';

export const REPO_DATA = fileURLToPath(new URL('../../../../data', import.meta.url));
const SHARED = '/work/shared/data';
/** A MISP galaxy and a STIX bundle from the shared data folder; the store is rich without them too. */
export const MISP_FILE = join(SHARED, 'misp-galaxy/clusters/microsoft-activity-group.json');
export const STIX_FILE = join(SHARED, 'stix-examples/examples/example_json/apt1.json');

export const analyst: Principal = { kind: 'user', id: 'u-rich', name: 'rich', role: 'analyst' };

export const HAND_INCIDENT = {
  id: 'hand-entered-1',
  title: 'Hand-entered intrusion, with "quotes", commas, and ünïcödé',
  summary: 'Entered by an analyst.\nSecond line.',
  period: { start: '2019-03', end: '2019-11~' },
  disclosed: '2020-01-15',
  activities: [{ type: 'commercial-espionage' }, { type: 'sabotage', certainty: 'possible' }],
  means: ['cyber'],
  attributions: [
    { sponsor: 'CN', relation: 'state-supported', confidence: 85, basis: 'vendor-report', attributedBy: 'Vendor A', sources: [] },
    { sponsor: 'RU', relation: 'unknown', confidence: 20, basis: 'media', attributedBy: 'Press', sources: [] },
  ],
  victims: [
    { state: 'US', category: 'private-sector', sector: 'energy', entity: 'Acme Power' },
    { state: 'DE', category: 'government' },
  ],
  sources: [{ publisher: 'Wire', title: 'Report', date: '2020-01-15', url: 'https://example.org/r?a=1&b=2' }],
  provenance: { origin: 'added', note: 'backup fixture' },
};

export interface RichStore {
  readonly ws: Workspace;
  readonly app: Pactwatch;
  /** Which optional shared files went in (tests still pass without /work/shared/data). */
  readonly imported: readonly string[];
}

/**
 * A store with something in every backed-up table a service can fill: the curated dataset,
 * imports (MISP galaxy, STIX bundle) with their batches and raw objects, a hand-entered incident,
 * an override, a pending and a rejected draft, a user, an alert rule, a feed source and findings.
 */
export async function richStore(): Promise<RichStore> {
  const ws = workspace();
  cpSync(REPO_DATA, ws.dataDir, { recursive: true });
  const app = await ws.open();
  await app.dataset.load();
  await app.evaluation.evaluate();
  const imported: string[] = [];
  for (const [file, format] of [
    [MISP_FILE, 'misp-galaxy'],
    [STIX_FILE, 'stix'],
  ] as const) {
    if (!existsSync(file)) continue;
    await app.imports.import({ file, format });
    imported.push(file);
  }
  await app.incidentEdits.create(HAND_INCIDENT, { principal: analyst });
  const finding = (await app.query.findings()).find((f) => f.verdict !== 'outside-scope') ?? (await app.query.findings())[0];
  if (finding === undefined) throw new Error('the curated dataset gave no findings');
  await app.overrides.set({ commitmentId: finding.commitmentId, incidentId: finding.incidentId, verdict: 'possible-breach', note: 'fixture override', author: 'rich' });
  const draft = (id: string): Record<string, unknown> => ({ ...HAND_INCIDENT, id, title: `Draft ${id}` });
  await app.drafts.create({ record: draft('draft-pending'), confidence: 60, notes: 'from a wire' }, { principal: analyst });
  const rejected = await app.drafts.create({ record: draft('draft-rejected') }, { principal: analyst });
  await app.drafts.reject(rejected.id, 'not state-sponsored', { principal: analyst });
  await app.accounts.createUser({ username: 'grace', role: 'analyst', password: 'correct horse battery staple 9' });
  await app.alerts.add({ name: 'breaches', definition: { kind: 'finding', verdicts: ['breach'] }, channel: 'webhook', target: 'http://127.0.0.1:9/hook', secret: 'a-secret-of-32-characters-or-more-xx' });
  await app.feeds.add({ location: ws.dataDir, name: 'Local folder' }, analyst);
  await app.evaluation.evaluate();
  return { ws, app, imported };
}

/** Every row of a table in a stable order, as plain values (numbers and text). */
export async function tableRows(app: Pactwatch, table: string): Promise<string[]> {
  const result = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(app.db);
  return result.rows.map((row) => JSON.stringify(Object.keys(row).sort().map((k) => [k, row[k] instanceof Buffer ? (row[k] as Buffer).toString('base64') : row[k]]))).sort();
}
