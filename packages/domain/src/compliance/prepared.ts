import type { Agreement, Commitment } from '../model/agreement.js';
import type { Group } from '../model/context-records.js';
import type { Incident } from '../model/incident.js';
import type { UncertainDate } from '../dates/uncertain-date.js';
import { cachedDate } from './date-cache.js';

/** An interval of instants, each end itself uncertain: [earliest, latest] bounds. */
export interface Window {
  readonly start: UncertainDate;
  readonly end: UncertainDate;
}

export interface PreparedIncident {
  readonly incident: Incident;
  readonly window: Window;
}

export function prepareIncident(incident: Incident): PreparedIncident {
  const start = cachedDate(incident.period.start);
  // "..": open end (still ongoing); omitted: a single event at `start`.
  const end = incident.period.end === undefined ? start : incident.period.end === '..' ? { edtf: '..', earliest: start.earliest, latest: Infinity } : cachedDate(incident.period.end);
  return { incident, window: { start, end } };
}

export interface PreparedMembership {
  readonly state: string;
  readonly from: UncertainDate | undefined;
  readonly to: UncertainDate | undefined;
}

export interface PreparedGroup {
  readonly group: Group;
  readonly recordedFrom: UncertainDate | undefined;
  readonly members: readonly PreparedMembership[];
}

export function prepareGroup(group: Group): PreparedGroup {
  return {
    group,
    recordedFrom: group.recordedFrom === undefined ? undefined : cachedDate(group.recordedFrom),
    members: group.members.map((m) => ({
      state: m.state,
      from: m.from === undefined ? undefined : cachedDate(m.from),
      to: m.to === undefined ? undefined : cachedDate(m.to),
    })),
  };
}

export interface PreparedCommitment {
  readonly agreement: Agreement;
  readonly commitment: Commitment;
  /** When the commitment took effect: the agreement's entry into force, else its signature. */
  readonly effective: UncertainDate;
  readonly effectiveSource: 'inForce' | 'signed';
  readonly ended: UncertainDate | undefined;
  readonly stateParties: ReadonlySet<string>;
  readonly groupParties: readonly PreparedGroup[];
  /** Group ids named as parties but missing from the group registry. */
  readonly missingGroups: readonly string[];
}

export function prepareCommitment(agreement: Agreement, commitment: Commitment, groups: ReadonlyMap<string, PreparedGroup>): PreparedCommitment {
  const stateParties = new Set<string>();
  const groupParties: PreparedGroup[] = [];
  const missingGroups: string[] = [];
  for (const party of agreement.parties) {
    if ('state' in party) stateParties.add(party.state);
    else {
      const group = groups.get(party.group);
      if (group === undefined) missingGroups.push(party.group);
      else groupParties.push(group);
    }
  }
  return {
    agreement,
    commitment,
    effective: cachedDate(agreement.inForce ?? agreement.signed),
    effectiveSource: agreement.inForce === undefined ? 'signed' : 'inForce',
    ended: agreement.ended === undefined ? undefined : cachedDate(agreement.ended),
    stateParties,
    groupParties,
    missingGroups,
  };
}

/** Every state the commitment could ever protect (for indexing, not for judging). */
export function possibleVictims(prepared: PreparedCommitment): ReadonlySet<string> {
  const scope = prepared.commitment.scope;
  const members = new Set(prepared.stateParties);
  for (const group of prepared.groupParties) for (const member of group.members) members.add(member.state);
  if (scope === undefined || scope.direction === 'mutual') return members;
  if (scope.direction.protected !== undefined) return new Set(scope.direction.protected);
  const bound = new Set(scope.direction.bound);
  return new Set([...members].filter((state) => !bound.has(state)));
}

/** Every state that could ever be bound by the commitment (for indexing, not for judging). */
export function possibleSponsors(prepared: PreparedCommitment): ReadonlySet<string> {
  const scope = prepared.commitment.scope;
  if (scope !== undefined && scope.direction !== 'mutual') return new Set(scope.direction.bound);
  const states = new Set(prepared.stateParties);
  for (const group of prepared.groupParties) for (const member of group.members) states.add(member.state);
  return states;
}
