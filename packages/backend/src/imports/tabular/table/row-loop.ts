import type { ImportUnit, RejectedUnit } from '../../import-types.js';
import { invalidFile } from '../tabular-errors.js';
import { screenRow } from './row-screen.js';
import { ColumnIndex, RowView, tableLabel, type Table } from './table.js';
import type { RowOutcome } from './unit-builder.js';

/** The cell count most rows have: extra cells beyond it (and the header) mean a shifted row. */
export function mostCommonWidth(table: Table): number {
  const counts = new Map<number, number>();
  for (const row of table.rows) counts.set(row.cells.length, (counts.get(row.cells.length) ?? 0) + 1);
  let best = table.headers.length;
  for (const [width, count] of counts) if (count > (counts.get(best) ?? 0)) best = width;
  return best;
}

/** Maps every row of a table, quarantining rows that fail the common screen or the mapping. */
export function mapTableRows(table: Table, map: (view: RowView) => RowOutcome): { units: ImportUnit[]; rejected: RejectedUnit[] } {
  const columns = new ColumnIndex(table.headers);
  const units: ImportUnit[] = [];
  const rejected: RejectedUnit[] = [];
  const typicalWidth = mostCommonWidth(table);
  for (const row of table.rows) {
    const screened = screenRow(table, row, typicalWidth);
    if (screened !== undefined) {
      rejected.push(screened);
      continue;
    }
    const outcome = map(new RowView(table, row, columns));
    if (outcome.ok) units.push(outcome.unit);
    else rejected.push(outcome.rejected);
  }
  return { units, rejected };
}

/** Refuses a table that lacks columns a mapping needs, naming them and the columns it has. */
export function requireColumns(table: Table, required: ReadonlyArray<readonly string[]>, mapping: string): void {
  const columns = new ColumnIndex(table.headers);
  const missing = required.filter((candidates) => !columns.has(...candidates)).map((candidates) => `"${candidates[0] ?? ''}"`);
  if (missing.length === 0) return;
  const found = table.headers.slice(0, 40).map((h) => `"${h}"`).join(', ');
  throw invalidFile(tableLabel(table), `the header (row 1) lacks the column(s) ${missing.join(', ')} that the ${mapping} mapping needs; found ${found === '' ? 'no columns' : found}`, { path: 'row 1' });
}

/** The first table whose header a preset recognises; the others are named in warnings. */
export function pickTable(tables: readonly Table[], detect: (columns: ColumnIndex) => boolean, mapping: string): { table: Table; warnings: string[] } {
  const table = tables.find((t) => detect(new ColumnIndex(t.headers))) ?? (tables.length === 1 ? tables[0] : undefined);
  if (table === undefined) {
    const file = tables[0]?.file ?? 'file';
    throw invalidFile(file, `no sheet has the ${mapping} column layout; sheets: ${tables.map((t) => `"${t.sheet ?? ''}"`).join(', ')}`);
  }
  const warnings = tables.filter((t) => t !== table).map((t) => `sheet "${t.sheet ?? ''}" (${t.rows.length} rows) not imported: it is not the ${mapping} incident table`);
  return { table, warnings };
}

export function emptyRowWarnings(table: Table): string[] {
  return table.emptyRows === 0 ? [] : [`${tableLabel(table)}: ${table.emptyRows} empty row(s) skipped`];
}
