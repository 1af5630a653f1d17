/**
 * Puts detected changepoints in context: for each one, the dated events (an agreement's
 * signing, a sanction, a major incident) nearest to it, with the distance in periods of the
 * series. Pure: the caller supplies the period dates and the events.
 */
import { StatsInsufficientDataError, StatsInvalidInputError } from './errors.js';

export interface DatedEvent {
  readonly id: string;
  /** ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD, or a date-time with Z or an explicit offset. */
  readonly date: string;
  readonly label: string;
}

export interface EventProximity {
  readonly event: DatedEvent;
  /**
   * Signed distance from the start of the changepoint's period to the event, in periods
   * (fractional, interpolated between period start dates): negative when the event came first.
   */
  readonly distancePeriods: number;
  /** Index of the period the event falls in; below 0 or past the end when outside the series. */
  readonly periodIndex: number;
  /** periodIndex minus the changepoint index: the distance in whole periods. */
  readonly periodOffset: number;
}

export interface ChangepointContext {
  /** 0-based index of the first period of the new segment (as detectChangepoints reports). */
  readonly changepointIndex: number;
  readonly changepointDate: string;
  /** Nearest first; ties broken by date, then id. */
  readonly nearestEvents: readonly EventProximity[];
}

export interface EventProximityOptions {
  /** At most this many events per changepoint; default 3. */
  readonly maxEvents?: number;
  /** Ignore events farther than this many periods away; default no limit. */
  readonly maxDistancePeriods?: number;
}

// Date-only forms are UTC in ECMAScript; a date-time must state its offset, or its meaning would
// depend on the machine's time zone.
const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

// Date.parse rolls a day past the month's end over ("2015-02-30" is 2 March) instead of
// rejecting it; a calendar day that does not exist must be an error, not another date.
function dayExists(value: string): boolean {
  if (value.length < 10) return true;
  const day = value.slice(0, 10);
  const time = Date.parse(day);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === day;
}

function parseIsoDate(value: string, what: string): number {
  const wellFormed = typeof value === 'string' && (ISO_DATE.test(value) || ISO_DATE_TIME.test(value)) && dayExists(value);
  const time = wellFormed ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) {
    throw new StatsInvalidInputError(
      `${what} must be an ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD or a date-time with a zone), got '${value}'`,
    );
  }
  return time;
}

/** Fractional period position of a time, extrapolating past either end with the edge period length. */
function positionOf(time: number, starts: readonly number[]): number {
  const n = starts.length;
  const first = starts[0] ?? 0;
  const last = starts[n - 1] ?? 0;
  if (time < first) return (time - first) / ((starts[1] ?? 0) - first);
  if (time >= last) return n - 1 + (time - last) / (last - (starts[n - 2] ?? 0));
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] ?? 0) <= time) lo = mid;
    else hi = mid;
  }
  const start = starts[lo] ?? 0;
  return lo + (time - start) / ((starts[lo + 1] ?? 0) - start);
}

export function eventsNearChangepoints(
  changepoints: readonly number[],
  periodDates: readonly string[],
  events: readonly DatedEvent[],
  options: EventProximityOptions = {},
): ChangepointContext[] {
  const maxEvents = options.maxEvents ?? 3;
  const maxDistance = options.maxDistancePeriods ?? Number.POSITIVE_INFINITY;
  if (!Number.isInteger(maxEvents) || maxEvents < 0) {
    throw new StatsInvalidInputError(`maxEvents must be a non-negative integer, got ${maxEvents}`);
  }
  if (!(maxDistance >= 0)) {
    throw new StatsInvalidInputError(`maxDistancePeriods must be non-negative, got ${maxDistance}`);
  }
  if (periodDates.length < 2) {
    throw new StatsInsufficientDataError('at least two period dates are needed to measure distances in periods');
  }
  const starts = periodDates.map((date, i) => parseIsoDate(date, `periodDates[${i}]`));
  starts.forEach((start, i) => {
    if (i > 0 && !(start > (starts[i - 1] ?? 0))) {
      throw new StatsInvalidInputError(`periodDates must be strictly increasing; periodDates[${i}] is not after the one before`);
    }
  });
  const located = events.map((event, i) => {
    if (typeof event.id !== 'string') throw new StatsInvalidInputError(`events[${i}].id must be a string`);
    const time = parseIsoDate(event.date, `events[${i}].date`);
    return { event, time, position: positionOf(time, starts) };
  });
  return changepoints.map((index, k) => {
    if (!Number.isInteger(index) || index < 0 || index >= periodDates.length) {
      throw new StatsInvalidInputError(
        `changepoints[${k}] must be a period index from 0 to ${periodDates.length - 1}, got ${index}`,
      );
    }
    const nearest = located
      .map(({ event, time, position }) => {
        const periodIndex = Math.floor(position);
        return { event, time, distancePeriods: position - index, periodIndex, periodOffset: periodIndex - index };
      })
      .filter((entry) => Math.abs(entry.distancePeriods) <= maxDistance)
      .sort(
        (a, b) =>
          Math.abs(a.distancePeriods) - Math.abs(b.distancePeriods) ||
          a.time - b.time ||
          (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0),
      )
      .slice(0, maxEvents)
      .map(({ event, distancePeriods, periodIndex, periodOffset }) => ({ event, distancePeriods, periodIndex, periodOffset }));
    return { changepointIndex: index, changepointDate: periodDates[index] ?? '', nearestEvents: nearest };
  });
}
