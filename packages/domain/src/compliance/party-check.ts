import type { PreparedCommitment, PreparedGroup } from './prepared.js';
import { coversInterval, triAnd, triOr } from './tri.js';
import type { Check, TriValue } from './types.js';

function groupMembership(group: PreparedGroup, state: string, t0: number, t1: number): TriValue {
  let result: TriValue = 'false';
  for (const member of group.members) {
    if (member.state !== state) continue;
    result = triOr(result, coversInterval(member.from, member.to, t0, t1));
  }
  // Before the recorded window the membership list is silent, which is not the same as "not a member".
  if (result === 'false' && group.recordedFrom !== undefined && t0 < group.recordedFrom.latest) return 'unknown';
  return result;
}

function partyStatus(prepared: PreparedCommitment, state: string, t0: number, t1: number): { value: TriValue; via: string } {
  if (prepared.stateParties.has(state)) return { value: 'true', via: `${state} is a party` };
  let value: TriValue = 'false';
  let via = `${state} is not a party`;
  for (const group of prepared.groupParties) {
    const membership = groupMembership(group, state, t0, t1);
    if (membership === 'true') return { value: 'true', via: `${state} is a member of ${group.group.id} throughout the incident` };
    if (membership === 'unknown' && value === 'false') {
      value = 'unknown';
      via = `${state}'s membership of ${group.group.id} during the incident is uncertain`;
    }
  }
  return { value, via };
}

/**
 * Whether the agreement binds `sponsor` toward `victim` during [t0, t1] (the judged part of the
 * incident). Returns a check; its value "false" means the pair is not covered at all.
 */
export function checkParties(prepared: PreparedCommitment, sponsor: string, victim: string, t0: number, t1: number): Check {
  const scope = prepared.commitment.scope;
  const direction = scope?.direction ?? 'mutual';
  const facts = {
    sponsor,
    victim,
    parties: [...prepared.stateParties, ...prepared.groupParties.map((g) => `group:${g.group.id}`)],
    direction: direction === 'mutual' ? 'mutual' : `bound ${direction.bound.join(',')}`,
  };
  if (sponsor === victim) return { dimension: 'parties', value: 'false', reason: 'sponsor and victim are the same state', facts };
  const sponsorStatus = partyStatus(prepared, sponsor, t0, t1);
  // A one-sided commitment may protect named states that are not parties (a pledge toward them).
  const namedProtected = direction !== 'mutual' && direction.protected?.includes(victim) === true;
  const victimStatus = namedProtected ? { value: 'true' as const, via: `${victim} is protected by name` } : partyStatus(prepared, victim, t0, t1);
  let value = triAnd(sponsorStatus.value, victimStatus.value);
  let reason = `${sponsorStatus.via}; ${victimStatus.via}`;
  if (direction !== 'mutual') {
    const bound = direction.bound.includes(sponsor);
    const protectedStates = direction.protected;
    const isProtected = protectedStates === undefined ? !direction.bound.includes(victim) : protectedStates.includes(victim);
    if (!bound || !isProtected) {
      value = 'false';
      reason = !bound ? `the commitment binds only ${direction.bound.join(', ')}, not ${sponsor}` : `the commitment does not protect ${victim}`;
    }
  }
  return { dimension: 'parties', value, reason, facts };
}
