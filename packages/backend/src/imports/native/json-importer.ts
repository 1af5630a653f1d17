import { PactwatchError } from '@pactwatch/domain';
import type { Importer } from '../import-types.js';

// Not yet implemented: replaced by the json importer (issue 4). Fails clearly, never silently.
export const jsonImporter: Importer = {
  format: 'json',
  parse: async () => {
    throw new PactwatchError('USAGE', 'the json import format is not available in this version yet');
  },
};
