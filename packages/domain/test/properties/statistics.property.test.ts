import {
  bayesianOnlineChangepoints,
  detectChangepoints,
  eventsNearChangepoints,
  exactPoissonRate,
  exactPoissonRateRatio,
  fitInterruptedTimeSeries,
  isStatisticsError,
  type ChangepointCost,
  type ChangepointMethod,
  type ItsFamily,
} from '@pactwatch/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyParams, thrownBy } from './property-config.js';

/** Paths to every NaN in a result (numbers nested in arrays and objects). */
function nanPaths(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isNaN(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => nanPaths(item, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => nanPaths(item, `${path}.${key}`));
  return [];
}

/**
 * The contract every public statistical method keeps: a result without NaN (checked further by
 * `check`), or a StatisticsError with a STATS_* code and a message; never a TypeError/RangeError.
 */
function expectResultOrStatisticsError<T>(work: () => T, check: (result: T) => void = () => undefined): void {
  let result: T | undefined;
  const error = thrownBy(() => {
    result = work();
  });
  if (error !== undefined) {
    expect(isStatisticsError(error), `expected a StatisticsError, got ${String(error)}`).toBe(true);
    if (isStatisticsError(error)) {
      expect(error.code).toMatch(/^STATS_/);
      expect(error.message.length).toBeGreaterThan(10);
    }
    return;
  }
  expect(nanPaths(result)).toEqual([]);
  check(result as T);
}

const special = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1, 0.5, -0, 1e9, 2 ** 53, Number.MAX_VALUE, Number.MIN_VALUE);
/** Count series: empty, single, all-zero, constant, small, huge (1e9), and ones with invalid values. */
const countSeries = fc.oneof(
  fc.constant([] as number[]),
  fc.nat(1e9).map((v) => [v]),
  fc.integer({ min: 0, max: 40 }).map((n) => Array.from({ length: n }, () => 0)),
  fc.tuple(fc.oneof(fc.nat(50), fc.constant(1e9)), fc.integer({ min: 1, max: 40 })).map(([v, n]) => Array.from({ length: n }, () => v)),
  fc.array(fc.nat(30), { maxLength: 60 }),
  fc.array(fc.oneof(fc.nat(5), fc.constant(1e9), fc.integer({ min: 0, max: 2 ** 40 })), { maxLength: 40 }),
  fc.array(fc.oneof({ weight: 5, arbitrary: fc.nat(20) }, { weight: 1, arbitrary: special }), { minLength: 1, maxLength: 30 }),
);
const realSeries = fc.oneof(countSeries, fc.array(fc.double({ min: -1e12, max: 1e12, noNaN: true }), { maxLength: 40 }), fc.array(fc.oneof(fc.double(), special), { maxLength: 20 }));
const positive = fc.oneof(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), special, fc.constant(0));
const count = fc.oneof(fc.nat(1000), fc.constant(1e9), fc.integer({ min: -5, max: 2 ** 53 }), special);
const alternative = fc.constantFrom('two-sided', 'less', 'greater') as fc.Arbitrary<'two-sided' | 'less' | 'greater'>;
const confLevel = fc.oneof(fc.constant(undefined), fc.double({ min: 0.5, max: 0.999, noNaN: true }), special);

describe('statistics: properties', () => {
  it('exact Poisson rate and rate ratio: a finite, ordered interval and a p-value in [0, 1], or a coded error', () => {
    fc.assert(
      fc.property(count, count, positive, positive, alternative, confLevel, fc.option(positive, { nil: undefined }), (countBefore, countAfter, exposureBefore, exposureAfter, alt, level, nullValue) => {
        const options = { alternative: alt, ...(level === undefined ? {} : { confLevel: level }) };
        const nulls = nullValue === undefined ? {} : { nullRatio: nullValue, nullRate: nullValue };
        expectResultOrStatisticsError(
          () => exactPoissonRateRatio({ countBefore, exposureBefore, countAfter, exposureAfter }, { ...options, ...nulls }),
          (result) => {
            expect(result.pValue).toBeGreaterThanOrEqual(0);
            expect(result.pValue).toBeLessThanOrEqual(1);
            expect(result.confInt[0]).toBeGreaterThanOrEqual(0);
            expect(result.confInt[0]).toBeLessThanOrEqual(result.confInt[1]);
            expect(result.rateRatio).toBeGreaterThanOrEqual(0);
          },
        );
        expectResultOrStatisticsError(
          () => exactPoissonRate(countAfter, exposureAfter, { ...options, ...nulls }),
          (result) => {
            expect(result.pValue).toBeGreaterThanOrEqual(0);
            expect(result.pValue).toBeLessThanOrEqual(1);
            expect(result.confInt[0]).toBeLessThanOrEqual(result.confInt[1]);
          },
        );
      }),
      propertyParams(400),
    );
  });

  it('changepoints (PELT, binary segmentation, AMOC): segments tile the series with finite means, or a coded error', () => {
    const method = fc.constantFrom<ChangepointMethod>('PELT', 'BinSeg', 'AMOC');
    const cost = fc.constantFrom<ChangepointCost>('poisson', 'normal-mean', 'normal-meanvar');
    const penalty = fc.constantFrom('MBIC', 'BIC', 'SIC', 'AIC', 'Hannan-Quinn', 'None', 'Manual') as fc.Arbitrary<'MBIC'>;
    const options = fc.record(
      { method, cost, penalty, penaltyValue: fc.oneof(fc.double({ min: 0, max: 50, noNaN: true }), special), minSegmentLength: fc.oneof(fc.integer({ min: 1, max: 5 }), special), maxChangepoints: fc.oneof(fc.integer({ min: 1, max: 6 }), special) },
      { requiredKeys: ['method', 'cost'] },
    );
    fc.assert(
      fc.property(realSeries, options, (data, opts) => {
        expectResultOrStatisticsError(
          () => detectChangepoints(data, opts),
          (result) => {
            expect(result.segments[0]?.start).toBe(0);
            expect(result.segments[result.segments.length - 1]?.end).toBe(data.length);
            result.segments.forEach((segment, i) => {
              expect(segment.end).toBeGreaterThan(segment.start);
              if (i > 0) expect(segment.start).toBe(result.segments[i - 1]?.end);
            });
            expect(result.changepoints).toEqual(result.segments.slice(1).map((s) => s.start));
            expect(Number.isFinite(result.penalty)).toBe(true);
          },
        );
      }),
      propertyParams(400),
    );
  });

  it('BOCPD: probabilities in [0, 1] summing to 1 and increasing changepoints, or a coded error', () => {
    const options = fc.record(
      { hazard: fc.oneof(fc.double({ min: 1e-4, max: 0.5, noNaN: true }), special), prior: fc.record({ shape: fc.oneof(fc.double({ min: 0.1, max: 10, noNaN: true }), special), rate: fc.oneof(fc.double({ min: 0.1, max: 10, noNaN: true }), special) }) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(countSeries, options, (counts, opts) => {
        expectResultOrStatisticsError(
          () => bayesianOnlineChangepoints(counts, opts),
          (result) => {
            expect(result.runLengthPosterior).toHaveLength(counts.length + 1);
            for (const row of result.runLengthPosterior) {
              for (const p of row) expect(p >= 0 && p <= 1 + 1e-9).toBe(true);
              expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
            }
            result.changepoints.forEach((cp, i) => {
              // Every changepoint is an observation; ocp's trailing n + 1 is the nextStartsNewSegment flag.
              expect(Number.isInteger(cp) && cp > 0 && cp < counts.length, `changepoint ${cp} of ${counts.length}`).toBe(true);
              if (i > 0) expect(cp).toBeGreaterThan(result.changepoints[i - 1] ?? 0);
            });
          },
        );
      }),
      propertyParams(300),
    );
  });

  it('interrupted time series: finite coefficients and fitted values, or a coded error', () => {
    const family = fc.constantFrom<ItsFamily>('poisson', 'quasipoisson', 'negbin');
    fc.assert(
      fc.property(
        realSeries,
        fc.oneof(fc.integer({ min: -2, max: 45 }), special),
        family,
        fc.boolean(),
        fc.option(fc.array(fc.oneof(fc.double({ min: 0.1, max: 2, noNaN: true }), special), { maxLength: 45 }), { nil: undefined }),
        (counts, breakIndex, fam, slopeChange, exposure) => {
          expectResultOrStatisticsError(
            () => fitInterruptedTimeSeries({ counts, breakIndex, family: fam, slopeChange, ...(exposure === undefined ? {} : { exposure: exposure.slice(0, counts.length) }) }),
            (fit) => {
              expect(fit.fitted).toHaveLength(counts.length);
              for (const c of fit.coefficients) {
                expect(Number.isFinite(c.estimate)).toBe(true);
                expect(Number.isFinite(c.se)).toBe(true);
                expect(c.confInt[0]).toBeLessThanOrEqual(c.confInt[1]);
              }
              for (const value of fit.fitted) expect(Number.isFinite(value) && value >= 0).toBe(true);
            },
          );
        },
      ),
      propertyParams(250),
    );
  });

  it('event proximity: distances are finite and nearest first, or a coded error', () => {
    const month = fc.tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
    const date = fc.oneof(month, month.map((m) => `${m}-15`), month.map((m) => `${m}-31`), fc.constantFrom('2015-02-30', '2015-13', '', 'yesterday', '2015-01-01T12:00', '2015-01-01T12:00Z', '2015-01-01T24:00Z'), fc.string({ maxLength: 12 }));
    const event = fc.record({ id: fc.string({ maxLength: 4 }), date, label: fc.string({ maxLength: 8 }) });
    const periodDates = fc.oneof(
      fc.tuple(fc.integer({ min: 2000, max: 2020 }), fc.integer({ min: 0, max: 40 })).map(([y, n]) => Array.from({ length: n }, (_, i) => `${y + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`)),
      fc.array(date, { maxLength: 6 }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -1, max: 45 }), special), { maxLength: 4 }),
        periodDates,
        fc.array(event, { maxLength: 6 }),
        fc.record({ maxEvents: fc.oneof(fc.integer({ min: 0, max: 5 }), special), maxDistancePeriods: fc.oneof(fc.double({ min: 0, max: 50, noNaN: true }), special) }, { requiredKeys: [] }),
        (changepoints, dates, events, options) => {
          expectResultOrStatisticsError(
            () => eventsNearChangepoints(changepoints, dates, events, options),
            (contexts) => {
              expect(contexts).toHaveLength(changepoints.length);
              for (const context of contexts) {
                const distances = context.nearestEvents.map((e) => Math.abs(e.distancePeriods));
                for (const d of distances) expect(Number.isFinite(d)).toBe(true);
                expect(distances).toEqual([...distances].sort((a, b) => a - b));
              }
            },
          );
        },
      ),
      propertyParams(400),
    );
  });

  it('long series (2,000 periods) finish with a result for every method', () => {
    const long = Array.from({ length: 2_000 }, (_, i) => (i < 1_000 ? 20 : 8) + ((i * 7) % 5));
    for (const method of ['PELT', 'BinSeg', 'AMOC'] as const) {
      expect(detectChangepoints(long, { method }).changepoints.length).toBeGreaterThan(0);
    }
    expect(bayesianOnlineChangepoints(long, { keepRunLengthPosterior: false }).changepoints.length).toBeGreaterThan(0);
    const fit = fitInterruptedTimeSeries({ counts: long, breakIndex: 1_000, family: 'quasipoisson' });
    expect(fit.coefficients.find((c) => c.name === 'level')?.rateRatio).toBeLessThan(1);
  });
});
