import type { ParsedImport } from '../../import-types.js';
import type { PresetInput } from '../presets/preset-types.js';
import { ValueTally } from '../records/value-tally.js';
import { invalidFile } from '../tabular-errors.js';
import { emptyRowWarnings, mapTableRows } from '../table/row-loop.js';
import { ColumnIndex, tableLabel, type Table } from '../table/table.js';
import { mapSpecRow } from './mapping-row.js';
import type { MappingSpec } from './mapping-spec.js';

function pickSheet(spec: MappingSpec, context: PresetInput): { table: Table; warnings: string[] } {
  const [first] = context.tables;
  if (first === undefined) throw invalidFile(context.input.path, 'has no table');
  if (context.format === 'csv') return { table: first, warnings: spec.sheet === undefined ? [] : [`mapping sheet "${spec.sheet}" ignored: a CSV file has no sheets`] };
  if (spec.sheet === undefined) return { table: first, warnings: context.tables.length > 1 ? [`sheet "${first.sheet ?? ''}" read (the first); the mapping names no sheet`] : [] };
  const table = context.tables.find((t) => t.sheet === spec.sheet) ?? context.tables.find((t) => t.sheet?.toLowerCase() === spec.sheet?.toLowerCase());
  if (table === undefined) throw invalidFile(context.input.path, `sheet "${spec.sheet}" (named by ${spec.file}) is not in the workbook; its sheets are ${context.tables.map((t) => `"${t.sheet ?? ''}"`).join(', ')}`);
  return { table, warnings: [] };
}

/** Every column the mapping names, with the key that names it. */
function namedColumns(spec: MappingSpec): Array<[string, string]> {
  const optional = (key: string, column: string | undefined): Array<[string, string]> => (column === undefined ? [] : [[key, column]]);
  return [
    ...spec.recordId.map((c): [string, string] => ['recordId', c]),
    ['title', spec.title],
    ['start', spec.start.column],
    ['sponsors', spec.sponsors.column],
    ['victims', spec.victims.column],
    ...optional('summary', spec.summary),
    ...optional('end', spec.end?.column),
    ...optional('categories', spec.categories?.column),
    ...optional('activities', spec.activities?.column),
    ...optional('actor', spec.actor),
    ...optional('confidence', spec.confidence.column),
    ...optional('basis', spec.basis.column),
    ...optional('attributedBy', spec.attributedBy.column),
    ...spec.sources.columns.map((c): [string, string] => ['sources', c]),
  ];
}

/** Applies a user mapping YAML to a CSV file or one sheet of a workbook. */
export async function mapWithSpec(spec: MappingSpec, context: PresetInput): Promise<ParsedImport> {
  const { table, warnings } = pickSheet(spec, context);
  const columns = new ColumnIndex(table.headers);
  const missing = namedColumns(spec).filter(([, column]) => !columns.has(column));
  if (missing.length > 0) {
    throw invalidFile(tableLabel(table), `the header (row 1) lacks ${missing.map(([key, column]) => `"${column}" (${key} in ${spec.file})`).join(', ')}; found ${table.headers.slice(0, 40).map((h) => `"${h}"`).join(', ')}`, { path: 'row 1' });
  }
  const tally = new ValueTally();
  const { units, rejected } = mapTableRows(table, (view) => mapSpecRow(view, spec, tally));
  return {
    dataset: spec.dataset,
    ...(spec.version === undefined ? {} : { version: spec.version }),
    units,
    rejected,
    warnings: [...warnings, ...emptyRowWarnings(table), ...tally.warnings('values with no state or model term (noted per row)')],
  };
}
