import { describeUncertainDate, parseUncertainDate, PactwatchError } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';

const iso = (ms: number) => new Date(ms).toISOString();

describe('uncertain dates (EDTF)', () => {
  it('spans a month, an interval and an approximate year', () => {
    const month = parseUncertainDate('2015-09');
    expect(iso(month.earliest)).toBe('2015-09-01T00:00:00.000Z');
    expect(iso(month.latest)).toBe('2015-09-30T23:59:59.999Z');
    const interval = parseUncertainDate('2016-01/2016-07');
    expect(iso(interval.earliest)).toBe('2016-01-01T00:00:00.000Z');
    expect(iso(interval.latest)).toBe('2016-07-31T23:59:59.999Z');
    const approx = parseUncertainDate('2015~');
    expect(iso(approx.earliest)).toBe('2015-01-01T00:00:00.000Z');
    expect(iso(approx.latest)).toBe('2015-12-31T23:59:59.999Z');
  });

  it('accepts a bare year given as a number (YAML reads 2015 as a number)', () => {
    expect(parseUncertainDate(2015).edtf).toBe('2015');
  });

  it('handles open and unknown interval ends that the edtf parser rejects', () => {
    const open = parseUncertainDate('2015-09/..');
    expect(open.latest).toBe(Infinity);
    expect(iso(open.earliest)).toBe('2015-09-01T00:00:00.000Z');
    const unknownStart = parseUncertainDate('/2016-02');
    expect(unknownStart.earliest).toBe(-Infinity);
  });

  it('rejects malformed dates with INVALID_DATE naming the input', () => {
    for (const bad of ['2015-13', 'next year', '', '2016-02-30x', 'x'.repeat(100)]) {
      expect(() => parseUncertainDate(bad)).toThrow(PactwatchError);
    }
    try {
      parseUncertainDate('2015-13');
    } catch (error) {
      expect(error).toMatchObject({ code: 'INVALID_DATE' });
      expect((error as Error).message).toContain('2015-13');
    }
  });

  it('reads out in plain language', () => {
    expect(describeUncertainDate(parseUncertainDate('2016-01/2016-07'))).toBe('sometime between Jan 2016 and Jul 2016');
    expect(describeUncertainDate(parseUncertainDate('2015-09'))).toBe('Sep 2015');
    expect(describeUncertainDate(parseUncertainDate('2015-09-25'))).toBe('25 Sep 2015');
    expect(describeUncertainDate(parseUncertainDate('2015~'))).toBe('about 2015');
  });

  it('reads plain ISO forms exactly as the edtf package does', async () => {
    const { default: edtf } = await import('edtf');
    for (const text of ['2015', '2016-02', '2016-02-29', '2015-12-31', '1999~', '2015-09?', '2015-09-25%', '2000-01-01']) {
      const ours = parseUncertainDate(text);
      const theirs = edtf(text);
      expect([ours.earliest, ours.latest], text).toEqual([theirs.min, theirs.max]);
    }
    expect(() => parseUncertainDate('2015-02-30')).toThrow(/not a valid EDTF/);
    expect(() => parseUncertainDate('2015-00')).toThrow(/not a valid EDTF/);
  });
});
