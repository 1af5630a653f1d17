import { day } from './date-cache.js';
import type { PreparedCommitment, Window } from './prepared.js';
import type { Check } from './types.js';

export interface TimingResult {
  readonly check: Check;
  /** The part of the incident that is judged: from the later of its start and the effective date. */
  readonly judgedFrom: number;
  readonly judgedTo: number;
}

function periodText(window: Window): string {
  return window.end === window.start ? window.start.edtf : `${window.start.edtf}/${window.end.edtf}`;
}

/**
 * Timing in three values. The incident's start and end are each uncertain intervals; the
 * agreement's effective date may be uncertain too (a month-precision date). An incident that
 * surely continued past the effective date is judged on the part after it.
 */
export function checkTiming(prepared: PreparedCommitment, window: Window): TimingResult {
  const effective = prepared.effective;
  const facts = {
    incidentPeriod: periodText(window),
    effectiveFrom: effective.edtf,
    effectiveFromField: prepared.effectiveSource,
    ended: prepared.ended?.edtf ?? null,
    relation: 'during',
  };
  const judgedFrom = Math.max(window.start.earliest, effective.earliest);
  const judgedTo = Math.max(window.end.latest, judgedFrom);
  const result = (value: Check['value'], reason: string, relation: string): TimingResult => ({
    check: { dimension: 'timing', value, reason, facts: { ...facts, relation } },
    judgedFrom,
    judgedTo,
  });
  if (window.end.latest < effective.earliest) {
    return result('false', `the incident ended by ${day(window.end.latest)}, before the agreement took effect (${effective.edtf})`, 'before');
  }
  if (prepared.ended !== undefined && window.start.earliest > prepared.ended.latest) {
    return result('false', `the incident began after the agreement ended (${prepared.ended.edtf})`, 'after');
  }
  let outcome: TimingResult;
  if (window.start.earliest >= effective.latest) {
    outcome = result('true', `the incident began on or after ${effective.edtf}, when the agreement took effect`, 'during');
  } else if (window.end.earliest >= effective.latest) {
    outcome = result('true', `the incident began before ${effective.edtf} but continued after it; judged on the part after`, 'straddles');
  } else {
    outcome = result('unknown', `the incident's dates (${periodText(window)}) may place it before or after ${effective.edtf}`, 'uncertain');
  }
  if (prepared.ended !== undefined && window.start.latest > prepared.ended.earliest && outcome.check.value === 'true' && window.start.earliest >= prepared.ended.earliest) {
    return result('unknown', `the incident may have begun after the agreement ended (${prepared.ended.edtf})`, 'uncertain');
  }
  return outcome;
}
