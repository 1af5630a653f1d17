import type { Generated } from 'kysely';

/** A proposed incident in the review queue (migration 0007). */
export interface IncidentDraftTable {
  /** Arrival order: the queue's keyset. */
  seq: Generated<number>;
  id: string;
  /** The proposed record's id and title, kept apart for listing without parsing `record`. */
  incident_id: string;
  title: string;
  /** The proposed incident, JSON text of a record valid against the incident schema. */
  record: string;
  /** hand-entered | import:<dataset> | feed:<id> */
  origin: string;
  confidence: number | null;
  notes: string | null;
  /** pending | accepted | merged | rejected */
  state: string;
  /** Why it was rejected (required then). */
  reason: string | null;
  /** The incident it became (accepted) or was merged into. */
  result_incident_id: string | null;
  created_by: string;
  created_at: string;
  decided_by: string | null;
  decided_at: string | null;
}
