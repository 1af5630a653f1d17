import type { Commitment } from '../model/agreement.js';
import type { Attribution, Incident } from '../model/incident.js';
import { CYBER_ENABLED_MEANS } from '../model/taxonomy.js';
import type { Check } from './types.js';

type Scope = NonNullable<Commitment['scope']>;

// These run for every incident × commitment pair: plain loops over the few activities and
// victims, no intermediate sets or closures.
export function checkActivity(scope: Scope, incident: Incident): Check {
  const covered: readonly string[] = scope.activities;
  const confirmed: string[] = [];
  const possible: string[] = [];
  for (const a of incident.activities) (a.certainty === 'confirmed' ? confirmed : possible).push(a.type);
  const facts = { covers: scope.activities, confirmed, possible };
  if (incident.activities.length === 0) return { dimension: 'activity', value: 'unknown', reason: 'no activity type is recorded for the incident', facts };
  const hit = confirmed.filter((a) => covered.includes(a));
  if (hit.length > 0) return { dimension: 'activity', value: 'true', reason: `${hit.join(', ')} is covered`, facts };
  const suspected = possible.filter((a) => covered.includes(a));
  if (suspected.length > 0) {
    return { dimension: 'activity', value: 'unknown', reason: `${suspected.join(', ')} is suspected but not established (intent unknown)`, facts };
  }
  return {
    dimension: 'activity',
    value: 'false',
    reason: `${[...confirmed, ...possible].join(', ')}, not covered (covers ${scope.activities.join(', ')})`,
    facts,
  };
}

export function checkTarget(scope: Scope, incident: Incident, victimState: string): Check {
  const covered: readonly string[] = scope.targets;
  const categories: string[] = [];
  const entities: string[] = [];
  let uncategorised = false;
  for (const v of incident.victims) {
    if (v.state !== victimState) continue;
    if (v.category === undefined) uncategorised = true;
    else if (!categories.includes(v.category)) categories.push(v.category);
    if (v.entity !== undefined) entities.push(v.entity);
  }
  const facts = { covers: scope.targets, victimState, categories, entities };
  const hit = categories.filter((c) => covered.includes(c));
  if (hit.length > 0) return { dimension: 'target', value: 'true', reason: `${hit.join(', ')} is covered`, facts };
  if (uncategorised || categories.length === 0) {
    return { dimension: 'target', value: 'unknown', reason: `the category of a victim in ${victimState} is not recorded`, facts };
  }
  return { dimension: 'target', value: 'false', reason: `${categories.join(', ')}, not covered (covers ${scope.targets.join(', ')})`, facts };
}

export function checkMeans(scope: Scope, incident: Incident): Check {
  const facts = { covers: scope.means, means: incident.means };
  if (scope.means === 'any') return { dimension: 'means', value: 'true', reason: 'the commitment covers any means', facts };
  if (incident.means.length === 0) return { dimension: 'means', value: 'unknown', reason: 'the means used are not recorded', facts };
  const cyber = incident.means.filter((m) => CYBER_ENABLED_MEANS.has(m));
  if (cyber.length > 0) return { dimension: 'means', value: 'true', reason: `${cyber.join(', ')} is cyber-enabled`, facts };
  return { dimension: 'means', value: 'false', reason: `${incident.means.join(', ')}, not cyber-enabled (covers cyber-enabled means only)`, facts };
}

export function checkActor(scope: Scope, attribution: Attribution): Check {
  const relation = attribution.relation;
  const facts = { standard: scope.actor, relation, actor: attribution.actorName ?? attribution.actor ?? null };
  if (relation === 'unknown') return { dimension: 'actor', value: 'unknown', reason: 'the actor\'s relation to the sponsor state is not established', facts };
  if (relation === 'state-organ') return { dimension: 'actor', value: 'true', reason: 'conducted by a state organ', facts };
  if (relation === 'state-supported') {
    return scope.actor === 'conducted-or-supported'
      ? { dimension: 'actor', value: 'true', reason: 'a state-supported proxy, covered by "conduct or support"', facts }
      : { dimension: 'actor', value: 'false', reason: 'a state-supported proxy, not covered (covers conduct by the state only)', facts };
  }
  return { dimension: 'actor', value: 'false', reason: `a ${relation} actor, not covered (covers ${scope.actor === 'conducted' ? 'conduct by the state' : 'conduct or support by the state'})`, facts };
}

export function checkConfidence(attribution: Attribution, threshold: number): Check {
  const facts = { confidence: attribution.confidence, threshold, basis: attribution.basis, attributedBy: attribution.attributedBy };
  return attribution.confidence >= threshold
    ? { dimension: 'confidence', value: 'true', reason: `${attribution.confidence} (${attribution.basis}, ${attribution.attributedBy}) meets the threshold ${threshold}`, facts }
    : { dimension: 'confidence', value: 'false', reason: `${attribution.confidence} (${attribution.basis}, ${attribution.attributedBy}) is below the threshold ${threshold}`, facts };
}
