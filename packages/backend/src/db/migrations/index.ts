import type { Migration } from 'kysely';
import * as m0001 from './0001-initial.js';
import * as m0002 from './0002-source-objects.js';
import * as m0003 from './0003-stale-incident-index.js';
import * as m0004 from './0004-accounts.js';
import * as m0005 from './0005-jobs.js';
import * as m0006 from './0006-store-revision.js';
import * as m0007 from './0007-incident-draft.js';
import * as m0008 from './0008-finding-dyad-index.js';
import * as m0009 from './0009-feeds.js';
import * as m0010 from './0010-alerts.js';
import * as m0011 from './0011-account-revision.js';
import * as m0012 from './0012-party-lookup-indexes.js';

/** Numbered migrations, in order. Add a file, import it here; never edit a released one. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-initial': m0001,
  '0002-source-objects': m0002,
  '0003-stale-incident-index': m0003,
  '0004-accounts': m0004,
  '0005-jobs': m0005,
  '0006-store-revision': m0006,
  '0007-incident-draft': m0007,
  '0008-finding-dyad-index': m0008,
  '0009-feeds': m0009,
  '0010-alerts': m0010,
  '0011-account-revision': m0011,
  '0012-party-lookup-indexes': m0012,
};
