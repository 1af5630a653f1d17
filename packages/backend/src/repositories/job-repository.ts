import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db } from '../db/connection.js';
import type { JobTable } from '../db/schema/job.js';

export type JobRow = Selectable<JobTable>;

export interface JobRowFilter {
  readonly state?: string;
  readonly name?: string;
  /** Only jobs enqueued before this one (its `seq`): the listing is newest first. */
  readonly beforeSeq?: number;
  readonly limit: number;
}

const WAITING = ['created', 'retry'] as const;

/**
 * The SQLite job queue's table. Every state change is one UPDATE guarded by the state it expects
 * (and, for a running job, by the claim token of the run), so two processes sharing the file can
 * never both take a job, and a run that was released or recovered cannot overwrite its outcome.
 */
export class JobRepository {
  constructor(private readonly db: Db) {}

  /** Inserts a job; undefined when a waiting job already holds its singleton key. */
  async insert(row: Insertable<JobTable>): Promise<JobRow | undefined> {
    return this.db.insertInto('job').values(row).onConflict((oc) => oc.doNothing()).returningAll().executeTakeFirst();
  }

  async pendingSingleton(name: string, singletonKey: string): Promise<JobRow | undefined> {
    return this.db.selectFrom('job').selectAll().where('name', '=', name).where('singleton_key', '=', singletonKey).where('state', '=', 'created').executeTakeFirst();
  }

  async get(id: string): Promise<JobRow | undefined> {
    return this.db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async list(filter: JobRowFilter): Promise<JobRow[]> {
    let query = this.db.selectFrom('job').selectAll();
    if (filter.state !== undefined) query = query.where('state', '=', filter.state);
    if (filter.name !== undefined) query = query.where('name', '=', filter.name);
    if (filter.beforeSeq !== undefined) query = query.where('seq', '<', filter.beforeSeq);
    return query.orderBy('seq', 'desc').limit(filter.limit).execute();
  }

  /**
   * Takes the oldest due job of these kinds: one UPDATE (one transaction) whose WHERE re-checks the
   * state, so of two processes racing for the same row exactly one gets it.
   */
  async claim(names: readonly string[], now: number, claim: string): Promise<JobRow | undefined> {
    if (names.length === 0) return undefined;
    return this.db
      .updateTable('job')
      .set((eb) => ({ state: 'active', claim, started_at: now, attempts: eb('attempts', '+', 1), expire_at: sql<number>`expire_in_seconds * 1000 + ${now}` }))
      .where('id', '=', (eb) =>
        eb.selectFrom('job').select('id').where('state', 'in', WAITING).where('name', 'in', names).where('start_after', '<=', now).orderBy('start_after').orderBy('seq').limit(1),
      )
      .where('state', 'in', WAITING)
      .returningAll()
      .executeTakeFirst();
  }

  async complete(id: string, claim: string, result: string, now: number): Promise<boolean> {
    const done = await this.db
      .updateTable('job')
      .set({ state: 'completed', result, error: null, completed_at: now, claim: null, expire_at: null })
      .where('id', '=', id)
      .where('claim', '=', claim)
      .where('state', '=', 'active')
      .executeTakeFirst();
    return done.numUpdatedRows > 0n;
  }

  /** Ends a run that failed: back to `retry` after a delay, or `failed` for good. */
  async fail(id: string, claim: string, outcome: { state: 'retry' | 'failed'; error: string; startAfter: number; completedAt: number | null }): Promise<boolean> {
    const done = await this.db
      .updateTable('job')
      .set({ state: outcome.state, error: outcome.error, start_after: outcome.startAfter, completed_at: outcome.completedAt, claim: null, expire_at: null })
      .where('id', '=', id)
      .where('claim', '=', claim)
      .where('state', '=', 'active')
      .executeTakeFirst();
    return done.numUpdatedRows > 0n;
  }

  /** Hands a run that did not finish before shutdown back to the queue; it does not count as an attempt. */
  async release(id: string, claim: string, now: number): Promise<void> {
    await this.db
      .updateTable('job')
      .set((eb) => ({ state: 'retry', start_after: now, claim: null, expire_at: null, attempts: eb('attempts', '-', 1) }))
      .where('id', '=', id)
      .where('claim', '=', claim)
      .where('state', '=', 'active')
      .execute();
  }

  /** Active jobs past their deadline: their worker crashed or hung. */
  async expired(now: number): Promise<JobRow[]> {
    return this.db.selectFrom('job').selectAll().where('state', '=', 'active').where('expire_at', '<', now).execute();
  }

  /** Changes a job's state if it is still in `from`; the updated row, or undefined if it moved on. */
  async transition(id: string, from: string, set: Partial<Pick<JobRow, 'state' | 'retry_limit' | 'start_after' | 'completed_at'>>): Promise<JobRow | undefined> {
    return this.db.updateTable('job').set(set).where('id', '=', id).where('state', '=', from).returningAll().executeTakeFirst();
  }
}
