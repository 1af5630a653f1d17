import { analyseTrend, isMethodFailure, periodsBetween, trendVerdict, type CountSeries, type TrendMethod } from '@pactwatch/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyParams } from './property-config.js';

/** A monthly series built directly (counts may be fractional, zero, huge or missing), as buildCountSeries returns. */
const series = fc
  .record({
    months: fc.integer({ min: 1, max: 48 }),
    counts: fc.oneof(
      fc.array(fc.nat(30), { maxLength: 48 }),
      fc.array(fc.constant(0), { maxLength: 48 }),
      fc.array(fc.oneof(fc.constant(1e9), fc.nat(3)), { maxLength: 48 }),
      fc.array(fc.double({ min: 0, max: 20, noNaN: true }), { maxLength: 48 }),
      fc.array(fc.option(fc.nat(10), { nil: null }), { maxLength: 48 }),
    ),
  })
  .map(({ months, counts }): CountSeries => {
    const periods = periodsBetween(Date.UTC(2013, 0, 1), Date.UTC(2013, months - 1, 1), 'month').map((p, i) => {
      const count = counts[i % Math.max(1, counts.length)] ?? 0;
      return { ...p, count, exposure: count === null ? 0 : 1 };
    });
    const total = periods.reduce((sum, p) => sum + (p.count ?? 0), 0);
    return { granularity: 'month', periods, items: 0, exact: 0, spread: 0, excluded: { uncertain: 0, unbounded: 0, undated: 0, outsideWindow: 0 }, weightOutside: 0, total };
  });
const methods = fc.subarray<TrendMethod>(['rate-ratio', 'its', 'changepoints'], { minLength: 1 });
const breakAt = fc.integer({ min: Date.UTC(2012, 0, 1), max: Date.UTC(2018, 0, 1) });

describe('trend analysis: properties', () => {
  it('never throws on a series; every method gives a result or a coded failure, and the reading has no NaN', () => {
    fc.assert(
      fc.property(series, methods, breakAt, fc.constantFrom('poisson', 'quasipoisson', 'negbin') as fc.Arbitrary<'poisson'>, fc.boolean(), (s, m, at, family, slopeChange) => {
        const analysis = analyseTrend(s, { methods: m, breakAt: at, family, slopeChange, events: [{ id: 'accord', date: '2015-09-25', label: 'accord' }] });
        for (const section of [analysis.rateRatio, analysis.its, analysis.changepoints]) {
          if (section !== undefined && isMethodFailure(section)) expect(section.error.code).toMatch(/^STATS_/);
        }
        // "undefined" may appear as a word ("the rate ratio is undefined (0/0)"); NaN or [object …] never.
        expect(analysis.reading).not.toMatch(/NaN|\[object /);
        expect(['fewer', 'more', 'no-clear-change', 'not-computable']).toContain(analysis.verdict.direction);
        expect(JSON.stringify(analysis)).not.toContain('NaN');
        if (analysis.verdict.direction === 'not-computable') expect(analysis.verdict.reason?.length ?? 0).toBeGreaterThan(0);
        else expect(analysis.verdict.ratio === null || !Number.isNaN(analysis.verdict.ratio)).toBe(true);
        expect(trendVerdict(analysis)).toEqual(analysis.verdict);
      }),
      propertyParams(150),
    );
  });
});
