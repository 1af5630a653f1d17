import { ColumnIndex, type Table } from '../table/table.js';
import { cfrPreset } from './cfr/cfr-preset.js';
import { dcidPreset } from './dcid/dcid-preset.js';
import { eurepocPreset } from './eurepoc/eurepoc-preset.js';
import type { TabularPreset } from './preset-types.js';

/** The built-in mappings, by the name `--mapping` takes. */
export const TABULAR_PRESETS: readonly TabularPreset[] = [cfrPreset, eurepocPreset, dcidPreset];

export function findPreset(name: string): TabularPreset | undefined {
  return TABULAR_PRESETS.find((preset) => preset.id === name.trim().toLowerCase());
}

/** The preset whose layout one of the tables has, when `--mapping` is omitted. */
export function detectPreset(tables: readonly Table[]): TabularPreset | undefined {
  return TABULAR_PRESETS.find((preset) => tables.some((table) => preset.detect(new ColumnIndex(table.headers))));
}
