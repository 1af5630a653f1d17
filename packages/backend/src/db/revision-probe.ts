/**
 * A synchronous store-revision read for SQLite, registered when the store is opened. The API reads
 * the revision on every request (response cache, cached logins); through Kysely that read cost
 * more than the SQLite statement itself (query building, the connection mutex, promises).
 *
 * It bypasses Kysely's connection mutex, so it may run while a transaction is open on the same
 * connection and see that transaction's uncommitted `total_changes()`. That is harmless: every
 * read that could fill a cache entry under such a revision waits for the mutex, so it sees the
 * store after the transaction ended, and a rolled-back transaction leaves `total_changes()` where
 * it was, so that revision then names the store as it is.
 */
export type RevisionProbe = () => string;

const probes = new WeakMap<object, RevisionProbe>();

export function registerRevisionProbe(db: object, probe: RevisionProbe): void {
  probes.set(db, probe);
}

/** The probe of this database handle; undefined inside transactions and on PostgreSQL. */
export function revisionProbe(db: object): RevisionProbe | undefined {
  return probes.get(db);
}
