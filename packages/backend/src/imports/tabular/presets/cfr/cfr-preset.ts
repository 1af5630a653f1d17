import { basename } from 'node:path';
import { spellingKey } from '@pactwatch/domain';
import { importedRecordId } from '../../../import-ids.js';
import { ValueTally } from '../../records/value-tally.js';
import { emptyRowWarnings, mapTableRows, mostCommonWidth, pickTable, requireColumns } from '../../table/row-loop.js';
import { screenRow } from '../../table/row-screen.js';
import { ColumnIndex, RowView, type Table } from '../../table/table.js';
import { rejectRow } from '../../table/unit-builder.js';
import type { TabularPreset } from '../preset-types.js';
import { mapCfrActorRow } from './cfr-actor-row.js';
import { mapCfrIncidentRow } from './cfr-incident-row.js';
import { CFR_COLUMNS, CFR_REQUIRED_COLUMNS } from './cfr-code-books.js';
import { isActorProfile, shiftedColumns } from './cfr-row-checks.js';

const DATASET = 'cfr';

/**
 * CFR rows have no id column: the title identifies a row across exports (CFR titles are unique in
 * practice). A repeated title gets its date, then its row number, so the rows stay apart.
 */
function recordIds(table: Table): Map<number, string> {
  const columns = new ColumnIndex(table.headers);
  const views = table.rows.map((row) => new RowView(table, row, columns));
  const base = views.map((v) => v.get(...CFR_COLUMNS.title) || `row ${v.row.number}`);
  const count = (ids: readonly string[]): Map<string, number> => ids.reduce((m, id) => m.set(spellingKey(id), (m.get(spellingKey(id)) ?? 0) + 1), new Map<string, number>());
  const baseCounts = count(base);
  const dated = base.map((id, i) => ((baseCounts.get(spellingKey(id)) ?? 0) > 1 ? `${id} (${views[i]?.get(...CFR_COLUMNS.date) ?? ''})` : id));
  const datedCounts = count(dated);
  return new Map(views.map((v, i) => [v.row.number, (datedCounts.get(spellingKey(dated[i] ?? '')) ?? 0) > 1 ? `${dated[i] ?? ''} row ${v.row.number}` : (dated[i] ?? '')]));
}

function versionFromName(path: string): string | undefined {
  return /(\d{4}-\d{2}-\d{2})/.exec(basename(path))?.[1];
}

export const cfrPreset: TabularPreset = {
  id: DATASET,
  detect: (columns) => columns.has(...CFR_COLUMNS.title) && columns.has(...CFR_COLUMNS.sponsor) && columns.has(...CFR_COLUMNS.victims) && columns.has(...CFR_COLUMNS.category),
  map: async ({ input, tables }) => {
    const { table, warnings } = pickTable(tables, cfrPreset.detect, 'cfr');
    requireColumns(table, CFR_REQUIRED_COLUMNS, 'cfr');
    const ids = recordIds(table);
    const columns = new ColumnIndex(table.headers);
    // Actor profiles first, so incidents can link to the actors of the same file; only profiles
    // that will be accepted count, or a link would point at a quarantined row.
    const actorIds = new Map<string, string>();
    const width = mostCommonWidth(table);
    for (const row of table.rows) {
      const view = new RowView(table, row, columns);
      if (isActorProfile(view) && screenRow(table, row, width) === undefined && shiftedColumns(view) === undefined) {
        actorIds.set(spellingKey(view.get(...CFR_COLUMNS.title)), importedRecordId(DATASET, ids.get(row.number) ?? ''));
      }
    }
    const tally = new ValueTally();
    const { units, rejected } = mapTableRows(table, (view) => {
      const recordId = ids.get(view.row.number) ?? `row ${view.row.number}`;
      const shifted = shiftedColumns(view);
      if (shifted !== undefined) return { ok: false, rejected: rejectRow(view, shifted.reason, { field: shifted.field, sourceId: recordId }) };
      if (isActorProfile(view)) return mapCfrActorRow(view, recordId);
      return mapCfrIncidentRow(view, { recordId, actorIds, tally, actorKey: spellingKey });
    });
    const version = versionFromName(input.path);
    return {
      dataset: DATASET,
      ...(version === undefined ? {} : { version }),
      units,
      rejected,
      warnings: [...warnings, ...emptyRowWarnings(table), ...tally.warnings('values with no state or model term (noted per row)')],
    };
  },
};
