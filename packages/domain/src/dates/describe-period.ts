import type { Period } from '../model/incident.js';
import { describeUncertainDate, parseUncertainDate } from './uncertain-date.js';

/** An incident period's end when the activity is still going on (EDTF's open end). */
export const OPEN_END = '..';

/** How an entry form reads an end of `OPEN_END` back to the person typing it. */
export const OPEN_END_READING = 'still going on (open end)';

/** An EDTF date in words ("about Mar 2015"); the EDTF text itself when it cannot be read. */
export function describeEdtf(edtf: string): string {
  try {
    return describeUncertainDate(parseUncertainDate(edtf));
  } catch {
    return edtf;
  }
}

/**
 * An incident's period in words, for lists, review cards and reports: one date (an end equal to
 * the start reads as one date), a span, or an open end ("from 2014, still ongoing").
 */
export function describePeriod(period: Period): string {
  const start = describeEdtf(period.start);
  if (period.end === undefined || period.end === period.start) return start;
  if (period.end === OPEN_END) return `from ${start}, still ongoing`;
  return `from ${start} to ${describeEdtf(period.end)}`;
}
