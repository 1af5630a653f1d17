import type { Agreement } from '../model/agreement.js';
import type { Provenance } from '../model/common-schemas.js';
import type { Incident } from '../model/incident.js';
import { compareText } from './report-order.js';
import type { ReportDataset } from './report-model.js';

function datasetKey(provenance: Provenance): { name: string; version: string | null; fileHash: string | null } {
  if (provenance.origin === 'seed-article') return { name: `curated dataset (seed articles: ${[...provenance.seeds].sort(compareText).join(', ')})`, version: null, fileHash: null };
  if (provenance.origin === 'added') return { name: 'added by analysts', version: null, fileHash: null };
  return { name: `imported: ${provenance.dataset}`, version: provenance.version ?? null, fileHash: provenance.fileHash };
}

/** Where the report's records came from: each dataset (and version, and file hash for imports) with its record counts. */
export function describeDatasets(agreements: readonly Agreement[], incidents: readonly Incident[]): ReportDataset[] {
  const rows = new Map<string, { name: string; version: string | null; fileHash: string | null; agreements: number; incidents: number }>();
  const add = (provenance: Provenance, kind: 'agreements' | 'incidents'): void => {
    const key = datasetKey(provenance);
    const id = JSON.stringify([key.name, key.version, key.fileHash]);
    const row = rows.get(id) ?? { ...key, agreements: 0, incidents: 0 };
    row[kind] += 1;
    rows.set(id, row);
  };
  for (const a of agreements) add(a.provenance, 'agreements');
  for (const i of incidents) add(i.provenance, 'incidents');
  return [...rows.values()].sort((a, b) => compareText(a.name, b.name) || compareText(a.version ?? '', b.version ?? '') || compareText(a.fileHash ?? '', b.fileHash ?? ''));
}
