import type { Incident } from '@pactwatch/domain';

export const DRAFT_STATES = ['pending', 'accepted', 'merged', 'rejected'] as const;
export type DraftState = (typeof DRAFT_STATES)[number];

/** Where a draft came from: typed in by an analyst, an import run with drafts on, or (later) a feed. */
export const DRAFT_ORIGIN_PATTERN = /^(hand-entered|import:[A-Za-z0-9._:-]{1,200}|feed:[A-Za-z0-9._:-]{1,200})$/;
export const HAND_ENTERED = 'hand-entered';

/** A proposed incident in the review queue and what became of it. */
export interface IncidentDraft {
  readonly id: string;
  readonly state: DraftState;
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

export interface DraftPage {
  readonly items: readonly IncidentDraft[];
  /** The last item's queue position when more may follow. */
  readonly next: number | undefined;
}

export interface DraftListQuery {
  readonly state?: DraftState | undefined;
  readonly origin?: string | undefined;
  /** Queue position of the last draft already seen (newest first). */
  readonly after?: number | undefined;
  readonly limit: number;
}

export interface NewDraft {
  readonly record: unknown;
  readonly origin?: string | undefined;
  readonly confidence?: number | undefined;
  readonly notes?: string | undefined;
}
