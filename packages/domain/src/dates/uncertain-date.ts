import edtf from 'edtf';
import { PactwatchError } from '../errors/pactwatch-error.js';

/**
 * An uncertain date: an EDTF (ISO 8601-2) string and the earliest and latest instants it may
 * denote. "2015-09" spans the whole month; "2016-01/2016-07" spans both months; "2015~" is an
 * approximate year. Open ends ("2015-09/..") and unknown ends ("2015-09/") are kept as infinity
 * and as the start's own span respectively, because the `edtf` parser rejects them.
 */
export interface UncertainDate {
  readonly edtf: string;
  /** Earliest possible instant, ms since epoch UTC; -Infinity for an open start. */
  readonly earliest: number;
  /** Latest possible instant, ms since epoch UTC; +Infinity for an open end. */
  readonly latest: number;
}

const MAX_EDTF_LENGTH = 64;

// The plain ISO forms (YYYY, YYYY-MM, YYYY-MM-DD, with an optional ~ ? % qualifier that widens
// nothing) are most of what datasets hold. They are read here directly: the general EDTF grammar
// costs ~50 µs a string and dominated evaluation of large stores. Everything else goes to `edtf`.
const SIMPLE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?[~?%]?$/;

/**
 * Ms since epoch of a UTC calendar day. Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear
 * does not, so "0015" stays year 15 (and a month past 11 rolls into the next year).
 */
export function utcDay(year: number, monthIndex: number, dayOfMonth: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, dayOfMonth);
  return date.getTime();
}

function parseSimple(text: string): { min: number; max: number } | undefined {
  const match = SIMPLE.exec(text);
  if (match === null) return undefined;
  const year = Number(match[1]);
  if (match[2] === undefined) return { min: utcDay(year, 0, 1), max: utcDay(year + 1, 0, 1) - 1 };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  if (match[3] === undefined) return { min: utcDay(year, month - 1, 1), max: utcDay(year, month, 1) - 1 };
  const dayOfMonth = Number(match[3]);
  const min = utcDay(year, month - 1, dayOfMonth);
  // Date.UTC rolls 2015-02-30 over into March; such strings are invalid, let `edtf` reject them.
  if (dayOfMonth < 1 || new Date(min).getUTCDate() !== dayOfMonth) return undefined;
  return { min, max: min + 86_400_000 - 1 };
}

function parseOne(text: string): { min: number; max: number } {
  const simple = parseSimple(text);
  if (simple !== undefined) return simple;
  const value = edtf(text);
  if (!Number.isFinite(value.min) || !Number.isFinite(value.max)) {
    throw new Error('no finite bounds');
  }
  return { min: value.min, max: value.max };
}

/** Parses an EDTF string; throws INVALID_DATE naming the string and the reason. */
export function parseUncertainDate(input: string | number): UncertainDate {
  const text = String(input).trim();
  if (text === '' || text.length > MAX_EDTF_LENGTH) {
    throw new PactwatchError('INVALID_DATE', `"${text.slice(0, MAX_EDTF_LENGTH)}" is not an EDTF date: ${text === '' ? 'empty' : 'too long'}`);
  }
  try {
    const slash = text.indexOf('/');
    if (slash >= 0) {
      const left = text.slice(0, slash);
      const right = text.slice(slash + 1);
      // The parser refuses an interval whose ends start at the same instant ("2013/2013",
      // "2013-01-01/2013"), which sources write; such ends are read here, each on its own.
      if (SIMPLE.test(left) && SIMPLE.test(right)) {
        const start = parseOne(left);
        const end = parseOne(right);
        if (start.min === end.min) return { edtf: text, earliest: start.min, latest: Math.max(start.max, end.max) };
      }
      // The parser cannot read open ("..") or unknown ("") ends; handle them here.
      if (left === '..' || right === '..' || left === '' || right === '') {
        if (left === '' && right === '') throw new Error('both ends missing');
        const start = left === '..' ? { min: -Infinity, max: -Infinity } : left === '' ? undefined : parseOne(left);
        const end = right === '..' ? { min: Infinity, max: Infinity } : right === '' ? undefined : parseOne(right);
        const earliest = start?.min ?? end?.min ?? -Infinity;
        const latest = end?.max ?? start?.max ?? Infinity;
        if (earliest > latest) throw new Error('start after end');
        return { edtf: text, earliest: left === '' ? -Infinity : earliest, latest: right === '' ? Infinity : latest };
      }
    }
    const { min, max } = parseOne(text);
    if (min > max) throw new Error('start after end');
    return { edtf: text, earliest: min, latest: max };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] ?? 'unreadable' : 'unreadable';
    throw new PactwatchError('INVALID_DATE', `"${text}" is not a valid EDTF date (${reason.slice(0, 120)})`, { cause: error });
  }
}

/** True when the string parses as EDTF. */
export function isValidEdtf(input: string): boolean {
  try {
    parseUncertainDate(input);
    return true;
  } catch {
    return false;
  }
}

export function toIsoDay(instant: number): string {
  if (!Number.isFinite(instant)) return instant > 0 ? '..' : '..';
  return new Date(instant).toISOString().slice(0, 10);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function describeInstant(instant: number, precision: 'day' | 'month' | 'year'): string {
  const d = new Date(instant);
  const year = d.getUTCFullYear();
  const month = MONTHS[d.getUTCMonth()] ?? '';
  if (precision === 'year') return String(year);
  if (precision === 'month') return `${month} ${year}`;
  return `${d.getUTCDate()} ${month} ${year}`;
}

function precisionOf(date: UncertainDate): 'day' | 'month' | 'year' {
  const span = date.latest - date.earliest;
  const day = 86_400_000;
  if (span < 2 * day) return 'day';
  if (span < 32 * day) return 'month';
  return 'year';
}

/** A plain-language reading ("sometime between Jan and Jul 2016") for people, not for parsing. */
export function describeUncertainDate(date: UncertainDate): string {
  if (!Number.isFinite(date.earliest) && !Number.isFinite(date.latest)) return 'unknown date';
  if (!Number.isFinite(date.earliest)) return `on or before ${describeInstant(date.latest, 'day')}`;
  if (!Number.isFinite(date.latest)) return `on or after ${describeInstant(date.earliest, 'day')}`;
  const precision = precisionOf(date);
  const approximate = /[~%?]/.test(date.edtf) ? 'about ' : '';
  const day = 86_400_000;
  const span = date.latest - date.earliest;
  if (precision === 'day') return `${approximate}${describeInstant(date.earliest, 'day')}`;
  const startOfMonth = new Date(date.earliest).getUTCDate() === 1;
  if (precision === 'month' && startOfMonth) return `${approximate}${describeInstant(date.earliest, 'month')}`;
  const oneYear = span < 367 * day && new Date(date.earliest).getUTCMonth() === 0 && new Date(date.earliest).getUTCDate() === 1 && new Date(date.latest).getUTCMonth() === 11;
  if (oneYear && new Date(date.earliest).getUTCFullYear() === new Date(date.latest).getUTCFullYear()) {
    return `${approximate}${describeInstant(date.earliest, 'year')}`;
  }
  return `sometime between ${describeInstant(date.earliest, 'month')} and ${describeInstant(date.latest, 'month')}`;
}
