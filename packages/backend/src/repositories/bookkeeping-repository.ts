import type { QuarantineEntry, StoredQuarantineEntry } from '@pactwatch/domain';
import type { Db } from '../db/connection.js';

export interface BatchCounts {
  readonly read: number;
  readonly stored: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly removed: number;
  readonly quarantined: number;
}

// Quarantine entries are a domain contract: GET /api/v1/quarantine sends them to the web app.
export type { QuarantineEntry, StoredQuarantineEntry } from '@pactwatch/domain';

function toEntry(r: { id: number; batch_id: number; source_file: string; locator: string; record_kind: string; record_id: string | null; reason: string; raw: string; created_at: string }): StoredQuarantineEntry {
  return {
    id: Number(r.id),
    batchId: r.batch_id,
    sourceFile: r.source_file,
    locator: r.locator,
    recordKind: r.record_kind,
    recordId: r.record_id,
    reason: r.reason,
    raw: r.raw,
    createdAt: r.created_at,
  };
}

/** Key-value settings of the store itself (ruleset hash of the last evaluation, …). */
export class MetaRepository {
  constructor(private readonly db: Db) {}

  async get(key: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
    return row?.value;
  }

  async set(key: string, value: string): Promise<void> {
    await this.db.deleteFrom('meta').where('key', '=', key).execute();
    await this.db.insertInto('meta').values({ key, value }).execute();
  }
}

/** Import/load runs, their reconciliation counts, and the quarantine of rejected records. */
export class BatchRepository {
  constructor(private readonly db: Db) {}

  async start(kind: string, source: string, startedAt: string): Promise<number> {
    const row = await this.db
      .insertInto('import_batch')
      .values({ kind, source, started_at: startedAt, finished_at: null, status: 'running', read: 0, stored: 0, updated: 0, unchanged: 0, removed: 0, quarantined: 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  async finish(id: number, counts: BatchCounts, status: string, finishedAt: string): Promise<void> {
    await this.db.updateTable('import_batch').set({ ...counts, status, finished_at: finishedAt }).where('id', '=', id).execute();
  }

  async quarantine(batchId: number, entries: readonly QuarantineEntry[], createdAt: string): Promise<void> {
    for (const entry of entries) {
      await this.db
        .insertInto('quarantine')
        .values({
          batch_id: batchId,
          source_file: entry.sourceFile,
          locator: entry.locator,
          record_kind: entry.recordKind,
          record_id: entry.recordId,
          reason: entry.reason,
          raw: entry.raw,
          created_at: createdAt,
        })
        .execute();
    }
  }

  /** Quarantined records of the latest batch of each source (earlier batches are history). */
  async latestQuarantine(kind?: string): Promise<StoredQuarantineEntry[]> {
    let batchQuery = this.db.selectFrom('import_batch').select(['id', 'kind', 'source']).orderBy('id', 'desc');
    if (kind !== undefined) batchQuery = batchQuery.where('kind', '=', kind);
    const batches = await batchQuery.execute();
    const latestBySource = new Map<string, number>();
    for (const b of batches) if (!latestBySource.has(`${b.kind}|${b.source}`)) latestBySource.set(`${b.kind}|${b.source}`, Number(b.id));
    const ids = [...latestBySource.values()];
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('quarantine').selectAll().where('batch_id', 'in', ids).orderBy('id').execute();
    return rows.map(toEntry);
  }

  async quarantineEntry(id: number): Promise<StoredQuarantineEntry | undefined> {
    const row = await this.db.selectFrom('quarantine').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toEntry(row);
  }

  async latestBatch(kind: string): Promise<(BatchCounts & { id: number; status: string; source: string }) | undefined> {
    const row = await this.db.selectFrom('import_batch').selectAll().where('kind', '=', kind).orderBy('id', 'desc').executeTakeFirst();
    if (row === undefined) return undefined;
    return { id: Number(row.id), status: row.status, source: row.source, read: row.read, stored: row.stored, updated: row.updated, unchanged: row.unchanged, removed: row.removed, quarantined: row.quarantined };
  }
}
