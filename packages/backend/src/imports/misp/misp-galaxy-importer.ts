import { PactwatchError } from '@pactwatch/domain';
import type { Importer } from '../import-types.js';

// Not yet implemented: replaced by the misp-galaxy importer (issue 4). Fails clearly, never silently.
export const mispGalaxyImporter: Importer = {
  format: 'misp-galaxy',
  parse: async () => {
    throw new PactwatchError('USAGE', 'the misp-galaxy import format is not available in this version yet');
  },
};
