import type { Generated } from 'kysely';

/**
 * One thing a rule matched, and its delivery (migration 0010). (rule_id, subject_key) is unique:
 * a subject is stored once per rule, so scanning again never alerts twice. Rows recorded when a
 * rule is added, for matches that already existed, have status `baseline` and are never sent.
 */
export interface AlertDeliveryTable {
  seq: Generated<number>;
  id: string;
  rule_id: string;
  subject_key: string;
  /** JSON text of the AlertPayload (domain alerts/alert-payload.ts). */
  payload: string;
  /** pending | sent | failed (will retry) | dead (gave up) | baseline (never sent) */
  status: string;
  attempts: number;
  /** Milliseconds since the epoch: when the next attempt is due (pending/failed rows). */
  next_attempt_at: number | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}
