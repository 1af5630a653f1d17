import { analyseTrend, buildCountSeries, parseUncertainDate, type DatedItem } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { negativeBinomialFamily, poissonFamily } from '../../src/statistics/glm-family.js';
import { fitInterruptedTimeSeries, getCoefficient, type ItsFamily } from '../../src/statistics/index.js';
import { expectClose, vectors } from './test-vectors.js';

// Counts that lie exactly on the model's curve: a constant series (any level) and a geometric one.
const FAMILIES: readonly ItsFamily[] = ['poisson', 'quasipoisson', 'negbin'];

function includesOne(interval: readonly [number, number]): boolean {
  return interval[0] <= 1 && interval[1] >= 1;
}

describe('interrupted time series on counts that lie on the curve', () => {
  it.each(FAMILIES)('fits 12 periods of 1e9 with %s (it ended with STATS_NO_CONVERGENCE) and finds no change', (family) => {
    const fit = fitInterruptedTimeSeries({ counts: Array.from({ length: 12 }, () => 1e9), breakIndex: 6, family, slopeChange: true });
    expect(fit.converged).toBe(true);
    expectClose(getCoefficient(fit, 'intercept').estimate, Math.log(1e9), 1e-12, 'intercept');
    for (const name of ['time', 'level', 'slope']) {
      const c = getCoefficient(fit, name);
      expect(Math.abs(c.estimate)).toBeLessThan(1e-9);
      expect(includesOne(c.rateRatioConfInt)).toBe(true);
    }
    expect(fit.deviance).toBeGreaterThanOrEqual(0);
    expect(fit.deviance).toBeLessThan(1e-9);
  });

  it('uses dispersion 1 for an exact quasi-Poisson fit, so its intervals are the Poisson ones instead of zero-width', () => {
    for (const counts of [Array.from({ length: 12 }, () => 1e9), Array.from({ length: 10 }, () => 1), [1, 2, 4, 8, 16, 32, 64, 128]]) {
      const input = { counts, breakIndex: Math.floor(counts.length / 2) };
      const quasi = fitInterruptedTimeSeries({ ...input, family: 'quasipoisson' });
      const poisson = fitInterruptedTimeSeries({ ...input, family: 'poisson' });
      expect(quasi.exactFit).toBe(true);
      expect(quasi.dispersion).toBe(1);
      expect(quasi.pearsonChi2 / quasi.dfResidual).toBeLessThan(1e-8);
      for (const c of quasi.coefficients) expectClose(c.se, getCoefficient(poisson, c.name).se, 1e-12, `${c.name} se`);
      expect(includesOne(getCoefficient(quasi, 'level').rateRatioConfInt)).toBe(true);
    }
  });

  it('keeps the estimated dispersion whenever the counts scatter, under-dispersed ones included', () => {
    const sicily = vectors.sicily;
    const fit = fitInterruptedTimeSeries({ counts: sicily.aces, breakIndex: sicily.smokban_from_time - 1, exposure: sicily.stdpop, family: 'quasipoisson' });
    expect(fit.exactFit).toBe(false);
    expectClose(fit.dispersion, fit.pearsonChi2 / fit.dfResidual, 1e-15, 'dispersion');
    const under = fitInterruptedTimeSeries({ counts: [1, 0, 1, 0, 1, 0, 1, 0, 1, 0], breakIndex: 5, family: 'quasipoisson' });
    expect(under.exactFit).toBe(false);
    expect(under.dispersion).toBeLessThan(1);
    expect(fitInterruptedTimeSeries({ counts: Array.from({ length: 8 }, () => 3), breakIndex: 4, family: 'poisson' }).exactFit).toBe(false);
  });

  it('computes unit deviances as R does away from the optimum, and exactly 0 at y = mu', () => {
    const cases: Array<[number, number]> = [[0, 0.5], [0, 7], [1, 3], [5, 2.5], [40, 39], [1000, 900], [3, 30]];
    const poisson = poissonFamily();
    const negbin = negativeBinomialFamily(2.5);
    for (const [y, mu] of cases) {
      const literalPoisson = 2 * ((y > 0 ? y * Math.log(y / mu) : 0) - (y - mu));
      expectClose(poisson.unitDeviance(y, mu), literalPoisson, 1e-12, `poisson d(${y}, ${mu})`);
      const theta = 2.5;
      const literalNegbin = 2 * (y * Math.log(Math.max(1, y) / mu) - (y + theta) * Math.log((y + theta) / (mu + theta)));
      expectClose(negbin.unitDeviance(y, mu), literalNegbin, 1e-10, `negbin d(${y}, ${mu})`);
    }
    expect(poisson.unitDeviance(1e9, 1e9)).toBe(0);
    expect(negbin.unitDeviance(1e9, 1e9)).toBe(0);
    // Near the optimum the literal form is noise of ~eps * y; the series form keeps the sign and size.
    const nearby = poisson.unitDeviance(1e9, 1e9 * (1 + 1e-12));
    expect(nearby).toBeGreaterThan(0);
    expectClose(nearby, 1e9 * 1e-24, 1e-3, 'd(y, y(1 + 1e-12)) = y * delta^2');
  });

  it('says in the trend reading that the counts lie exactly on the curve', () => {
    const items: DatedItem[] = [];
    for (let m = 0; m < 24; m += 1) {
      const date = new Date(Date.UTC(2014, m, 1)).toISOString().slice(0, 10);
      for (let k = 0; k < 2; k += 1) items.push({ id: `${m}-${k}`, date: parseUncertainDate(date) });
    }
    const series = buildCountSeries(items, { granularity: 'month', from: Date.UTC(2014, 0, 1), to: Date.UTC(2015, 11, 31), uncertain: 'spread' });
    const analysis = analyseTrend(series, { methods: ['its'], breakAt: Date.parse('2015-01-01') });
    expect(analysis.reading).toContain('lie exactly on the fitted curve');
    expect(analysis.reading).toContain('no clear trend');
    expect(analysis.reading).toContain('includes no change');
  });
});
