import { CompiledQuery, PostgresAdapter } from 'kysely';
import type { Db } from '../db/connection.js';

/** Bound parameters per statement: well under SQLite's limit (32,766) and PostgreSQL's (65,535). */
const MAX_PARAMETERS = 30_000;

/**
 * Multi-row INSERT of plain values without the query builder: for bulk paths (full evaluation,
 * imports) the builder's per-chunk compilation cost more than the database did. Table and column
 * names come from the repositories, never from input.
 */
export async function bulkInsert(db: Db, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
  if (rows.length === 0) return;
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const head = `insert into ${table} (${columns.join(', ')}) values `;
  for (let start = 0; start < rows.length; start += perStatement) {
    const part = rows.slice(start, start + perStatement);
    let n = 0;
    const tuples = part.map(() => `(${columns.map(() => (postgres ? `$${(n += 1)}` : '?')).join(', ')})`);
    await db.executeQuery(CompiledQuery.raw(head + tuples.join(', '), part.flat()));
  }
}
