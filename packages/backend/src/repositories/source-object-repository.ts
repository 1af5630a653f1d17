import type { Db } from '../db/connection.js';
import { chunk } from './record-meta.js';

export interface SourceObject {
  readonly dataset: string;
  readonly objectId: string;
  readonly objectType: string;
  readonly raw: string;
  readonly hash: string;
}

/** All SQL on raw imported objects. */
export class SourceObjectRepository {
  constructor(private readonly db: Db) {}

  async hashes(dataset: string): Promise<Map<string, string>> {
    const rows = await this.db.selectFrom('source_object').select(['object_id', 'content_hash']).where('dataset', '=', dataset).execute();
    return new Map(rows.map((r) => [r.object_id, r.content_hash]));
  }

  async saveMany(objects: readonly SourceObject[], batchId: number): Promise<void> {
    for (const part of chunk(objects, 300)) {
      for (const dataset of new Set(part.map((o) => o.dataset))) {
        const ids = part.filter((o) => o.dataset === dataset).map((o) => o.objectId);
        await this.db.deleteFrom('source_object').where('dataset', '=', dataset).where('object_id', 'in', ids).execute();
      }
      await this.db
        .insertInto('source_object')
        .values(part.map((o) => ({ dataset: o.dataset, object_id: o.objectId, object_type: o.objectType, raw: o.raw, content_hash: o.hash, batch_id: batchId })))
        .execute();
    }
  }

  async list(dataset: string, objectType?: string): Promise<SourceObject[]> {
    let query = this.db.selectFrom('source_object').selectAll().where('dataset', '=', dataset);
    if (objectType !== undefined) query = query.where('object_type', '=', objectType);
    const rows = await query.orderBy('object_id').execute();
    return rows.map((r) => ({ dataset: r.dataset, objectId: r.object_id, objectType: r.object_type, raw: r.raw, hash: r.content_hash }));
  }

  async datasets(): Promise<Array<{ dataset: string; objects: number }>> {
    const rows = await this.db.selectFrom('source_object').select(['dataset', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('dataset').orderBy('dataset').execute();
    return rows.map((r) => ({ dataset: r.dataset, objects: Number(r.n) }));
  }
}
