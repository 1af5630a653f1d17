import { utcDay } from '../dates/uncertain-date.js';
import { PactwatchError } from '../errors/pactwatch-error.js';

export const GRANULARITIES = ['month', 'quarter', 'year'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** One calendar period [start, end) in ms since epoch (UTC). */
export interface CalendarPeriod {
  readonly label: string;
  readonly start: number;
  readonly end: number;
}

// Not Date.UTC: it reads years 0–99 as 1900–1999, which put a series over year 15 in 1915.
function monthStart(year: number, monthIndex: number): Date {
  return new Date(utcDay(year, monthIndex, 1));
}

function floorToPeriod(instant: number, granularity: Granularity): Date {
  const d = new Date(instant);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth();
  if (granularity === 'year') return monthStart(year, 0);
  if (granularity === 'quarter') return monthStart(year, month - (month % 3));
  return monthStart(year, month);
}

function next(date: Date, granularity: Granularity): Date {
  const step = granularity === 'year' ? 12 : granularity === 'quarter' ? 3 : 1;
  return monthStart(date.getUTCFullYear(), date.getUTCMonth() + step);
}

export function periodLabel(start: Date, granularity: Granularity): string {
  const full = start.getUTCFullYear();
  // Four digits as in the dates themselves ("0015-03"), so labels sort and read back as EDTF.
  const year = full >= 0 && full < 1000 ? String(full).padStart(4, '0') : String(full);
  if (granularity === 'year') return String(year);
  if (granularity === 'quarter') return `${year}-Q${Math.floor(start.getUTCMonth() / 3) + 1}`;
  return `${year}-${String(start.getUTCMonth() + 1).padStart(2, '0')}`;
}

const MAX_PERIODS = 12 * 500;

/** The calendar periods covering [from, to] (both instants inclusive), aligned to the granularity. */
export function periodsBetween(from: number, to: number, granularity: Granularity): CalendarPeriod[] {
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw new PactwatchError('USAGE', 'a series needs a finite start and end');
  if (to < from) throw new PactwatchError('USAGE', 'a series must end after it starts');
  const periods: CalendarPeriod[] = [];
  for (let cursor = floorToPeriod(from, granularity); cursor.getTime() <= to; ) {
    const after = next(cursor, granularity);
    periods.push({ label: periodLabel(cursor, granularity), start: cursor.getTime(), end: after.getTime() });
    cursor = after;
    if (periods.length > MAX_PERIODS) throw new PactwatchError('USAGE', `a series may have at most ${MAX_PERIODS} periods`);
  }
  return periods;
}

/** Index of the period containing `instant`, or -1. */
export function periodIndexOf(periods: readonly CalendarPeriod[], instant: number): number {
  return periods.findIndex((p) => instant >= p.start && instant < p.end);
}
