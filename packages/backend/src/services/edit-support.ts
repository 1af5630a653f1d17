import { PactwatchError, type Principal, type Problem } from '@pactwatch/domain';
import type { ZodType } from 'zod';
import type { Db } from '../db/connection.js';
import { writeTransaction } from '../db/write-transaction.js';
import { createRepositories, type Repositories } from '../repositories/index.js';
import type { StoredHash } from '../repositories/record-meta.js';
import type { ServiceContext } from './service-context.js';

/** Origin recorded for records created through the API or the edit services (not a file, not an import). */
export const USER_ORIGIN = 'user';

/** Called after a committed change that can move findings (incident, attribution, commitment). */
export type AfterChange = (principal: Principal, reason: string) => Promise<void>;

/** Who edits, and the version they read (the ETag's content hash) for optimistic concurrency. */
export interface EditContext {
  readonly principal: Principal;
  /** The content hash the caller read; required for updates and deletes. */
  readonly ifMatch?: string | undefined;
  readonly requestId?: string | undefined;
}

/** Validates input against a strict domain schema; every issue becomes a located problem. */
export function parseInput<T>(schema: ZodType<T>, input: unknown, what: string): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems: Problem[] = result.error.issues.map((issue) => ({
    path: `/${issue.path.filter((p): p is string | number => typeof p !== 'symbol').join('/')}`,
    reason: issue.message,
  }));
  throw new PactwatchError('VALIDATION_FAILED', `the ${what} is not valid: ${problems.map((p) => `${p.path}: ${p.reason}`).slice(0, 5).join('; ')}`, { problems });
}

/**
 * The checks every update or delete makes before touching the row: it exists, it is not a curated
 * or imported record (those are changed at their source: the reviewed YAML file or the next
 * import), and nobody changed it since the caller read it.
 */
export function checkEditable(kind: string, id: string, stored: StoredHash | undefined, edit: EditContext): StoredHash {
  if (stored === undefined) throw new PactwatchError('NOT_FOUND', `no ${kind} "${id}"`);
  if (stored.origin !== USER_ORIGIN) {
    const where = stored.origin === 'dataset' ? `the curated file ${stored.sourceFile ?? ''} (then run \`pactwatch load\`)` : `its source and re-import it (${stored.sourceFile ?? 'an import'})`;
    throw new PactwatchError('CONFLICT', `${kind} "${id}" came from ${stored.origin === 'dataset' ? 'the curated dataset' : 'an import'} and is read-only here; change ${where}`);
  }
  if (edit.ifMatch === undefined) {
    throw new PactwatchError('PRECONDITION_REQUIRED', `changing ${kind} "${id}" needs the version you read (If-Match: "${stored.hash}" style ETag)`);
  }
  if (edit.ifMatch !== stored.hash) {
    throw new PactwatchError('PRECONDITION_FAILED', `${kind} "${id}" changed since you read it (you sent version ${edit.ifMatch}, it is now ${stored.hash}); read it again and reapply your change`);
  }
  return stored;
}

/**
 * One write transaction with repositories and the raw handle (the audit entry is written through
 * it). Writers take turns (writeTransaction), so the ETag check and the write cannot interleave
 * with another writer's on PostgreSQL either.
 */
export async function inWriteTransaction<T>(ctx: ServiceContext, work: (repos: Repositories, trx: Db) => Promise<T>): Promise<T> {
  return writeTransaction(ctx.db, async (trx) => work(createRepositories(trx), trx));
}
