import type { Incident } from '../model/incident.js';

/**
 * The review queue's public shapes (GET /api/v1/drafts, `drafts --json`). Declared here, once,
 * because the web app shows the queue but may not import the backend that keeps it.
 */
export const DRAFT_STATES = ['pending', 'accepted', 'merged', 'rejected'] as const;
export type DraftState = (typeof DRAFT_STATES)[number];

/** A proposed incident in the review queue and what became of it. */
export interface IncidentDraft {
  readonly id: string;
  readonly state: DraftState;
  /** hand-entered, import:<dataset> or feed:<id>. */
  readonly origin: string;
  /** The proposer's confidence in the record as a whole (0–100), if given. */
  readonly confidence: number | null;
  readonly notes: string | null;
  /** The proposed incident: always a valid incident record, so accepting it cannot fail validation. */
  readonly record: Incident;
  /** Why it was rejected. */
  readonly reason: string | null;
  /** The incident it became (accepted) or was merged into (merged). */
  readonly incidentId: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
}
