import type { ImportUnit, MappedRecord, RejectedUnit } from '../../import-types.js';
import { rowObject, type RowView } from './table.js';

/** The raw text kept for a unit: the row as header → cell text, plus any joined rows. */
export function rowRaw(view: RowView, joined: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...rowObject(view.table.headers, view.row.cells), ...joined });
}

export function rejectRow(view: RowView, reason: string, options: { field?: string; sourceId?: string; raw?: string } = {}): RejectedUnit {
  return {
    locator: view.locator,
    reason,
    raw: options.raw ?? rowRaw(view),
    ...(options.field === undefined ? {} : { field: options.field }),
    ...(options.sourceId === undefined || options.sourceId === '' ? {} : { sourceId: options.sourceId }),
  };
}

export function acceptRow(view: RowView, unit: { sourceId: string; sourceType: string; records: readonly MappedRecord[]; notes: readonly string[]; raw?: string }): ImportUnit {
  return {
    locator: view.locator,
    sourceId: unit.sourceId,
    sourceType: unit.sourceType,
    raw: unit.raw ?? rowRaw(view),
    records: unit.records,
    ...(unit.notes.length === 0 ? {} : { notes: unit.notes }),
  };
}

/** Outcome of mapping one row: a unit, or a reason to quarantine it. */
export type RowOutcome = { readonly ok: true; readonly unit: ImportUnit } | { readonly ok: false; readonly rejected: RejectedUnit };
