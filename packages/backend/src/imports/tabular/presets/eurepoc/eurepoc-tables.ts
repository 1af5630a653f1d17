import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { readCsvTable } from '../../read/csv-reader.js';
import { invalidFile } from '../../tabular-errors.js';
import { PactwatchError } from '@pactwatch/domain';
import { ColumnIndex, headerKey, rowObject, tableLabel, type Table } from '../../table/table.js';
import { ATTRIBUTION_COLUMNS, eurepocTableKind, RECEIVER_COLUMNS, type EurepocTableKind } from './eurepoc-layout.js';

const MAX_SIBLING_BYTES = 512 * 1024 * 1024;

/** Rows of a joined table by incident id, each as header → cell text. */
export type JoinedRows = ReadonlyMap<string, ReadonlyArray<Readonly<Record<string, string>>>>;

export interface EurepocJoins {
  readonly attributions?: JoinedRows;
  readonly receivers?: JoinedRows;
  readonly warnings: readonly string[];
}

/** EuRepoC ids are integers, but some exports write them as floats ("12.0"). */
export function incidentKey(text: string): string {
  return text.trim().replace(/\.0+$/, '');
}

function groupRows(table: Table, idColumns: readonly string[]): Map<string, Array<Record<string, string>>> {
  const position = new ColumnIndex(table.headers).find(...idColumns);
  const groups = new Map<string, Array<Record<string, string>>>();
  if (position === undefined) return groups;
  for (const row of table.rows) {
    const key = incidentKey(row.cells[position] ?? '');
    const list = groups.get(key) ?? [];
    list.push(rowObject(table.headers, row.cells));
    groups.set(key, list);
  }
  return groups;
}

/**
 * Beside a CSV main table, the attribution or receiver table: a CSV whose name holds "eurepoc"
 * and the table's word ("attribution", "receiver"), preferring the main file's release number.
 * Several equally good candidates join none (and say so) rather than guess.
 */
function siblingCsv(mainPath: string, word: string, version: string): { path?: string; warning?: string } {
  const folder = dirname(mainPath);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return {};
  }
  const candidates = names.filter((name) => {
    const lower = name.toLowerCase();
    return lower.endsWith('.csv') && lower.includes('eurepoc') && lower.includes(word) && name !== basename(mainPath);
  });
  const versioned = candidates.filter((name) => name.replace(/_/g, '.').includes(version));
  const pool = versioned.length > 0 ? versioned : candidates;
  if (pool.length === 1 && pool[0] !== undefined) return { path: join(folder, pool[0]) };
  return pool.length === 0 ? {} : { warning: `several ${word} tables beside ${basename(mainPath)} (${pool.join(', ')}): none joined` };
}

function readSibling(path: string): Table {
  let bytes: Buffer | undefined;
  try {
    bytes = statSync(path).size > MAX_SIBLING_BYTES ? undefined : readFileSync(path);
  } catch {
    throw new PactwatchError('FILE_ERROR', `${path}: could not be read`);
  }
  if (bytes === undefined) throw invalidFile(path, `over the ${MAX_SIBLING_BYTES}-byte import limit`);
  return readCsvTable(bytes, path);
}

/** A joined row's cell by any of a column's names (case-insensitive, as in the main table). */
export function joinedField(row: Readonly<Record<string, string>>, candidates: readonly string[]): string {
  for (const candidate of candidates) {
    const key = Object.keys(row).find((name) => headerKey(name) === headerKey(candidate));
    if (key !== undefined) return (row[key] ?? '').trim();
  }
  return '';
}

function joinTable(kind: EurepocTableKind, table: Table, mainIds: ReadonlySet<string>, warnings: string[]): JoinedRows {
  const groups = groupRows(table, kind === 'attribution' ? ATTRIBUTION_COLUMNS.incidentId : RECEIVER_COLUMNS.incidentId);
  const orphans = [...groups.entries()].filter(([id]) => !mainIds.has(id)).reduce((n, [, rows]) => n + rows.length, 0);
  warnings.push(`joined the ${kind} table ${tableLabel(table)}: ${table.rows.length} rows for ${groups.size} incidents${orphans === 0 ? '' : `; ${orphans} rows name incidents not in the main table and are not used`}`);
  return groups;
}

/** The attribution and receiver tables: other sheets of the workbook, or CSV files beside the main one. */
export function eurepocJoins(context: { format: 'csv' | 'xlsx'; path: string; tables: readonly Table[]; main: Table; version: string; mainIds: ReadonlySet<string> }): EurepocJoins {
  const warnings: string[] = [];
  const found = new Map<EurepocTableKind, Table>();
  for (const kind of ['attribution', 'receiver'] as const) {
    if (context.format === 'xlsx') {
      const sheet = context.tables.find((t) => t !== context.main && eurepocTableKind(new ColumnIndex(t.headers)) === kind);
      if (sheet !== undefined) found.set(kind, sheet);
      continue;
    }
    const sibling = siblingCsv(context.path, kind, context.version);
    if (sibling.warning !== undefined) warnings.push(sibling.warning);
    if (sibling.path === undefined) continue;
    const table = readSibling(sibling.path);
    if (eurepocTableKind(new ColumnIndex(table.headers)) !== kind) warnings.push(`${sibling.path}: not joined, its header is not a EuRepoC ${kind} table`);
    else found.set(kind, table);
  }
  const attributionTable = found.get('attribution');
  const receiverTable = found.get('receiver');
  if (attributionTable === undefined) warnings.push('no attribution table joined: sponsors come from the main table\'s initiator columns');
  if (receiverTable === undefined) warnings.push('no receiver table joined: victims come from the main table\'s receiver columns');
  return {
    ...(attributionTable === undefined ? {} : { attributions: joinTable('attribution', attributionTable, context.mainIds, warnings) }),
    ...(receiverTable === undefined ? {} : { receivers: joinTable('receiver', receiverTable, context.mainIds, warnings) }),
    warnings,
  };
}
