import { PactwatchError } from '@pactwatch/domain';
import type { Importer } from '../import-types.js';

// Not yet implemented: replaced by the CSV/XLSX importers with mapping presets (issue 4).
function unavailable(format: string): Importer {
  return {
    format,
    parse: async () => {
      throw new PactwatchError('USAGE', `the ${format} import format is not available in this version yet`);
    },
  };
}

export const csvImporter: Importer = unavailable('csv');
export const xlsxImporter: Importer = unavailable('xlsx');
