import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/connection.js';

/** A pg-boss job row as the listing reads it (pg-boss v10 `job` and `archive` tables). */
export interface PgBossJobRow {
  readonly id: string;
  readonly name: string;
  readonly state: string;
  readonly data: unknown;
  readonly output: unknown;
  readonly retry_count: number;
  readonly retry_limit: number;
  readonly start_after: Date;
  readonly started_on: Date | null;
  readonly created_on: Date;
  readonly completed_on: Date | null;
  /** created_on in whole microseconds: the listing cursor (a JS Date would lose precision). */
  readonly created_us: number;
}

export interface PgBossJobFilter {
  readonly state?: string;
  readonly name?: string;
  readonly before?: { readonly createdUs: number; readonly id: string };
  readonly limit: number;
}

/**
 * Reads pg-boss's tables directly: pg-boss has no listing across queues, and its jobs move to
 * `archive` some hours after they finish, where `getJobById` needs the queue name. All writes go
 * through pg-boss's own API but `makeDue`. The columns used here are pg-boss v10's (pinned by package.json).
 */
export class PgBossJobRepository {
  constructor(
    private readonly db: Db,
    private readonly schema: string,
  ) {}

  private select(table: 'job' | 'archive', conditions: readonly RawBuilder<unknown>[]): RawBuilder<unknown> {
    // pg-boss's internal queues (cron, send-it) start with "__pgboss"; they are not pactwatch jobs.
    const where = sql.join([sql`left(name, 8) <> '__pgboss'`, ...conditions], sql` and `);
    return sql`select id, name, state::text as state, data, output, retry_count, retry_limit, start_after, started_on, created_on, completed_on,
      floor(extract(epoch from created_on) * 1000000)::bigint as created_us
      from ${sql.table(`${this.schema}.${table}`)} where ${where}`;
  }

  private async query(conditions: readonly RawBuilder<unknown>[], limit: number): Promise<PgBossJobRow[]> {
    // Ordered on the uuid itself: text order under the database's collation could differ.
    const result = await sql<PgBossJobRow>`select j.id::text as id, j.name, j.state, j.data, j.output, j.retry_count, j.retry_limit, j.start_after, j.started_on, j.created_on, j.completed_on, j.created_us from (${this.select('job', conditions)} union all ${this.select('archive', conditions)}) j
      order by j.created_us desc, j.id desc limit ${limit}`.execute(this.db);
    return result.rows;
  }

  async get(id: string): Promise<PgBossJobRow | undefined> {
    return (await this.query([sql`id = ${id}::uuid`], 1))[0];
  }

  async list(filter: PgBossJobFilter): Promise<PgBossJobRow[]> {
    const conditions: RawBuilder<unknown>[] = [];
    if (filter.state !== undefined) conditions.push(sql`state = ${filter.state}::${sql.raw(`${this.schema}.job_state`)}`);
    if (filter.name !== undefined) conditions.push(sql`name = ${filter.name}`);
    if (filter.before !== undefined) conditions.push(sql`(floor(extract(epoch from created_on) * 1000000)::bigint, id) < (${filter.before.createdUs}::bigint, ${filter.before.id}::uuid)`);
    return this.query(conditions, filter.limit);
  }

  /**
   * Makes a waiting job due now. The one write outside pg-boss's API: its `resume` keeps the
   * start time a cancelled retry was scheduled for, and a job queued again by hand should run now.
   */
  async makeDue(name: string, id: string): Promise<void> {
    await sql`update ${sql.table(`${this.schema}.job`)} set start_after = now() where name = ${name} and id = ${id}::uuid and state in ('created', 'retry')`.execute(this.db);
  }

  /** The waiting job holding a singleton key, if any. */
  async pendingSingleton(name: string, singletonKey: string): Promise<PgBossJobRow | undefined> {
    return (await this.query([sql`name = ${name}`, sql`singleton_key = ${singletonKey}`, sql`state = 'created'`], 1))[0];
  }
}
