import { createServer } from 'node:net';
import { join } from 'node:path';
import { createLogger, isPostgres, loadConfig, migrateToLatest, openDatabase, openPactwatch, type Pactwatch } from '@pactwatch/backend';
import { PactwatchError } from '@pactwatch/domain';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../src/db/migrations/index.js';
import { parseInt8, parseNumeric } from '../src/db/postgres.js';
import { inTransaction, type ServiceContext } from '../src/services/service-context.js';
import { queuedWriters } from '../src/db/write-transaction.js';
import { workspace } from './helpers.js';
import { createTestDatabase, dropTestDatabase, onPostgres } from './test-store.js';

const silent = createLogger({ logLevel: 'silent' });

/** A loopback port nothing listens on (the kernel hands out a free one, which is then closed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function openError(url: string): Promise<PactwatchError> {
  try {
    await openDatabase({ databasePath: '/nonexistent/unused.db', databaseUrl: url });
  } catch (error) {
    if (error instanceof PactwatchError) return error;
    throw error;
  }
  throw new Error('openDatabase succeeded');
}

describe('choosing the store from the configuration', () => {
  it('opens the SQLite file when no database URL is set', async () => {
    const ws = workspace();
    const db = await openDatabase(loadConfig({ databasePath: join(ws.dir, 'plain.db') }, {}));
    try {
      expect(isPostgres(db)).toBe(false);
      expect((await migrateToLatest(db)).applied).toEqual(Object.keys(MIGRATIONS));
    } finally {
      await db.destroy();
    }
  });

  it('fails with DATABASE_ERROR naming the server, never the password, when PostgreSQL cannot be reached', async () => {
    const port = await closedPort();
    const error = await openError(`postgres://analyst:s3cr%3At-pw@127.0.0.1:${port}/pactwatch`);
    expect(error.code).toBe('DATABASE_ERROR');
    expect(error.message).toContain(`postgres://analyst@127.0.0.1:${port}/pactwatch`);
    expect(error.message).not.toContain('s3cr');
    expect(error.message).not.toContain('t-pw');
    expect(JSON.stringify(error)).not.toContain('s3cr');
  });

  it('takes PACTWATCH_DATABASE_URL from the environment and --database-url over it', () => {
    const env = { PACTWATCH_DATABASE_URL: 'postgres://env@127.0.0.1:5432/a' };
    expect(loadConfig({}, env).databaseUrl).toBe('postgres://env@127.0.0.1:5432/a');
    expect(loadConfig({ databaseUrl: 'postgresql://flag@127.0.0.1:5432/b' }, env).databaseUrl).toBe('postgresql://flag@127.0.0.1:5432/b');
    expect(loadConfig({}, {}).databaseUrl).toBeUndefined();
  });

  it('reads PostgreSQL int8 and numeric values as numbers only when a double holds them exactly', () => {
    expect(parseInt8('42')).toBe(42);
    expect(parseInt8('-9007199254740991')).toBe(-9007199254740991);
    expect(parseInt8('9007199254740993')).toBe('9007199254740993');
    expect(parseNumeric('2.5000000000000000')).toBe(2.5);
    expect(parseNumeric('0.1')).toBe(0.1);
    expect(parseNumeric('12345678901234567.5')).toBe('12345678901234567.5');
  });
});

describe.skipIf(!onPostgres)('the PostgreSQL store (postgres test project only: needs a server)', () => {
  const databases: string[] = [];
  const apps: Pactwatch[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
    for (const url of databases.splice(0)) await dropTestDatabase(url);
  });

  async function freshDatabase(): Promise<string> {
    const url = await createTestDatabase();
    databases.push(url);
    return url;
  }

  async function open(url: string): Promise<Pactwatch> {
    const app = await openPactwatch(loadConfig({ databaseUrl: url, databasePath: '/nonexistent/unused.db' }, {}), { logger: silent });
    apps.push(app);
    return app;
  }

  it('opens PostgreSQL for a postgres:// URL and applies every migration', async () => {
    const app = await open(await freshDatabase());
    expect(isPostgres(app.db)).toBe(true);
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(app.db);
    expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(MIGRATIONS));
    expect(await app.query.isInitialised()).toBe(false);
    expect(await app.query.incidents()).toEqual([]);
  });

  it('declares the catalogue text columns collate "C", so they sort like SQLite', async () => {
    const app = await open(await freshDatabase());
    const catalogue = ['agreement', 'agreement_party', 'commitment', 'incident', 'attribution', 'victim', 'context_event', 'party_group', 'group_member', 'actor', 'finding', 'verdict_override', 'meta', 'import_batch', 'quarantine', 'source_object'];
    const columns = await sql<{ table_name: string; column_name: string; collation_name: string | null }>`
      select table_name, column_name, collation_name from information_schema.columns
      where table_schema = current_schema() and data_type = 'text'`.execute(app.db);
    const mine = columns.rows.filter((c) => catalogue.includes(c.table_name));
    expect(mine.length).toBeGreaterThan(100);
    expect(mine.filter((c) => c.collation_name !== 'C')).toEqual([]);
  });

  it('lets two processes start on a new database at once: one migrates, the other waits and finds it done', async () => {
    const url = await freshDatabase();
    const [first, second] = await Promise.all([open(url), open(url)]);
    const applied = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(first.db);
    expect(applied.rows[0]?.n).toBe(Object.keys(MIGRATIONS).length);
    expect(await second.query.incidents()).toEqual([]);
  });

  it('fails with DATABASE_ERROR for a database that does not exist, without the password', async () => {
    const url = new URL(await freshDatabase());
    url.pathname = '/pw_does_not_exist';
    url.password = 'hunter2-secret';
    const error = await openError(url.toString());
    expect(error.code).toBe('DATABASE_ERROR');
    expect(error.message).toContain('pw_does_not_exist');
    expect(error.message).not.toContain('hunter2');
  });

  it('lets one writer in at a time, as SQLite does, across processes (the advisory lock)', async () => {
    const url = await freshDatabase();
    const app = await open(url);
    // A second store handle has its own pool and writer turns: it stands for another process.
    const other = await open(url);
    const ctx: ServiceContext = { db: app.db, config: app.config, logger: silent, now: () => new Date() };
    const otherCtx: ServiceContext = { db: other.db, config: other.config, logger: silent, now: () => new Date() };
    const { events, first, releaseFirst } = await firstWriterHolding(ctx);
    const second = inTransaction(otherCtx, async (repos) => {
      events.push('second in');
      await repos.meta.set('writer', 'second');
    });
    // Wait until the second writer is blocked on the lock (seen by the server), then let the first finish.
    for (;;) {
      if ((await lockWaiters(app)) > 0) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(events).toEqual(['first in']);
    releaseFirst();
    await Promise.all([first, second]);
    expect(events).toEqual(['first in', 'first out', 'second in']);
    expect(await storedWriter(app)).toBe('second');
  });

  it('queues a second writer of the same process before it takes a connection, so it never waits on the lock', async () => {
    const app = await open(await freshDatabase());
    const ctx: ServiceContext = { db: app.db, config: app.config, logger: silent, now: () => new Date() };
    const { events, first, releaseFirst } = await firstWriterHolding(ctx);
    const second = inTransaction(ctx, async (repos) => {
      events.push('second in');
      await repos.meta.set('writer', 'second');
    });
    // Both are this process's writers; the second waits in the queue, not on the server's lock.
    expect(queuedWriters(app.db)).toBe(2);
    expect(await lockWaiters(app)).toBe(0);
    expect(events).toEqual(['first in']);
    releaseFirst();
    await Promise.all([first, second]);
    expect(events).toEqual(['first in', 'first out', 'second in']);
    expect(queuedWriters(app.db)).toBe(0);
    expect(await storedWriter(app)).toBe('second');
  });
});

/** A write transaction that is inside (has the turn and the lock) and stays until released. */
async function firstWriterHolding(ctx: ServiceContext): Promise<{ events: string[]; first: Promise<void>; releaseFirst: () => void }> {
  const events: string[] = [];
  let releaseFirst = (): void => undefined;
  const firstHolds = new Promise<void>((resolve) => {
    releaseFirst = resolve;
  });
  let firstStarted = (): void => undefined;
  const firstIsIn = new Promise<void>((resolve) => {
    firstStarted = resolve;
  });
  const first = inTransaction(ctx, async (repos) => {
    events.push('first in');
    firstStarted();
    await firstHolds;
    await repos.meta.set('writer', 'first');
    events.push('first out');
  });
  await firstIsIn;
  return { events, first, releaseFirst };
}

/** Sessions of this database waiting for an advisory lock, as the server sees them. */
async function lockWaiters(app: Pactwatch): Promise<number> {
  const waiting = await sql<{ n: number }>`select count(*) as n from pg_locks where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = current_database())`.execute(app.db);
  return Number(waiting.rows[0]?.n ?? 0);
}

async function storedWriter(app: Pactwatch): Promise<string | undefined> {
  const row = await app.db.selectFrom('meta').select('value').where('key', '=', 'writer').executeTakeFirst();
  return row?.value;
}
