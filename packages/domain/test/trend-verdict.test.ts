import { describe, expect, it } from 'vitest';
import { analyseTrend, intervalDirection, trendVerdict, type CountSeries } from '../src/index.js';

const coefficient = (name: string, rateRatio: number, lo: number, hi: number) => ({ name, estimate: Math.log(rateRatio), se: 0.1, confInt: [Math.log(lo), Math.log(hi)] as [number, number], rateRatio, rateRatioConfInt: [lo, hi] as [number, number] });
const rateRatio = (ratio: number, lo: number, hi: number) => ({
  before: { from: 'a', to: 'b', count: 3, exposure: 3 },
  after: { from: 'c', to: 'd', count: 3, exposure: 3 },
  rounded: false,
  result: { rateBefore: 1, rateAfter: ratio, rateRatio: ratio, confInt: [lo, hi] as const, pValue: 0.5, expectedCountAfter: 3, nullRatio: 1, confLevel: 0.95, alternative: 'two-sided' as const, twoSidedRule: 'minlike' as const },
});

describe('trend verdict', () => {
  it('reads a change only from an interval wholly on one side of 1 (null is +∞)', () => {
    expect(intervalDirection([0.2, 0.9])).toBe('fewer');
    expect(intervalDirection([1.1, null])).toBe('more');
    expect(intervalDirection([0.18, null])).toBe('no-clear-change');
    expect(intervalDirection([0.5, 1])).toBe('no-clear-change');
  });

  it('prefers the ITS level change, states the pre-existing trend, and falls back to the rate ratio', () => {
    const its = { coefficients: [coefficient('time', 1.1, 1.02, 1.2), coefficient('level', 0.3, 0.17, 0.54)] } as unknown as Parameters<typeof trendVerdict>[0]['its'];
    expect(trendVerdict({ its, rateRatio: rateRatio(2, 1.1, 3) })).toEqual({ direction: 'fewer', measure: 'its-level', ratio: 0.3, interval: [0.17, 0.54], preTrend: 'rising', reason: null });
    const failed = { error: { code: 'STATS_SEPARATION', message: 'every count before the break is zero' } };
    expect(trendVerdict({ its: failed, rateRatio: rateRatio(Infinity, 1.2, Infinity) })).toEqual({ direction: 'more', measure: 'rate-ratio', ratio: Infinity, interval: [1.2, Infinity], preTrend: null, reason: null });
    expect(trendVerdict({ its: failed, rateRatio: failed })).toMatchObject({ direction: 'not-computable', measure: null, reason: 'every count before the break is zero' });
  });

  it('comes with every analysis, including one whose series does not span the agreement', () => {
    const series: CountSeries = { granularity: 'year', periods: [2014, 2015].map((y) => ({ label: String(y), start: Date.UTC(y, 0, 1), end: Date.UTC(y + 1, 0, 1), count: 1, exposure: 1 })), items: 2, exact: 2, spread: 0, excluded: { uncertain: 0, unbounded: 0, undated: 0, outsideWindow: 0 }, weightOutside: 0, total: 2 };
    const outside = analyseTrend(series, { methods: ['rate-ratio', 'its'], breakAt: Date.UTC(2030, 0, 1) });
    expect(outside.verdict).toMatchObject({ direction: 'not-computable', measure: null });
    const inside = analyseTrend(series, { methods: ['rate-ratio'], breakAt: Date.UTC(2015, 0, 1) });
    expect(inside.verdict).toMatchObject({ direction: 'no-clear-change', measure: 'rate-ratio', ratio: 1 });
  });
});
