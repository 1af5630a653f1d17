import type { RejectedUnit } from '../../import-types.js';
import { TABULAR_LIMITS } from '../tabular-limits.js';
import { rowLocator, rowObject, type Table, type TableRow } from './table.js';

function preview(cell: string): string {
  if (cell.length <= TABULAR_LIMITS.maxCellChars) return cell;
  return `${cell.slice(0, TABULAR_LIMITS.rawCellPreviewChars)}…[truncated: ${cell.length} characters]`;
}

/**
 * Checks that hold for every preset, before any mapping: a cell over the size limit, or more
 * cells than the header has columns, which means the row's columns are shifted.
 * Such rows are quarantined whole; the stored raw text keeps a preview of an oversized cell.
 */
export function screenRow(table: Table, row: TableRow, typicalWidth: number): RejectedUnit | undefined {
  const locator = rowLocator(table, row.number);
  const oversized = row.cells.findIndex((cell) => cell.length > TABULAR_LIMITS.maxCellChars);
  if (oversized >= 0) {
    const column = table.headers[oversized] ?? `column ${oversized + 1}`;
    return {
      locator,
      field: column,
      reason: `cell "${column}" holds ${row.cells[oversized]?.length ?? 0} characters, over the limit of ${TABULAR_LIMITS.maxCellChars} per cell`,
      raw: JSON.stringify(rowObject(table.headers, row.cells.map(preview))),
    };
  }
  const lastFilled = row.cells.reduce((last, cell, index) => (cell.trim() === '' ? last : index), -1);
  // Extra empty cells count too, unless most rows have them (an export that ends every line with a delimiter).
  const extraEmpty = row.cells.length > Math.max(table.headers.length, typicalWidth);
  if (lastFilled >= table.headers.length || extraEmpty) {
    return {
      locator,
      reason: `row has ${lastFilled >= table.headers.length ? `${lastFilled + 1} filled cells` : `${row.cells.length} cells`} but the header has ${table.headers.length} columns: the columns are shifted (an unquoted delimiter or a missing cell?)`,
      raw: JSON.stringify(rowObject(table.headers, row.cells)),
    };
  }
  return undefined;
}
