import type { Db } from '../db/connection.js';
import { writeTransaction } from '../db/write-transaction.js';
import type { JobError } from '../jobs/job-types.js';
import type { TrendReport } from '../services/trend-service.js';
import { readJson, writeJson } from '../util/json-column.js';

/** One agreement's cached default trend analysis: the report, or why it could not be computed. */
export interface CachedTrend {
  readonly agreementId: string;
  readonly computedAt: string;
  readonly report: TrendReport | null;
  readonly error: JobError | null;
}

/** The statistics refresh's results, replaced whole on each refresh. */
export class TrendCacheRepository {
  constructor(private readonly db: Db) {}

  async replaceAll(entries: readonly CachedTrend[]): Promise<void> {
    await writeTransaction(this.db, async (trx) => {
      await trx.deleteFrom('trend_cache').execute();
      for (const entry of entries) {
        await trx
          .insertInto('trend_cache')
          .values({ agreement_id: entry.agreementId, computed_at: entry.computedAt, report: entry.report === null ? null : writeJson(entry.report), error: entry.error === null ? null : writeJson(entry.error) })
          .execute();
      }
    });
  }

  async get(agreementId: string): Promise<CachedTrend | undefined> {
    const row = await this.db.selectFrom('trend_cache').selectAll().where('agreement_id', '=', agreementId).executeTakeFirst();
    if (row === undefined) return undefined;
    return { agreementId: row.agreement_id, computedAt: row.computed_at, report: readJson<TrendReport>(row.report) ?? null, error: readJson<JobError>(row.error) ?? null };
  }
}
