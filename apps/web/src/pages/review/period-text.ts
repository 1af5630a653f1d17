import { describeUncertainDate, parseUncertainDate, type Period } from '@pactwatch/domain';

/** An EDTF date in words ("about March 2015"); the EDTF text itself when it cannot be read. */
export function describeEdtf(edtf: string): string {
  try {
    return describeUncertainDate(parseUncertainDate(edtf));
  } catch {
    return edtf;
  }
}

/** An incident's period in words: one event, a span, or an open end ("..": still going on). */
export function describePeriod(period: Period): string {
  const start = describeEdtf(period.start);
  if (period.end === undefined) return start;
  if (period.end === '..') return `from ${start}, still ongoing`;
  return `from ${start} to ${describeEdtf(period.end)}`;
}
