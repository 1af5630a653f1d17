import { PactwatchError } from '@pactwatch/domain';
import type { Importer } from '../import-types.js';

// Not yet implemented: replaced by the stix importer (issue 4). Fails clearly, never silently.
export const stixImporter: Importer = {
  format: 'stix',
  parse: async () => {
    throw new PactwatchError('USAGE', 'the stix import format is not available in this version yet');
  },
};
