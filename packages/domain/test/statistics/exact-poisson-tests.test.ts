import { describe, expect, it } from 'vitest';
import { exactPoissonRate, exactPoissonRateRatio, poissonCountInterval } from '../../src/statistics/index.js';
import { expectClose, vectors } from './test-vectors.js';

// The vectors print 12 significant digits; everything below agrees with R to 1e-9 relative.
const TOLERANCE = 1e-9;

describe('exactPoissonRateRatio reproduces R poisson.test with two samples', () => {
  const twoSample = vectors.poisson_test.filter((c) => c.x.length === 2);

  it.each(twoSample.map((c, i) => [i, c] as const))('case %i', (_i, c) => {
    // R's poisson.test(c(x1, x2), c(T1, T2)) estimates rate1 / rate2: x1 is the "after" count here.
    const result = exactPoissonRateRatio(
      { countAfter: c.x[0] ?? 0, exposureAfter: c.T[0] ?? 1, countBefore: c.x[1] ?? 0, exposureBefore: c.T[1] ?? 1 },
      { alternative: c.alternative ?? 'two-sided' },
    );
    expectClose(result.rateRatio, c.rr ?? Number.NaN, TOLERANCE, 'rate ratio');
    expectClose(result.confInt[0], c.ci[0], TOLERANCE, 'lower limit');
    if (c.ci[1] === 'Inf') expect(result.confInt[1]).toBe(Number.POSITIVE_INFINITY);
    else expectClose(result.confInt[1], c.ci[1], TOLERANCE, 'upper limit');
    expectClose(result.pValue, c.p ?? c['p_R_poisson.test'] ?? Number.NaN, TOLERANCE, 'p-value');
  });

  it('offers the central two-sided rule (rateratio.test), which differs from R default', () => {
    const c = twoSample.find((v) => v['p_central_rateratio.test'] !== undefined);
    expect(c).toBeDefined();
    if (c === undefined) return;
    const input = { countAfter: c.x[0] ?? 0, exposureAfter: c.T[0] ?? 1, countBefore: c.x[1] ?? 0, exposureBefore: c.T[1] ?? 1 };
    const central = exactPoissonRateRatio(input, { twoSidedRule: 'central' });
    const minlike = exactPoissonRateRatio(input);
    // The vector gives 4 significant digits for the central p-value.
    expect(Math.abs(central.pValue - (c['p_central_rateratio.test'] ?? 0))).toBeLessThan(5e-6);
    expectClose(minlike.pValue, c['p_R_poisson.test'] ?? Number.NaN, TOLERANCE, 'minlike p');
    expect(central.pValue).toBeGreaterThan(minlike.pValue);
  });

  it('a one-sided "less" test is the lower binomial tail and its interval starts at 0', () => {
    const input = { countAfter: 3, exposureAfter: 24, countBefore: 7, exposureBefore: 24 };
    const less = exactPoissonRateRatio(input, { alternative: 'less' });
    const greater = exactPoissonRateRatio(input, { alternative: 'greater' });
    expect(less.confInt[0]).toBe(0);
    expect(greater.confInt[1]).toBe(Number.POSITIVE_INFINITY);
    // X ~ Binomial(10, 1/2): P(X <= 3) = 176/1024 and P(X >= 3) = 1 - 56/1024.
    expectClose(less.pValue, 176 / 1024, 1e-14, 'P(X <= 3)');
    expectClose(greater.pValue, 1 - 56 / 1024, 1e-14, 'P(X >= 3)');
  });

  it('reports an infinite ratio when there were no events before, never NaN', () => {
    const result = exactPoissonRateRatio({ countBefore: 0, exposureBefore: 12, countAfter: 5, exposureAfter: 12 });
    expect(result.rateRatio).toBe(Number.POSITIVE_INFINITY);
    expect(result.confInt[1]).toBe(Number.POSITIVE_INFINITY);
    expect(result.confInt[0]).toBeGreaterThan(0);
    expectClose(result.pValue, 2 * 0.5 ** 5, 1e-14, 'p');
  });

  it('refuses a ratio with no events at all, and malformed input, with coded errors', () => {
    expect(() => exactPoissonRateRatio({ countBefore: 0, exposureBefore: 12, countAfter: 0, exposureAfter: 12 })).toThrowError(
      expect.objectContaining({ code: 'STATS_DEGENERATE_INPUT' }) as Error,
    );
    for (const bad of [
      { countBefore: -1, exposureBefore: 1, countAfter: 1, exposureAfter: 1 },
      { countBefore: 1.5, exposureBefore: 1, countAfter: 1, exposureAfter: 1 },
      { countBefore: 1, exposureBefore: 0, countAfter: 1, exposureAfter: 1 },
      { countBefore: 1, exposureBefore: 1, countAfter: Number.NaN, exposureAfter: 1 },
    ]) {
      expect(() => exactPoissonRateRatio(bad)).toThrowError(expect.objectContaining({ code: 'STATS_INVALID_INPUT' }) as Error);
    }
    expect(() =>
      exactPoissonRateRatio({ countBefore: 1, exposureBefore: 1, countAfter: 1, exposureAfter: 1 }, { confLevel: 1 }),
    ).toThrowError(expect.objectContaining({ code: 'STATS_INVALID_INPUT' }) as Error);
  });

  it('handles large counts (Clopper-Pearson limits checked against mpmath)', () => {
    // x = 1234 of n = 3000 with equal exposures: p-limits 0.39365200713689297425, 0.42918780016550472949.
    const big = exactPoissonRateRatio({ countAfter: 1234, exposureAfter: 1, countBefore: 1766, exposureBefore: 1 });
    const toRatio = (p: number): number => p / (1 - p);
    expectClose(big.confInt[0], toRatio(0.39365200713689297425), 1e-12, 'lower');
    expectClose(big.confInt[1], toRatio(0.42918780016550472949), 1e-12, 'upper');
    // A rare event in a long exposure: x = 7 of n = 250000.
    const rare = exactPoissonRateRatio({ countAfter: 7, exposureAfter: 1, countBefore: 249_993, exposureBefore: 1 });
    expectClose(rare.confInt[0], toRatio(0.00001125752393121591885), 1e-12, 'rare lower');
    expectClose(rare.confInt[1], toRatio(0.000057689845011132488117), 1e-12, 'rare upper');
  });
});

describe('exact single-count Poisson inference (R poisson.test with one sample)', () => {
  it('reproduces the one-sample vector: rate, Garwood interval and p-value against r = 1', () => {
    const c = vectors.poisson_test.find((v) => v.x.length === 1);
    expect(c).toBeDefined();
    if (c === undefined) return;
    const result = exactPoissonRate(c.x[0] ?? 0, c.T[0] ?? 1);
    expectClose(result.rate, c.rate ?? Number.NaN, TOLERANCE, 'rate');
    expectClose(result.confInt[0], c.ci[0], TOLERANCE, 'lower');
    expectClose(result.confInt[1], Number(c.ci[1]), TOLERANCE, 'upper');
    expectClose(result.pValue, c.p ?? Number.NaN, TOLERANCE, 'p');
  });

  it('reproduces the Garwood 95% intervals (qgamma(0.025, x), qgamma(0.975, x + 1))', () => {
    for (const [key, expected] of Object.entries(vectors.garwood_95)) {
      if (typeof expected === 'number') continue;
      const [lower, upper] = poissonCountInterval(Number(key));
      if (expected[0] === 0) expect(lower).toBe(0);
      else expectClose(lower, expected[0], TOLERANCE, `lower(${key})`);
      expectClose(upper, expected[1], TOLERANCE, `upper(${key})`);
    }
  });

  it('stays exact above 1000 events (R qgamma and mpmath references)', () => {
    const r1400 = vectors.garwood_95['1400_upper_qgamma(0.975,1401)'];
    expect(typeof r1400).toBe('number');
    expectClose(poissonCountInterval(1400)[1], Number(r1400), 1e-12, 'qgamma(0.975, 1401)');
    // mpmath: regularized incomplete gamma solved to 40 digits.
    const expected: [number, number, number][] = [
      [1400, 1327.6165622959240671, 1475.303834394236326],
      [5000, 4862.3591886948991127, 5140.5489485350048891],
      [123456, 122768.28869851555304, 124146.60839534459599],
    ];
    for (const [x, lower, upper] of expected) {
      const [lo, hi] = poissonCountInterval(x);
      expectClose(lo, lower, 1e-12, `lower(${x})`);
      expectClose(hi, upper, 1e-12, `upper(${x})`);
    }
  });

  it('gives the exact interval for zero events and one-sided intervals', () => {
    const [lower, upper] = poissonCountInterval(0);
    expect(lower).toBe(0);
    expectClose(upper, -Math.log(0.025), 1e-14, 'upper for x = 0');
    const [, oneSidedUpper] = poissonCountInterval(0, 0.95, 'less');
    expectClose(oneSidedUpper, -Math.log(0.05), 1e-14, 'one-sided upper for x = 0');
    expect(poissonCountInterval(4, 0.95, 'greater')[1]).toBe(Number.POSITIVE_INFINITY);
    // x = 0 against mean 5: R's rule adds P(X >= 12), the first outcome above the mean that is no
    // more likely than 0 (5^12 / 12! < 1 <= 5^11 / 11!).
    let below12 = 0;
    for (let i = 0, term = Math.exp(-5); i < 12; i += 1, term *= 5 / i) below12 += term;
    expectClose(exactPoissonRate(0, 10, { nullRate: 0.5 }).pValue, Math.exp(-5) + (1 - below12), 1e-13, 'p for x = 0');
  });

  it('refuses invalid counts and exposures', () => {
    expect(() => poissonCountInterval(-3)).toThrowError(expect.objectContaining({ code: 'STATS_INVALID_INPUT' }) as Error);
    expect(() => exactPoissonRate(3, -1)).toThrowError(expect.objectContaining({ code: 'STATS_INVALID_INPUT' }) as Error);
    expect(() => exactPoissonRate(3, 1, { nullRate: 0 })).toThrowError(expect.objectContaining({ code: 'STATS_INVALID_INPUT' }) as Error);
  });
});
