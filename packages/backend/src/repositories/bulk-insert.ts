import { CompiledQuery } from 'kysely';
import type { Db } from '../db/connection.js';
import { maxBindParameters, placeholder } from '../db/dialect.js';

/**
 * Multi-row INSERT of plain values without the query builder: for bulk paths (full evaluation,
 * imports) the builder's per-chunk compilation cost more than the database did. Table and column
 * names come from the repositories, never from input. Rows are split so no statement binds more
 * parameters than the database allows.
 */
export async function bulkInsert(db: Db, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
  if (rows.length === 0) return;
  const perStatement = Math.max(1, Math.floor(maxBindParameters(db) / columns.length));
  const head = `insert into ${table} (${columns.join(', ')}) values `;
  for (let start = 0; start < rows.length; start += perStatement) {
    const part = rows.slice(start, start + perStatement);
    let n = 0;
    const tuples = part.map(() => `(${columns.map(() => placeholder(db, (n += 1))).join(', ')})`);
    await db.executeQuery(CompiledQuery.raw(head + tuples.join(', '), part.flat()));
  }
}
