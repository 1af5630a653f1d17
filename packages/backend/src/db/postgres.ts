import { PactwatchError } from '@pactwatch/domain';
import { Kysely, PostgresDialect, type PostgresCursor, type PostgresPool, type PostgresPoolClient, type PostgresQueryResult } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';
import { POSTGRES_NUL_STAND_IN } from './dialect.js';

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * `count(*)` and `sum(integer)` are int8 and `avg` is numeric on PostgreSQL, which pg hands back
 * as strings; the repositories expect numbers, as SQLite gives them. A value that a double cannot
 * hold exactly stays a string rather than being silently rounded.
 */
export function parseInt8(text: string): number | string {
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : text;
}

export function parseNumeric(text: string): number | string {
  const value = Number(text);
  const digits = text.replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length;
  return Number.isFinite(value) && digits <= 15 ? value : text;
}

const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (format !== 'binary' && oid === INT8_OID) return parseInt8;
    if (format !== 'binary' && oid === NUMERIC_OID) return parseNumeric;
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/** The URL as it may be printed: scheme, user, host, port and database, never the password. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const user = parsed.username === '' ? '' : `${decodeURIComponent(parsed.username)}@`;
    return `postgres://${user}${parsed.host}${parsed.pathname}`;
  } catch {
    return 'postgres://(unparseable URL)';
  }
}

function passwordOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).password);
  } catch {
    return '';
  }
}

/** A driver message with every trace of the password removed (defence in depth). */
function scrub(message: string, url: string): string {
  const password = passwordOf(url);
  let out = message.split(url).join(describeDatabaseUrl(url));
  if (password !== '') out = out.split(password).join('***');
  return out;
}

function databaseError(url: string, action: string, error: unknown): PactwatchError {
  const reason = error instanceof Error ? error.message : String(error);
  // The cause is deliberately not attached: pg errors can carry the connection settings.
  return new PactwatchError('DATABASE_ERROR', `cannot ${action} database ${describeDatabaseUrl(url)}: ${scrub(reason, url)}`);
}

/** PostgreSQL text cannot hold U+0000 (SQLite's can): a bound string keeps its place with a stand-in. */
export function storableParameter(value: unknown): unknown {
  return typeof value === 'string' && value.includes('\u0000') ? value.replaceAll('\u0000', POSTGRES_NUL_STAND_IN) : value;
}

/** A pooled pg client whose bound parameters pass through storableParameter. */
class StorableTextClient implements PostgresPoolClient {
  constructor(private readonly client: pg.PoolClient) {}

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(sqlOrCursor: string | PostgresCursor<R>, parameters: ReadonlyArray<unknown> = []): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof sqlOrCursor !== 'string') return this.client.query(sqlOrCursor as unknown as pg.Submittable) as unknown as PostgresCursor<R>;
    return this.client.query(sqlOrCursor, parameters.map(storableParameter)) as unknown as Promise<PostgresQueryResult<R>>;
  }

  release(): void {
    this.client.release();
  }
}

/** The pool kysely drives; one wrapper per pg client, so kysely keeps recognising its connections. */
function storableTextPool(pool: pg.Pool): PostgresPool {
  const wrappers = new WeakMap<pg.PoolClient, StorableTextClient>();
  return {
    connect: async () => {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (wrapper === undefined) {
        wrapper = new StorableTextClient(client);
        wrappers.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}

/** Connections per process: enough for the API's concurrent reads, far below max_connections. */
const POOL_SIZE = 10;

/**
 * Opens a pool on the PostgreSQL database at `url` and checks that it answers, so a wrong host,
 * database or password fails here with DATABASE_ERROR rather than on the first query.
 */
export async function openPostgres(url: string): Promise<Kysely<Database>> {
  let pool: pg.Pool;
  try {
    pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, idleTimeoutMillis: 10_000, connectionTimeoutMillis: 10_000, types: typeParsers });
  } catch (error) {
    throw databaseError(url, 'open', error);
  }
  // An idle connection the server drops emits 'error' on the pool; unhandled it would end the
  // process. The pool replaces the connection, and the next query reports any lasting fault.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw databaseError(url, 'connect to', error);
  }
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: storableTextPool(pool) }) });
}
