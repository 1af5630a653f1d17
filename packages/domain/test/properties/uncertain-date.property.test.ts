import { describeUncertainDate, isPactwatchError, isValidEdtf, parseUncertainDate, toIsoDay, type UncertainDate } from '@pactwatch/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyParams, thrownBy } from './property-config.js';

const pad = (value: number, width: number): string => String(value).padStart(width, '0');
const daysIn = (year: number, month: number): number => {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 31;
};

/** A calendar date at year, month or day precision; years 0000–9999 (what EDTF's 4-digit form allows). */
const calendarDate = fc
  .record({ year: fc.integer({ min: 0, max: 9999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }), precision: fc.constantFrom('year', 'month', 'day') })
  .map(({ year, month, day, precision }) => {
    const y = pad(year, 4);
    if (precision === 'year') return { text: y, first: `${y}-01-01`, last: `${y}-12-31` };
    const ym = `${y}-${pad(month, 2)}`;
    if (precision === 'month') return { text: ym, first: `${ym}-01`, last: `${ym}-${pad(daysIn(year, month), 2)}` };
    const ymd = `${ym}-${pad(Math.min(day, daysIn(year, month)), 2)}`;
    return { text: ymd, first: ymd, last: ymd };
  });

const qualifier = fc.constantFrom('', '~', '?', '%');
/** Other EDTF level-1 forms the module hands to the `edtf` parser: unspecified digits and seasons. */
const otherForm = fc.oneof(
  fc.integer({ min: 100, max: 999 }).map((decade) => `${pad(decade, 3)}X`),
  fc.integer({ min: 0, max: 9999 }).map((year) => `${pad(year, 4)}-XX`),
  fc.tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 21, max: 24 })).map(([year, season]) => `${year}-${season}`),
);
const single = fc.oneof(fc.tuple(calendarDate, qualifier).map(([d, q]) => d.text + q), otherForm);
/** Intervals with ordered ends, open ends ("..") and unknown ends (""). */
const interval = fc.oneof(
  fc.tuple(calendarDate, calendarDate).map(([a, b]) => (a.first <= b.first ? `${a.text}/${b.text}` : `${b.text}/${a.text}`)),
  calendarDate.map((d) => `${d.text}/..`),
  calendarDate.map((d) => `../${d.text}`),
  calendarDate.map((d) => `${d.text}/`),
  calendarDate.map((d) => `/${d.text}`),
);
const acceptedEdtf = fc.oneof(single, interval);

function expectWellFormed(date: UncertainDate, input: string): void {
  expect(Number.isNaN(date.earliest) || Number.isNaN(date.latest)).toBe(false);
  expect(date.earliest).toBeLessThanOrEqual(date.latest);
  expect(date.edtf).toBe(input.trim());
  const reading = describeUncertainDate(date);
  expect(typeof reading).toBe('string');
  expect(reading.length).toBeGreaterThan(0);
  expect(reading).not.toMatch(/NaN|undefined|Invalid/);
}

function expectInvalidDate(error: unknown, input: string): void {
  // Only the module's own error, with its code and the input quoted (truncated when too long).
  expect(isPactwatchError(error), `non-Pactwatch error for ${JSON.stringify(input.slice(0, 80))}: ${String(error)}`).toBe(true);
  if (!isPactwatchError(error)) return;
  expect(error.code).toBe('INVALID_DATE');
  expect(error.message).toContain(String(input).trim().slice(0, 20));
}

describe('uncertain dates: properties', () => {
  it('every accepted EDTF form parses with earliest ≤ latest and a plain-language reading', () => {
    fc.assert(
      fc.property(acceptedEdtf, (text) => {
        expectWellFormed(parseUncertainDate(text), text);
        expect(isValidEdtf(text)).toBe(true);
      }),
      propertyParams(400),
    );
  });

  it('calendar dates round-trip: the bounds are the first and last day of the written date', () => {
    fc.assert(
      fc.property(calendarDate, qualifier, (date, q) => {
        const parsed = parseUncertainDate(date.text + q);
        expect(toIsoDay(parsed.earliest)).toBe(date.first);
        expect(toIsoDay(parsed.latest)).toBe(date.last);
        expect(new Date(parsed.earliest).toISOString().slice(10)).toBe('T00:00:00.000Z');
        expect(new Date(parsed.latest).toISOString().slice(10)).toBe('T23:59:59.999Z');
      }),
      propertyParams(400),
    );
  });

  it('parsing is idempotent and a qualifier (~ ? %) never moves the bounds', () => {
    fc.assert(
      fc.property(calendarDate, qualifier, (date, q) => {
        const plain = parseUncertainDate(date.text);
        const qualified = parseUncertainDate(date.text + q);
        expect([qualified.earliest, qualified.latest]).toEqual([plain.earliest, plain.latest]);
        expect(parseUncertainDate(qualified.edtf)).toEqual(qualified);
      }),
      propertyParams(300),
    );
  });

  it('an interval spans from its start\'s earliest to its end\'s latest; open and unknown ends are infinite', () => {
    fc.assert(
      fc.property(calendarDate, calendarDate, (a, b) => {
        const [first, second] = a.first <= b.first ? [a, b] : [b, a];
        const start = parseUncertainDate(first.text);
        const end = parseUncertainDate(second.text);
        const both = parseUncertainDate(`${first.text}/${second.text}`);
        expect([both.earliest, both.latest]).toEqual([start.earliest, end.latest]);
        expect(parseUncertainDate(`${first.text}/..`)).toMatchObject({ earliest: start.earliest, latest: Infinity });
        expect(parseUncertainDate(`../${first.text}`)).toMatchObject({ earliest: -Infinity, latest: start.latest });
        // A reversed interval (end strictly before start) is refused, never silently reordered.
        if (end.latest < start.earliest || start.latest < end.earliest) {
          expectInvalidDate(thrownBy(() => parseUncertainDate(`${second.text}/${first.text}`)), `${second.text}/${first.text}`);
        }
      }),
      propertyParams(300),
    );
  });

  it('arbitrary strings either parse well-formed or fail with INVALID_DATE, never another error', () => {
    const edtfAlphabet = fc.constantFrom(...'0123456789-/~?%X.[]{},YES ^'.split(''), '..', '2015', '-09', 'Z');
    const edtfShaped = fc.array(edtfAlphabet, { maxLength: 40 }).map((parts) => parts.join(''));
    const garbage = fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), edtfShaped);
    fc.assert(
      fc.property(garbage, (text) => {
        const error = thrownBy(() => expectWellFormed(parseUncertainDate(text), text));
        if (error !== undefined) expectInvalidDate(error, text);
      }),
      propertyParams(800),
    );
  });

  it('numbers (YAML years) either parse or fail with INVALID_DATE', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double()), (value) => {
        const error = thrownBy(() => expectWellFormed(parseUncertainDate(value), String(value)));
        if (error !== undefined) expectInvalidDate(error, String(value));
      }),
      propertyParams(300),
    );
  });

  it('rejects long, nested and unicode input quickly with INVALID_DATE', () => {
    const hostile = [
      '1'.repeat(10_000),
      '2015-'.repeat(2_000),
      '(((('.repeat(16),
      '((((',
      '[[[[{{{{',
      '1'.repeat(64),
      '-'.repeat(64),
      '/'.repeat(64),
      '2015~'.repeat(12),
      '?'.repeat(63) + '2',
      '２０１５-０９',
      '2015\u0000-09',
      '\u202e2015',
      '😀2015',
      '  ',
      'NaN',
      'Infinity',
    ];
    for (const text of hostile) expectInvalidDate(thrownBy(() => parseUncertainDate(text)), text);
  });
});
