import { buildCountSeries, parseUncertainDate, periodsBetween, type DatedItem } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';

const item = (id: string, edtf: string | undefined): DatedItem => ({ id, date: edtf === undefined ? undefined : parseUncertainDate(edtf) });
const at = (iso: string) => Date.parse(iso);

describe('count series', () => {
  it('aligns months, quarters and years', () => {
    expect(periodsBetween(at('2015-08-15'), at('2015-10-02'), 'month').map((p) => p.label)).toEqual(['2015-08', '2015-09', '2015-10']);
    expect(periodsBetween(at('2015-08-15'), at('2016-01-02'), 'quarter').map((p) => p.label)).toEqual(['2015-Q3', '2015-Q4', '2016-Q1']);
    expect(periodsBetween(at('2014-08-15'), at('2016-01-02'), 'year').map((p) => p.label)).toEqual(['2014', '2015', '2016']);
  });

  it('keeps years 0–99 where they are (Date.UTC put year 15 in 1915) and labels them with four digits', () => {
    const from = parseUncertainDate('0015-11-20').earliest;
    const to = parseUncertainDate('0016-02-03').earliest;
    const months = periodsBetween(from, to, 'month');
    expect(months.map((p) => p.label)).toEqual(['0015-11', '0015-12', '0016-01', '0016-02']);
    expect(months[0]?.start).toBe(parseUncertainDate('0015-11').earliest);
    expect(months.every((p, i) => i === 0 || p.start === months[i - 1]?.end)).toBe(true);
    expect(periodsBetween(from, to, 'quarter').map((p) => p.label)).toEqual(['0015-Q4', '0016-Q1']);
    expect(periodsBetween(from, to, 'year').map((p) => [p.label, p.start])).toEqual([
      ['0015', parseUncertainDate('0015').earliest],
      ['0016', parseUncertainDate('0016').earliest],
    ]);
    const series = buildCountSeries([item('a', '0015-12-25'), item('b', '0016-01')], { granularity: 'month', from, to, uncertain: 'spread' });
    expect(series.periods.map((p) => p.count)).toEqual([0, 1, 1, 0]);
  });

  it('counts exact dates whole and spreads uncertain ones in proportion to time', () => {
    const series = buildCountSeries([item('a', '2015-09-26'), item('b', '2015-09'), item('c', '2015-09/2015-10'), item('d', '2015-09/2015-11')], {
      granularity: 'month',
      from: at('2015-09-01'),
      to: at('2015-12-31'),
      uncertain: 'spread',
    });
    const counts = Object.fromEntries(series.periods.map((p) => [p.label, p.count]));
    expect(series.exact).toBe(2);
    expect(series.spread).toBe(2);
    // c spans Sep (30 days) and Oct (31 days); d spans Sep–Nov (91 days)
    expect(counts['2015-09']).toBeCloseTo(2 + 30 / 61 + 30 / 91, 10);
    expect(counts['2015-10']).toBeCloseTo(31 / 61 + 31 / 91, 10);
    expect(counts['2015-11']).toBeCloseTo(30 / 91, 10);
    expect(counts['2015-12']).toBe(0);
    expect(series.total).toBeCloseTo(4, 10);
  });

  it('excludes uncertain items on request and accounts for every item', () => {
    const items = [item('a', '2015-09-26'), item('b', '2015'), item('c', '2015-09/..'), item('d', undefined), item('e', '2010-01')];
    const series = buildCountSeries(items, { granularity: 'month', from: at('2015-01-01'), to: at('2015-12-31'), uncertain: 'exclude' });
    expect(series.excluded).toEqual({ uncertain: 1, unbounded: 1, undated: 1, outsideWindow: 1 });
    expect(series.exact + series.spread + Object.values(series.excluded).reduce((a, b) => a + b, 0)).toBe(items.length);
    expect(series.total).toBe(1);
  });

  it('reports the share of spread weight that falls outside the window', () => {
    const series = buildCountSeries([item('a', '2014-07/2015-06')], { granularity: 'year', from: at('2015-01-01'), to: at('2015-12-31'), uncertain: 'spread' });
    expect(series.periods[0]?.count).toBeCloseTo(181 / 365, 10);
    expect(series.weightOutside).toBeCloseTo(184 / 365, 10);
  });

  it('marks periods outside the coverage window as no data, with partial exposure at the edge', () => {
    const series = buildCountSeries([item('a', '2015-03-10')], {
      granularity: 'month',
      from: at('2015-01-01'),
      to: at('2015-04-30'),
      uncertain: 'spread',
      coverage: { from: at('2015-02-15') },
    });
    expect(series.periods.map((p) => p.count)).toEqual([null, 0, 1, 0]);
    expect(series.periods[1]?.exposure).toBeCloseTo(14 / 28, 10);
    expect(series.periods[2]?.exposure).toBe(1);
  });

  it('rejects a window that ends before it starts', () => {
    expect(() => buildCountSeries([], { granularity: 'month', from: at('2016-01-01'), to: at('2015-01-01'), uncertain: 'spread' })).toThrow(/end after it starts/);
  });
});
