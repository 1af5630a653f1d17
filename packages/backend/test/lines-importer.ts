import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger, ImportService, type Importer, type ImportUnit } from '@pactwatch/backend';
import { AGREEMENT_YAML, workspace } from './helpers.js';

/** A test format: one JSON object per line, {id, sponsor, victim, start, title?, actor?}. */
export const linesImporter: Importer = {
  format: 'lines',
  parse: async ({ bytes }) => {
    const units: ImportUnit[] = [];
    const rejected = [];
    const lines = bytes.toString('utf8').split('\n').filter((l) => l.trim() !== '');
    for (const [index, line] of lines.entries()) {
      let row: Record<string, string>;
      try {
        row = JSON.parse(line) as Record<string, string>;
      } catch {
        rejected.push({ locator: `line ${index + 1}`, reason: 'not JSON', raw: line });
        continue;
      }
      const id = row['id'] ?? `line-${index + 1}`;
      units.push({
        locator: `line ${index + 1}`,
        sourceId: id,
        sourceType: 'row',
        raw: line,
        records: [
          ...(row['actor'] === undefined ? [] : [{ kind: 'actor' as const, recordId: row['actor'], value: { name: row['actor'], aliases: [], sources: [] } }]),
          {
            kind: 'incident' as const,
            recordId: id,
            value: {
              title: row['title'] ?? `Incident ${id}`,
              summary: 'Imported.',
              period: { start: row['start'] ?? '' },
              activities: [{ type: 'commercial-espionage' as const, certainty: 'confirmed' as const }],
              means: ['cyber' as const],
              attributions: [{ sponsor: row['sponsor'] ?? '', relation: 'state-organ' as const, confidence: 80, basis: 'vendor-report' as const, attributedBy: 'Test', sources: [], ...(row['actor'] === undefined ? {} : { actor: `lines-${row['actor'].toLowerCase()}` }) }],
              victims: [{ state: row['victim'] ?? '', category: 'private-sector' as const }],
              sources: [{ publisher: 'Test dataset', title: `row ${id}` }],
              disputes: [],
            },
          },
        ],
      });
    }
    return { dataset: 'lines', version: '1', units, rejected, warnings: [] };
  },
};

/** A store with one agreement and an ImportService that reads the lines format, and a way to write files. */
export async function setupLines() {
  const ws = workspace();
  ws.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
  const app = await ws.open({ now: () => new Date('2026-11-22T00:00:00Z') });
  await app.dataset.load();
  const service = new ImportService({ db: app.db, config: app.config, logger: createLogger({ logLevel: 'silent' }), now: () => new Date('2026-11-22T00:00:00Z') }, new Map([['lines', linesImporter]]), app.evaluation);
  const file = (name: string, rows: string[]): string => {
    const path = join(ws.dir, name);
    writeFileSync(path, rows.join('\n'));
    return path;
  };
  return { app, service, file };
}

export const row = (fields: Record<string, string>): string => JSON.stringify(fields);
