import type { DraftState, IncidentDraft } from '@pactwatch/domain';

// A draft's public shape is a domain contract (the web app shows the queue and may not import this package).
export { DRAFT_STATES, type DraftState, type IncidentDraft } from '@pactwatch/domain';

/** Where a draft came from: typed in by an analyst, an import run with drafts on, or (later) a feed. */
export const DRAFT_ORIGIN_PATTERN = /^(hand-entered|import:[A-Za-z0-9._:-]{1,200}|feed:[A-Za-z0-9._:-]{1,200})$/;
export const HAND_ENTERED = 'hand-entered';

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
