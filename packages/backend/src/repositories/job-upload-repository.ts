import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../db/connection.js';
import type { JobUploadTable } from '../db/schema/job.js';

export type JobUploadRow = Selectable<JobUploadTable>;

/** Uploaded import files, kept in the database (not on one machine's disk) until their job succeeds. */
export class JobUploadRepository {
  constructor(private readonly db: Db) {}

  async insert(row: Insertable<JobUploadTable>): Promise<void> {
    await this.db.insertInto('job_upload').values(row).execute();
  }

  async get(id: string): Promise<JobUploadRow | undefined> {
    return this.db.selectFrom('job_upload').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('job_upload').where('id', '=', id).execute();
  }
}
