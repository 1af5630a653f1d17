import type { Check, Dimension, Verdict } from './types.js';

/** The meaning of each check, for people; ids are the dimension names and never change. */
export const DIMENSION_RULES: ReadonlyArray<{ readonly id: Dimension; readonly description: string }> = [
  { id: 'timing', description: 'The incident ran while the agreement was in force. False when it ended before the agreement took effect (or began after it ended); an incident that straddles the date is judged on the part after it; unknown when uncertain dates may put it on either side.' },
  { id: 'parties', description: 'The agreement binds the sponsor state toward the victim state: both are parties (or members of a party group during the incident), and the direction of the commitment runs from sponsor to victim.' },
  { id: 'activity', description: 'At least one established activity of the incident is an activity the commitment covers. Unknown when a covered activity is only suspected (intent not established) or no activity is recorded.' },
  { id: 'target', description: 'At least one victim in the victim state belongs to a target category the commitment covers. Unknown when the victims\' categories are not recorded.' },
  { id: 'means', description: 'The means used fall within the commitment: any means, or cyber-enabled means (remote intrusion, close access) only. False for HUMINT and insider cases under a cyber-only commitment.' },
  { id: 'actor', description: 'The actor meets the commitment\'s standard: conducted by the state, or also proxies it (knowingly) supports. Unknown when the actor\'s relation to the state is not established.' },
  { id: 'confidence', description: 'The attribution to the sponsor state is at least as confident as the threshold (default 70 of 100).' },
];

/** Dimensions whose falsity puts an incident outside the commitment's scope (the agreement's gaps). */
export const SCOPE_DIMENSIONS: readonly Dimension[] = ['parties', 'activity', 'target', 'means', 'actor'];

/**
 * The scope dimensions whose check is false: what leaves an incident outside a commitment whatever
 * its date. Timing and confidence are not scope: an incident before the agreement, or weakly
 * attributed, may still be of the kind the commitment covers.
 */
export function excludingDimensions(checks: ReadonlyArray<Pick<Check, 'dimension' | 'value'>>): Dimension[] {
  return checks.filter((c) => c.value === 'false' && SCOPE_DIMENSIONS.includes(c.dimension)).map((c) => c.dimension);
}

export interface VerdictRule {
  readonly id: string;
  readonly verdict: Verdict;
  readonly description: string;
  readonly applies: (checks: readonly Check[]) => boolean;
}

// Seven checks: a linear scan is cheaper than building a map for every finding.
const find = (checks: readonly Check[], dimension: Dimension): Check | undefined => checks.find((c) => c.dimension === dimension);
const value = (checks: readonly Check[], dimension: Dimension): Check['value'] | undefined => find(checks, dimension)?.value;

/** Verdict rules, tried in order; the first that applies decides. */
export const VERDICT_RULES: readonly VerdictRule[] = [
  {
    id: 'V1-before-in-force',
    verdict: 'before-in-force',
    description: 'The incident ended before the agreement took effect.',
    applies: (checks) => value(checks, 'timing') === 'false' && find(checks, 'timing')?.facts['relation'] === 'before',
  },
  {
    id: 'V2-outside-scope',
    verdict: 'outside-scope',
    description: 'The agreement was in force but a scope dimension is false (or the incident began after the agreement ended): an agreement gap, named by the false dimensions.',
    applies: (checks) => value(checks, 'timing') === 'false' || SCOPE_DIMENSIONS.some((d) => value(checks, d) === 'false'),
  },
  {
    id: 'V3-breach',
    verdict: 'breach',
    description: 'Every dimension is true, including attribution confidence at or above the threshold.',
    applies: (checks) => checks.every((check) => check.value === 'true'),
  },
  {
    id: 'V4-possible-breach',
    verdict: 'possible-breach',
    description: 'No scope dimension is false, but some are unknown (intent, means, actor, timing straddling the date) or confidence is below the threshold.',
    applies: () => true,
  },
];

export const VERDICT_RANK: Readonly<Record<Verdict, number>> = {
  breach: 4,
  'possible-breach': 3,
  'outside-scope': 2,
  'before-in-force': 1,
};

/** The verdict and the rule that decided it (the summary is built separately, for the winner only). */
export function decideVerdictRule(checks: readonly Check[]): { verdict: Verdict; rule: string } {
  const rule = VERDICT_RULES.find((candidate) => candidate.applies(checks)) ?? VERDICT_RULES[VERDICT_RULES.length - 1];
  if (rule === undefined) throw new Error('no verdict rules');
  return { verdict: rule.verdict, rule: rule.id };
}

/** "dimension: reason; …" for the checks that made the verdict what it is. */
export function summariseVerdict(verdict: Verdict, checks: readonly Check[]): string {
  const decisive = checks.filter((check) => (verdict === 'breach' ? false : verdict === 'possible-breach' ? check.value !== 'true' : check.value === 'false'));
  if (decisive.length > 0) return decisive.map((check) => `${check.dimension}: ${check.reason}`).join('; ');
  return VERDICT_RULES.find((r) => r.verdict === verdict)?.description ?? verdict;
}

export function decideVerdict(checks: readonly Check[]): { verdict: Verdict; rule: string; summary: string } {
  const decided = decideVerdictRule(checks);
  return { ...decided, summary: summariseVerdict(decided.verdict, checks) };
}
