import type { Migration } from 'kysely';
import * as m0001 from './0001-initial.js';

/** Numbered migrations, in order. Add a file, import it here; never edit a released one. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-initial': m0001,
};
