import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Which database this test run targets. The root vitest config runs the backend tier twice: the
 * `sqlite` project always, the `postgres` project (PACTWATCH_TEST_STORE=postgres) when
 * PACTWATCH_TEST_DATABASE_URL names a PostgreSQL server (.ci/run starts a throwaway cluster).
 */
export const TEST_STORE: 'sqlite' | 'postgres' = process.env['PACTWATCH_TEST_STORE'] === 'postgres' ? 'postgres' : 'sqlite';
export const onPostgres = TEST_STORE === 'postgres';

/** The server tests may create databases on, when one is configured (either project). */
export function testServerUrl(): string | undefined {
  const url = process.env['PACTWATCH_TEST_DATABASE_URL'];
  return url === undefined || url === '' ? undefined : url;
}

function requireServerUrl(): string {
  const url = testServerUrl();
  if (url === undefined) throw new Error('PACTWATCH_TEST_DATABASE_URL is not set: the postgres test project needs a server (scripts/pg-cluster.sh)');
  return url;
}

async function onServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: requireServerUrl() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database on the test server (one per workspace); returns its URL. */
export async function createTestDatabase(): Promise<string> {
  // Names are generated here, never taken from input, so quoting them is safe.
  const name = `pw_${randomBytes(8).toString('hex')}`;
  await onServer(`create database "${name}"`);
  const url = new URL(requireServerUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database made by createTestDatabase, closing any connection a test left open. */
export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^pw_[0-9a-f]{16}$/.test(name)) throw new Error(`refusing to drop "${name}": not a test database`);
  await onServer(`drop database if exists "${name}" with (force)`);
}
