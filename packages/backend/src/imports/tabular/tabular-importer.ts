import { PactwatchError } from '@pactwatch/domain';
import type { ImportInput, Importer, ParsedImport } from '../import-types.js';
import { loadMappingSpec, parseMappingSpec } from './mapping/mapping-loader.js';
import { mapWithSpec } from './mapping/mapping-preset.js';
import { detectPreset, findPreset, TABULAR_PRESETS } from './presets/preset-registry.js';
import { readCsvTable } from './read/csv-reader.js';
import { readXlsxTables } from './read/xlsx-reader.js';
import type { Table } from './table/table.js';

const PRESET_NAMES = TABULAR_PRESETS.map((p) => p.id).join(', ');

async function readTables(format: 'csv' | 'xlsx', input: ImportInput, delimiter: string | undefined): Promise<Table[]> {
  return format === 'csv' ? [readCsvTable(input.bytes, input.path, delimiter === undefined ? {} : { delimiter })] : readXlsxTables(input.bytes, input.path);
}

/**
 * CSV and XLSX imports: a built-in preset (`--mapping cfr|eurepoc|dcid`) or a mapping YAML for
 * any other table. Without `--mapping` the preset is recognised from the header, or the import is
 * refused. Each data row is one import unit (docs/IMPORT-TABULAR.md).
 */
async function parseTabular(format: 'csv' | 'xlsx', input: ImportInput): Promise<ParsedImport> {
  if (input.mappingText !== undefined) {
    const spec = parseMappingSpec(input.mappingText, input.mapping ?? 'mapping.yaml');
    return mapWithSpec(spec, { input, format, tables: await readTables(format, input, spec.delimiter) });
  }
  const mapping = input.mapping?.trim();
  const preset = mapping === undefined || mapping === '' ? undefined : findPreset(mapping);
  if (mapping !== undefined && mapping !== '' && preset === undefined) {
    const spec = loadMappingSpec(mapping, PRESET_NAMES);
    const tables = await readTables(format, input, spec.delimiter);
    return mapWithSpec(spec, { input, format, tables });
  }
  const tables = await readTables(format, input, undefined);
  const chosen = preset ?? detectPreset(tables);
  if (chosen === undefined) throw new PactwatchError('USAGE', `${input.path}: --mapping is needed for this ${format} file (its header matches no preset): one of ${PRESET_NAMES}, or a mapping YAML file`);
  const parsed = await chosen.map({ input, format, tables });
  return preset === undefined ? { ...parsed, warnings: [`mapping "${chosen.id}" recognised from the header (no --mapping given)`, ...parsed.warnings] } : parsed;
}

export const csvImporter: Importer = { format: 'csv', parse: (input) => parseTabular('csv', input) };
export const xlsxImporter: Importer = { format: 'xlsx', parse: (input) => parseTabular('xlsx', input) };
