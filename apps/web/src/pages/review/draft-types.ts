import { DRAFT_STATES, type DraftState, type Incident, type IncidentDraft } from '@pactwatch/domain';

/**
 * What accept and merge answer: the API sends the incident without the version the backend's
 * DraftOutcome carries (that goes in the ETag header), so this is the HTTP shape, not the service's.
 */
export interface DraftOutcome {
  readonly draft: IncidentDraft;
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
