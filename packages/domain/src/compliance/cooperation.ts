import type { Agreement, Commitment } from '../model/agreement.js';
import type { ContextEvent } from '../model/context-records.js';
import { cachedDate, day } from './date-cache.js';

export const COOPERATION_STATUSES = ['kept', 'partly-kept', 'not-evidenced', 'pending', 'no-expectation'] as const;
export type CooperationStatus = (typeof COOPERATION_STATUSES)[number];

/** A cooperate / establish-dialogue / consult commitment checked against recorded events. */
export interface CooperationFinding {
  readonly agreementId: string;
  readonly commitmentId: string;
  readonly obligation: Commitment['obligation'];
  readonly status: CooperationStatus;
  readonly events: readonly { readonly id: string; readonly date: string; readonly title: string }[];
  readonly reasons: readonly string[];
}

const MONTH_MS = 30.44 * 86_400_000;

function relevantEvents(agreement: Agreement, commitment: Commitment, events: readonly ContextEvent[]): ContextEvent[] {
  const kinds = new Set<string>(commitment.expectation?.eventKinds ?? []);
  return events
    .filter((e) => e.commitments.includes(commitment.id) || (e.agreements.includes(agreement.id) && kinds.has(e.kind)))
    .sort((a, b) => cachedDate(a.date).earliest - cachedDate(b.date).earliest);
}

/**
 * Status of one non-refrain commitment as of `asOf` (ms since epoch; passed in, never read from a
 * clock, so results are reproducible). "kept" needs a linked event, on time, and no gap longer
 * than the stated recurrence up to `asOf`.
 */
export function evaluateCooperation(agreement: Agreement, commitment: Commitment, events: readonly ContextEvent[], asOf: number): CooperationFinding {
  const linked = relevantEvents(agreement, commitment, events).filter((e) => cachedDate(e.date).earliest <= asOf);
  const base = {
    agreementId: agreement.id,
    commitmentId: commitment.id,
    obligation: commitment.obligation,
    events: linked.map((e) => ({ id: e.id, date: e.date, title: e.title })),
  };
  const expectation = commitment.expectation;
  if (expectation === undefined) {
    return linked.length > 0
      ? { ...base, status: 'kept', reasons: [`${linked.length} related event(s) recorded; the text sets no schedule`] }
      : { ...base, status: 'no-expectation', reasons: ['the text sets no checkable expectation and no related event is recorded'] };
  }
  const due = expectation.dueBy === undefined ? undefined : cachedDate(expectation.dueBy);
  if (linked.length === 0) {
    if (due !== undefined && asOf <= due.latest) return { ...base, status: 'pending', reasons: [`first ${expectation.eventKinds.join('/')} due by ${due.edtf}`] };
    return { ...base, status: 'not-evidenced', reasons: [`no ${expectation.eventKinds.join('/')} recorded${due === undefined ? '' : ` (was due by ${due.edtf})`}`] };
  }
  const reasons: string[] = [];
  let kept = true;
  const first = cachedDate(linked[0]?.date ?? '');
  if (due !== undefined) {
    if (first.earliest > due.latest) {
      kept = false;
      reasons.push(`first event ${first.edtf} came after the due date ${due.edtf}`);
    } else reasons.push(`first event ${first.edtf} on time (due by ${due.edtf})`);
  } else reasons.push(`first event ${first.edtf}`);
  if (expectation.everyMonths !== undefined) {
    const limit = expectation.everyMonths * MONTH_MS * 1.25; // a quarter's grace for scheduling slips
    const instants = [...linked.map((e) => cachedDate(e.date).earliest), asOf];
    for (let i = 1; i < instants.length; i += 1) {
      const gap = (instants[i] ?? 0) - (instants[i - 1] ?? 0);
      if (gap > limit) {
        kept = false;
        const last = i === instants.length - 1;
        reasons.push(
          last
            ? `no event since ${day(instants[i - 1] ?? 0)} (expected every ${expectation.everyMonths} months)`
            : `gap of ${Math.round(gap / MONTH_MS)} months before ${day(instants[i] ?? 0)} (expected every ${expectation.everyMonths} months)`,
        );
      }
    }
  }
  return { ...base, status: kept ? 'kept' : 'partly-kept', reasons };
}

export function evaluateAllCooperation(agreements: readonly Agreement[], events: readonly ContextEvent[], asOf: number): CooperationFinding[] {
  const results: CooperationFinding[] = [];
  for (const agreement of agreements) {
    for (const commitment of agreement.commitments) {
      if (commitment.obligation === 'refrain') continue;
      results.push(evaluateCooperation(agreement, commitment, events, asOf));
    }
  }
  return results;
}
