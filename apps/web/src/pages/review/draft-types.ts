import type { Incident } from '@pactwatch/domain';

/** The review states the API filters by (GET /api/v1/drafts?state=…). */
export const DRAFT_STATES = ['pending', 'accepted', 'merged', 'rejected'] as const;
export type DraftState = (typeof DRAFT_STATES)[number];

/** A draft as GET /api/v1/drafts answers it (the `Draft` schema of apps/api/src/routes/draft-routes.ts). */
export interface Draft {
  readonly id: string;
  readonly state: DraftState;
  /** hand-entered, import:<dataset> or feed:<id>. */
  readonly origin: string;
  readonly confidence: number | null;
  readonly notes: string | null;
  /** The proposed incident: always a complete, valid incident record. */
  readonly record: Incident;
  readonly reason: string | null;
  /** The incident it became (accepted) or was merged into (merged). */
  readonly incidentId: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
}

/** What accept and merge answer. */
export interface DraftOutcome {
  readonly draft: Draft;
  readonly incident: Incident;
}

export function isDraftState(value: string | undefined): value is DraftState {
  return (DRAFT_STATES as readonly string[]).includes(value ?? '');
}

/** "import:cfr" → "Import of the dataset cfr"; the origin says where the proposal came from. */
export function describeOrigin(origin: string): string {
  if (origin === 'hand-entered') return 'Hand-entered';
  const colon = origin.indexOf(':');
  const kind = origin.slice(0, colon);
  const name = origin.slice(colon + 1);
  if (kind === 'import') return `Import of the dataset ${name}`;
  if (kind === 'feed') return `Feed ${name}`;
  return origin;
}
