import { ValueTally } from '../../records/value-tally.js';
import { emptyRowWarnings, mapTableRows, pickTable, requireColumns } from '../../table/row-loop.js';
import { ColumnIndex } from '../../table/table.js';
import type { TabularPreset } from '../preset-types.js';
import { eurepocTableKind, eurepocVersion, INCIDENT_COLUMNS, INCIDENT_REQUIRED } from './eurepoc-layout.js';
import { mapEurepocRow } from './eurepoc-row.js';
import { eurepocJoins, incidentKey } from './eurepoc-tables.js';

/**
 * EuRepoC global dataset, releases 1.1 and 1.3: the incident table (a CSV, or a sheet of a
 * workbook) with its attribution and receiver tables joined by incident id when found.
 */
export const eurepocPreset: TabularPreset = {
  id: 'eurepoc',
  detect: (columns) => eurepocTableKind(columns) === 'incident',
  map: async ({ input, format, tables }) => {
    const { table, warnings: sheetWarnings } = pickTable(tables, eurepocPreset.detect, 'eurepoc');
    requireColumns(table, INCIDENT_REQUIRED, 'eurepoc');
    const columns = new ColumnIndex(table.headers);
    const release = eurepocVersion(input.path, columns);
    const idPosition = columns.find(...INCIDENT_COLUMNS.id);
    const mainIds = new Set(table.rows.map((row) => incidentKey(row.cells[idPosition ?? 0] ?? '')));
    const joins = eurepocJoins({ format, path: input.path, tables, main: table, version: release.version, mainIds });
    const joinedSheets = new Set(tables.filter((t) => t !== table && eurepocTableKind(new ColumnIndex(t.headers)) !== undefined));
    const tally = new ValueTally();
    const { units, rejected } = mapTableRows(table, (view) => mapEurepocRow(view, joins, tally));
    return {
      dataset: 'eurepoc',
      version: release.version,
      units,
      rejected,
      warnings: [
        `EuRepoC release ${release.version}${release.fromName ? ' (from the file name)' : ''}; header layout ${release.layout} (${release.layout === '1.1' ? 'capitalised names, Python-list values' : 'lower-case names, ";"-joined values'})`,
        ...sheetWarnings.filter((w) => ![...joinedSheets].some((t) => w.startsWith(`sheet "${t.sheet ?? ''}"`))),
        ...joins.warnings,
        ...emptyRowWarnings(table),
        ...tally.warnings('values with no state or model term (noted per row)'),
      ],
    };
  },
};
