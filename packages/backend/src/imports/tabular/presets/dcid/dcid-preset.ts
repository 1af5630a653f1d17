import { basename } from 'node:path';
import { emptyRowWarnings, mapTableRows, pickTable, requireColumns } from '../../table/row-loop.js';
import type { TabularPreset } from '../preset-types.js';
import { DCID_COLUMNS, DCID_REQUIRED_COLUMNS } from './dcid-code-books.js';
import { mapDcidRow } from './dcid-row.js';

/** "DCID_2.0_Feb2023.xlsx" → "2.0". */
function versionFromName(path: string): string | undefined {
  return /DCID[\s_-]*v?(\d+(?:\.\d+)*)/i.exec(basename(path))?.[1];
}

/**
 * DCID 2.0: sheet 1 holds one row per incident and dyad. The second sheet (coded state responses)
 * has the same first columns but no interactionenddate, and is not imported: responses are not
 * incidents.
 */
export const dcidPreset: TabularPreset = {
  id: 'dcid',
  detect: (columns) => columns.has(...DCID_COLUMNS.incident) && columns.has(...DCID_COLUMNS.dyad) && columns.has(...DCID_COLUMNS.initiator) && columns.has(...DCID_COLUMNS.end),
  map: async ({ input, tables }) => {
    const { table, warnings } = pickTable(tables, dcidPreset.detect, 'dcid');
    requireColumns(table, DCID_REQUIRED_COLUMNS, 'dcid');
    const { units, rejected } = mapTableRows(table, mapDcidRow);
    const version = versionFromName(input.path);
    return { dataset: 'dcid', ...(version === undefined ? {} : { version }), units, rejected, warnings: [...warnings, ...emptyRowWarnings(table)] };
  },
};
