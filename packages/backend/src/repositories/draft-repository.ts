import type { Incident } from '@pactwatch/domain';
import type { Selectable } from 'kysely';
import type { Db } from '../db/connection.js';
import type { IncidentDraftTable } from '../db/schema/incident-draft.js';
import type { DraftListQuery, DraftState, IncidentDraft } from '../services/draft-types.js';
import { readJson, writeJson } from '../util/json-column.js';

function toDraft(row: Selectable<IncidentDraftTable>): IncidentDraft {
  return {
    id: row.id,
    state: row.state as DraftState,
    origin: row.origin,
    confidence: row.confidence,
    notes: row.notes,
    // Written by this repository from a record the service validated.
    record: readJson<Incident>(row.record) as Incident,
    reason: row.reason,
    incidentId: row.result_incident_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
  };
}

export interface DraftDecision {
  readonly state: Exclude<DraftState, 'pending'>;
  readonly reason: string | null;
  readonly incidentId: string | null;
  readonly decidedBy: string;
  readonly decidedAt: string;
}

/** All SQL on the review queue. */
export class DraftRepository {
  constructor(private readonly db: Db) {}

  async insert(draft: IncidentDraft): Promise<void> {
    await this.db
      .insertInto('incident_draft')
      .values({
        id: draft.id,
        incident_id: draft.record.id,
        title: draft.record.title,
        record: writeJson(draft.record),
        origin: draft.origin,
        confidence: draft.confidence,
        notes: draft.notes,
        state: draft.state,
        reason: draft.reason,
        result_incident_id: draft.incidentId,
        created_by: draft.createdBy,
        created_at: draft.createdAt,
        decided_by: draft.decidedBy,
        decided_at: draft.decidedAt,
      })
      .execute();
  }

  async get(id: string): Promise<IncidentDraft | undefined> {
    const row = await this.db.selectFrom('incident_draft').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toDraft(row);
  }

  /**
   * Records a decision, only if the draft is still pending; false when someone decided it first
   * (the caller answers 409 rather than overwriting their decision).
   */
  async decide(id: string, decision: DraftDecision): Promise<boolean> {
    const result = await this.db
      .updateTable('incident_draft')
      .set({ state: decision.state, reason: decision.reason, result_incident_id: decision.incidentId, decided_by: decision.decidedBy, decided_at: decision.decidedAt })
      .where('id', '=', id)
      .where('state', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Every draft of one origin, decided ones too (an import checks what it already proposed). */
  async byOrigin(origin: string): Promise<IncidentDraft[]> {
    const rows = await this.db.selectFrom('incident_draft').selectAll().where('origin', '=', origin).orderBy('seq').execute();
    return rows.map(toDraft);
  }

  /** Newest first; `limit` rows, each with its queue position for the next page's keyset. */
  async page(query: DraftListQuery): Promise<Array<{ draft: IncidentDraft; seq: number }>> {
    let select = this.db.selectFrom('incident_draft').selectAll();
    if (query.state !== undefined) select = select.where('state', '=', query.state);
    if (query.origin !== undefined) select = select.where('origin', '=', query.origin);
    if (query.after !== undefined) select = select.where('seq', '<', query.after);
    const rows = await select.orderBy('seq', 'desc').limit(query.limit).execute();
    return rows.map((row) => ({ draft: toDraft(row), seq: Number(row.seq) }));
  }
}
