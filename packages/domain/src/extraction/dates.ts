import { parseUncertainDate } from '../dates/uncertain-date.js';
import { DATE_RULES } from './date-rules.js';
import type { CandidatePeriod } from './types.js';

export interface DateMention {
  readonly ruleId: string;
  readonly sentenceIndex: number;
  readonly start: string;
  readonly end: string;
  readonly earliest: number;
  readonly latest: number;
}

const compiled = DATE_RULES.map((rule) => ({ rule, regex: new RegExp(rule.pattern, 'gi') }));

/** The publication day (YYYY-MM-DD) of an ISO 8601 timestamp, or undefined when it does not read. */
export function publicationDay(publishedAt: string | undefined): string | undefined {
  if (publishedAt === undefined) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(publishedAt.trim());
  if (match === null) return undefined;
  const day = `${match[1]}-${match[2]}-${match[3]}`;
  return Number.isNaN(Date.parse(`${day}T00:00:00Z`)) ? undefined : day;
}

function bounds(edtf: string): { earliest: number; latest: number } | undefined {
  try {
    const parsed = parseUncertainDate(edtf);
    return { earliest: parsed.earliest, latest: parsed.latest };
  } catch {
    return undefined;
  }
}

/**
 * Dates one sentence mentions. Dates after the publication day are dropped (a forecast or a
 * typo is not when the incident happened), as are readings the EDTF parser rejects ("31 February").
 */
export function findDates(sentence: string, sentenceIndex: number, published: string | undefined): DateMention[] {
  let text = sentence;
  const out: DateMention[] = [];
  const publishedEnd = published === undefined ? Infinity : (bounds(published)?.latest ?? Infinity);
  for (const { rule, regex } of compiled) {
    regex.lastIndex = 0;
    const blanks: Array<[number, number]> = [];
    for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
      if (m[0].length === 0) {
        regex.lastIndex += 1;
        continue;
      }
      blanks.push([m.index, m.index + m[0].length]);
      const reading = rule.read(m.slice(1), published);
      if (reading === undefined) continue;
      const a = bounds(reading.start);
      const b = reading.end === '..' ? { earliest: Infinity, latest: Infinity } : bounds(reading.end);
      if (a === undefined || b === undefined || a.earliest > b.latest || a.earliest > publishedEnd) continue;
      out.push({ ruleId: rule.id, sentenceIndex, start: reading.start, end: reading.end, earliest: a.earliest, latest: b.latest });
    }
    for (const [from, to] of blanks) text = text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);
  }
  return out;
}

/** ISO instant; an open end (EDTF "..") stays "..". */
const iso = (instant: number): string => (Number.isFinite(instant) ? new Date(instant).toISOString() : '..');

/**
 * The span the mentions cover: from the earliest start to the latest end, as one EDTF. Bounds
 * come from the mentions (each parsed once), not from re-parsing the interval: the general EDTF
 * parser costs ~50 µs a call and was most of the extraction time.
 */
export function periodOf(mentions: readonly DateMention[]): CandidatePeriod | undefined {
  let first: DateMention | undefined;
  let last: DateMention | undefined;
  for (const m of mentions) {
    if (first === undefined || m.earliest < first.earliest) first = m;
    if (last === undefined || m.latest > last.latest) last = m;
  }
  if (first === undefined || last === undefined) return undefined;
  const edtf = first.start === last.end ? first.start : `${first.start}/${last.end}`;
  return { edtf, earliest: iso(first.earliest), latest: iso(last.latest) };
}

/** The publication year, used when no date is mentioned (a weaker period: the candidate says so). */
export function fallbackPeriod(published: string | undefined): CandidatePeriod | undefined {
  if (published === undefined) return undefined;
  const edtf = published.slice(0, 4);
  const parsed = parseUncertainDate(edtf);
  return { edtf, earliest: iso(parsed.earliest), latest: iso(parsed.latest) };
}
