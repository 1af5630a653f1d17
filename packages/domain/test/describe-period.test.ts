import { describe, expect, it } from 'vitest';
import { describeEdtf, describePeriod, OPEN_END, OPEN_END_READING, periodSchema } from '../src/index.js';

describe('periods in words (shared by the dashboard, reports and the CLI)', () => {
  it('reads one date, a span, an end equal to the start, and an open end', () => {
    expect(describePeriod({ start: '2015-09' })).toBe('Sep 2015');
    expect(describePeriod({ start: '2015-09', end: '2015-09' })).toBe('Sep 2015');
    expect(describePeriod({ start: '2014-03', end: '2015-04' })).toBe('from Mar 2014 to Apr 2015');
    expect(describePeriod({ start: '2014', end: OPEN_END })).toBe('from 2014, still ongoing');
    expect(describePeriod({ start: '2015-06-04', end: '2015-07~' })).toBe('from 4 Jun 2015 to about Jul 2015');
  });

  it('gives the text itself back for a date it cannot read, instead of failing the page', () => {
    expect(describeEdtf('not a date')).toBe('not a date');
    expect(describePeriod({ start: 'not a date', end: 'nor this' })).toBe('from not a date to nor this');
  });

  it('uses the same open-end marker the incident schema accepts', () => {
    expect(periodSchema.safeParse({ start: '2014', end: OPEN_END }).success).toBe(true);
    expect(OPEN_END_READING).toContain('still going on');
  });
});
