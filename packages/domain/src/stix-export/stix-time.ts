import { parseUncertainDate } from '../dates/uncertain-date.js';

/**
 * The timestamp of objects that have no dates of their own (countries, state sponsors, the
 * extension definition): 10 June 2021, the day STIX 2.1 became an OASIS Standard. Fixed, never
 * the clock, so that repeated exports are byte-identical.
 */
export const STIX_EPOCH = '2021-06-10T00:00:00.000Z';

/** STIX timestamps are RFC 3339 with four-digit years: 0000-01-01 to 9999-12-31. */
const FIRST_INSTANT = -62_167_219_200_000;
const LAST_INSTANT = 253_402_300_799_999;

/** A millisecond-precision STIX timestamp, or undefined for instants STIX cannot write. */
export function stixTimestamp(instant: number): string | undefined {
  if (!Number.isFinite(instant) || instant < FIRST_INSTANT || instant > LAST_INSTANT) return undefined;
  return new Date(instant).toISOString();
}

/** The first instant an EDTF date may denote, or undefined when STIX cannot write it. */
export function edtfInstant(edtf: string | undefined): number | undefined {
  if (edtf === undefined) return undefined;
  try {
    const date = parseUncertainDate(edtf);
    if (stixTimestamp(date.earliest) !== undefined) return date.earliest;
    // An open or unknown start ("/2017-05-12", "../2017"): the first instant of the known end.
    const slash = edtf.indexOf('/');
    return slash < 0 ? undefined : edtfInstant(edtf.slice(slash + 1));
  } catch {
    return undefined;
  }
}

export interface StixTimes {
  readonly created: string;
  readonly modified: string;
}

export const EPOCH_TIMES: StixTimes = { created: STIX_EPOCH, modified: STIX_EPOCH };

/**
 * Times of a record from the dates it carries: created is the earliest, modified the latest. So
 * adding a newer source to a record moves `modified` forward, which is what STIX consumers use to
 * tell versions apart. `fallback` dates are used only when `dates` has none; then the epoch.
 */
export function timesFromDates(dates: ReadonlyArray<string | undefined>, fallback: ReadonlyArray<string | undefined> = []): StixTimes {
  const pick = (list: ReadonlyArray<string | undefined>): number[] => list.map(edtfInstant).filter((i): i is number => i !== undefined);
  const primary = pick(dates);
  const instants = primary.length > 0 ? primary : pick(fallback);
  if (instants.length === 0) return EPOCH_TIMES;
  return { created: stixTimestamp(Math.min(...instants)) ?? STIX_EPOCH, modified: stixTimestamp(Math.max(...instants)) ?? STIX_EPOCH };
}

/** The later of two timestamps (same format, so string order is time order). */
export function laterTimestamp(a: string, b: string): string {
  return a >= b ? a : b;
}
