/**
 * Date expressions read from supporting sentences, as data. Each rule's regex has capture groups
 * the rule's `read` turns into an EDTF start and end (the same when the date is one day, month or
 * year). Rules run in order and a match blanks its words, so "between May 2021 and February 2022"
 * is read once, not also as two month-years. Relative dates ("last year") need the article's
 * publication date and are skipped without one.
 */
export interface DateReading {
  readonly start: string;
  readonly end: string;
}

export interface DateRule {
  readonly id: string;
  readonly pattern: string;
  readonly description: string;
  /** Groups of the match (index 1…), and the publication day (YYYY-MM-DD) when known. */
  readonly read: (groups: readonly (string | undefined)[], published: string | undefined) => DateReading | undefined;
}

const MONTHS: Readonly<Record<string, number>> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7, jul: 7,
  august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)';
const YEAR = '((?:19|20)[0-9]{2})';

const pad = (n: number): string => String(n).padStart(2, '0');
const month = (name: string | undefined): string | undefined => {
  const m = MONTHS[(name ?? '').toLowerCase().replace('.', '')];
  return m === undefined ? undefined : pad(m);
};
const one = (edtf: string): DateReading => ({ start: edtf, end: edtf });

export const DATE_RULES: readonly DateRule[] = [
  {
    id: 'date-between-months',
    pattern: `\\b(?:between|from) ${MONTH} ${YEAR} (?:and|to|until) ${MONTH} ${YEAR}\\b`,
    description: '"between May 2021 and February 2022" → 2021-05/2022-02.',
    read: ([m1, y1, m2, y2]) => {
      const a = month(m1);
      const b = month(m2);
      return a === undefined || b === undefined ? undefined : { start: `${y1}-${a}`, end: `${y2}-${b}` };
    },
  },
  {
    id: 'date-between-years',
    pattern: `\\b(?:between|from) ${YEAR} (?:and|to|until|through) ${YEAR}\\b`,
    description: '"between 2014 and 2015", "from 2006 to 2014" → 2014/2015.',
    read: ([y1, y2]) => (y1 !== undefined && y2 !== undefined ? { start: y1, end: y2 } : undefined),
  },
  {
    id: 'date-year-range',
    pattern: `\\b${YEAR}-${YEAR}\\b`,
    description: '"2011-2013" (any dash, normalised) → 2011/2013.',
    read: ([y1, y2]) => (y1 !== undefined && y2 !== undefined ? { start: y1, end: y2 } : undefined),
  },
  {
    id: 'date-day-month-year',
    pattern: `\\b([0-3]?[0-9]) ${MONTH} ${YEAR}\\b`,
    description: '"7 December 2023" → 2023-12-07.',
    read: ([d, m, y]) => {
      const mm = month(m);
      return mm === undefined || d === undefined ? undefined : one(`${y}-${mm}-${pad(Number(d))}`);
    },
  },
  {
    id: 'date-month-day-year',
    pattern: `\\b${MONTH} ([0-3]?[0-9]), ${YEAR}\\b`,
    description: '"December 7, 2023" → 2023-12-07.',
    read: ([m, d, y]) => {
      const mm = month(m);
      return mm === undefined || d === undefined ? undefined : one(`${y}-${mm}-${pad(Number(d))}`);
    },
  },
  {
    id: 'date-since',
    pattern: `\\bsince (?:at least )?(?:${MONTH} )?${YEAR}\\b`,
    description: '"since 2015", "since at least March 2021" → from then to the publication day (open end without one).',
    read: ([m, y], published) => {
      const mm = month(m);
      const start = mm === undefined ? `${y}` : `${y}-${mm}`;
      return { start, end: published ?? '..' };
    },
  },
  {
    id: 'date-month-year',
    pattern: `\\b${MONTH} ${YEAR}\\b`,
    description: '"in March 2017", "early 2024" is read by date-season-year.',
    read: ([m, y]) => {
      const mm = month(m);
      return mm === undefined ? undefined : one(`${y}-${mm}`);
    },
  },
  {
    id: 'date-season-year',
    pattern: `\\b(?:early|mid|late|mid-|spring|summer|autumn|fall|winter)[ -]?${YEAR}\\b`,
    description: '"early 2024", "late 2019" → the year (EDTF seasons would claim more than the words do).',
    read: ([y]) => (y === undefined ? undefined : one(y)),
  },
  {
    id: 'date-year',
    pattern: `\\b(?:in|during|of|by|throughout|until|before|after|around|since|from) ${YEAR}\\b`,
    description: '"in 2016", "during 2023" → the year.',
    read: ([y]) => (y === undefined ? undefined : one(y)),
  },
  {
    id: 'date-last-year',
    pattern: String.raw`\b(?:last year|the previous year|a year ago)\b`,
    description: '"last year" → the year before publication.',
    read: (_groups, published) => (published === undefined ? undefined : one(String(Number(published.slice(0, 4)) - 1))),
  },
  {
    id: 'date-this-year',
    pattern: String.raw`\b(?:this year|earlier this year)\b`,
    description: '"earlier this year" → the publication year.',
    read: (_groups, published) => (published === undefined ? undefined : one(published.slice(0, 4))),
  },
  {
    id: 'date-last-month',
    pattern: String.raw`\blast month\b`,
    description: '"last month" → the month before publication.',
    read: (_groups, published) => {
      if (published === undefined) return undefined;
      const y = Number(published.slice(0, 4));
      const m = Number(published.slice(5, 7));
      return m === 1 ? one(`${y - 1}-12`) : one(`${y}-${pad(m - 1)}`);
    },
  },
];
