import { createRepositories, type Pactwatch } from '@pactwatch/backend';
import type { Incident } from '@pactwatch/domain';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { workspace } from './helpers.js';
import { POSTGRES_NUL_STAND_IN } from '../src/db/dialect.js';
import { onPostgres, TEST_STORE } from './test-store.js';

// What a database could do differently and the store must not: these run on every store.

function incident(id: string, title = `Incident ${id}`): Incident {
  return {
    id,
    title,
    summary: 'Something happened.',
    period: { start: '2016-03' },
    activities: [{ type: 'commercial-espionage', certainty: 'confirmed' }],
    means: ['cyber'],
    attributions: [{ sponsor: 'CN', relation: 'state-organ', confidence: 85, basis: 'indictment', attributedBy: 'DOJ', sources: [] }],
    victims: [{ state: 'US', category: 'private-sector' }],
    sources: [{ publisher: 'Test', title: 'Source' }],
    provenance: { origin: 'added', note: 'test' },
    disputes: [],
  };
}

const meta = { origin: 'import', sourceFile: null, hash: 'h' };

// Ids a locale-aware collation would sort differently: case, punctuation, accents, digits.
const AWKWARD_IDS = ['ab', 'aC', 'Ab', 'a_c', 'a-c', 'a.c', 'a~c', 'é', 'f', 'a1', 'a10', 'a9', 'Z', 'z'];
/** Code-point order, which SQLite's BINARY collation gives (all these ids are in the BMP). */
const CODE_POINT_ORDER = [...AWKWARD_IDS].sort();

async function storeWithAwkwardIds(): Promise<Pactwatch> {
  const app = await workspace().open();
  await createRepositories(app.db).incidents.saveMany(AWKWARD_IDS.map((id) => ({ incident: incident(id), meta })));
  return app;
}

describe(`store portability (${TEST_STORE})`, () => {
  it('orders text by code point, whatever the database locale', async () => {
    const app = await storeWithAwkwardIds();
    const listed = await createRepositories(app.db).incidents.list();
    expect(listed.map((i) => i.id)).toEqual(CODE_POINT_ORDER);
  });

  it('pages through every incident exactly once with id keyset paging', async () => {
    const app = await storeWithAwkwardIds();
    const repos = createRepositories(app.db);
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await repos.incidents.page(after, 3);
      if (page.length === 0) break;
      seen.push(...page.map((i) => i.id));
      after = page[page.length - 1]?.id;
    }
    expect(seen).toEqual(CODE_POINT_ORDER);
  });

  it('returns counts as numbers', async () => {
    const app = await storeWithAwkwardIds();
    expect(await createRepositories(app.db).incidents.count()).toBe(AWKWARD_IDS.length);
    const raw = await sql<{ n: unknown; total: unknown }>`select count(*) as n, sum(position) as total from attribution`.execute(app.db);
    expect(raw.rows[0]).toEqual({ n: AWKWARD_IDS.length, total: 0 });
  });

  it('keeps instants in ms exactly, including the far past', async () => {
    const app = await workspace().open();
    const repos = createRepositories(app.db);
    await repos.incidents.saveMany([{ incident: { ...incident('ancient'), period: { start: '-0500' } }, meta }]);
    const row = await app.db.selectFrom('incident').select(['start_earliest', 'end_latest']).where('id', '=', 'ancient').executeTakeFirstOrThrow();
    expect(row.start_earliest).toBe(Date.UTC(-500, 0, 1));
    expect(typeof row.end_latest).toBe('number');
  });

  it('inserts more rows than one statement may bind parameters for', async () => {
    const app = await workspace().open();
    const repos = createRepositories(app.db);
    // 17 incident columns × 4,000 rows = 68,000 parameters: past both SQLite's and PostgreSQL's cap.
    const many = Array.from({ length: 4_000 }, (_, i) => ({ incident: incident(`bulk-${String(i).padStart(5, '0')}`), meta }));
    await repos.incidents.saveMany(many);
    expect(await repos.incidents.count()).toBe(4_000);
    const last = await repos.incidents.page('bulk-03998', 5);
    expect(last.map((i) => i.id)).toEqual(['bulk-03999']);
  });

  it('stores text with control characters; NUL, which PostgreSQL text cannot hold, is the one stand-in there', async () => {
    const app = await workspace().open();
    const repos = createRepositories(app.db);
    const title = 'nul\u0000 bell\u0007 tab\t end';
    const incidentWithNul = { ...incident('control', title), sources: [{ publisher: 'P\u0000', title: 'in JSON' }] };
    await repos.incidents.saveMany([{ incident: incidentWithNul, meta }]);
    const [stored] = await repos.incidents.list({ ids: ['control'] });
    expect(stored?.title).toBe(onPostgres ? `nul${POSTGRES_NUL_STAND_IN} bell\u0007 tab\t end` : title);
    // JSON columns escape NUL, so there it survives on both.
    expect(stored?.sources).toEqual([{ publisher: 'P\u0000', title: 'in JSON' }]);
  });
});
