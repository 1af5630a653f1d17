import type { ImportInput, ParsedImport } from '../../import-types.js';
import type { ColumnIndex, Table } from '../table/table.js';

export interface PresetInput {
  readonly input: ImportInput;
  readonly format: 'csv' | 'xlsx';
  /** The CSV file as one table, or every sheet of the workbook. */
  readonly tables: readonly Table[];
}

/** A mapping from one source's table layout to pactwatch records. */
export interface TabularPreset {
  readonly id: string;
  /** Whether a header is this preset's layout: picks the sheet, and the preset when --mapping is omitted. */
  detect(columns: ColumnIndex): boolean;
  map(context: PresetInput): Promise<ParsedImport>;
}
