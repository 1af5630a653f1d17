import { describe, expect, it } from 'vitest';
import { buildItsDesign, fitInterruptedTimeSeries, getCoefficient, type ItsFit, type ItsInput } from '../../src/statistics/index.js';
import { expectClose, vectors, type GlmVector } from './test-vectors.js';

const sicily = vectors.sicily;
// R's smokban starts at time 37 (1-based), i.e. 0-based index 36.
const base: ItsInput = { counts: sicily.aces, breakIndex: sicily.smokban_from_time - 1, exposure: sicily.stdpop };
const seasonal = { period: 12, harmonics: 2 } as const;

// R term labels -> pactwatch coefficient names. The vectors' note fixes the harmonic column order:
// sin(2 pi m/12), sin(4 pi m/12), cos(2 pi m/12), cos(4 pi m/12).
const NAMES: Readonly<Record<string, string>> = {
  '(Intercept)': 'intercept',
  smokban: 'level',
  time: 'time',
  'harmonic(month, 2, 12)1': 'sin1',
  'harmonic(month, 2, 12)2': 'sin2',
  'harmonic(month, 2, 12)3': 'cos1',
  'harmonic(month, 2, 12)4': 'cos2',
  'smokban:I(time - 36)': 'slope',
};
const TERMS3 = ['(Intercept)', 'smokban', 'time'];
const TERMS7 = sicily.model3_quasipoisson_harmonic.terms ?? [];

// The GLM vectors were fitted by R at epsilon = 1e-14; the fits here agree to ~1e-10, well inside
// the 1e-6 the project requires. 1e-8 leaves room for platform rounding.
const TOLERANCE = 1e-8;

function expectMatches(fit: ItsFit, reference: GlmVector, terms: readonly string[]): void {
  expect(fit.coefficients).toHaveLength(terms.length);
  terms.forEach((term, j) => {
    const c = getCoefficient(fit, NAMES[term] ?? term);
    expectClose(c.estimate, reference.coef[j] ?? Number.NaN, TOLERANCE, `${term} estimate`);
    expectClose(c.se, reference.se[j] ?? Number.NaN, TOLERANCE, `${term} se`);
    if (reference.rr !== undefined) {
      expectClose(c.rateRatio, reference.rr[j] ?? Number.NaN, TOLERANCE, `${term} rr`);
      expectClose(c.rateRatioConfInt[0], reference.rr_lo95?.[j] ?? Number.NaN, TOLERANCE, `${term} rr lower`);
      expectClose(c.rateRatioConfInt[1], reference.rr_hi95?.[j] ?? Number.NaN, TOLERANCE, `${term} rr upper`);
    }
  });
  if (reference.dispersion !== undefined) expectClose(fit.dispersion, reference.dispersion, TOLERANCE, 'dispersion');
  if (reference.deviance !== undefined) expectClose(fit.deviance, reference.deviance, TOLERANCE, 'deviance');
  if (reference.pearson_chi2 !== undefined) expectClose(fit.pearsonChi2, reference.pearson_chi2, TOLERANCE, 'Pearson chi2');
  if (reference.df_resid !== undefined) expect(fit.dfResidual).toBe(reference.df_resid);
}

describe('interrupted time series: design matrix conventions', () => {
  it('codes time 1..n, level 0/1 from the break, slope 1, 2, 3 from the break, then sin_k and cos_k', () => {
    const design = buildItsDesign({ length: 6, breakIndex: 3, slopeChange: true, seasonality: { period: 4, harmonics: 2 } });
    expect(design.names).toEqual(['intercept', 'time', 'level', 'slope', 'sin1', 'sin2', 'cos1', 'cos2']);
    expect(design.columns[1]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(design.columns[2]).toEqual([0, 0, 0, 1, 1, 1]);
    expect(design.columns[3]).toEqual([0, 0, 0, 1, 2, 3]);
    design.columns[4]?.forEach((value, i) => expect(value).toBeCloseTo(Math.sin((2 * Math.PI * (i + 1)) / 4), 14));
    design.columns[5]?.forEach((value, i) => expect(value).toBeCloseTo(Math.sin((4 * Math.PI * (i + 1)) / 4), 14));
    design.columns[6]?.forEach((value, i) => expect(value).toBeCloseTo(Math.cos((2 * Math.PI * (i + 1)) / 4), 14));
    expect(design.interventionTerms).toEqual(['level', 'slope']);
  });
});

describe('interrupted time series: Sicily smoking ban (Lopez Bernal et al. 2017) against R glm', () => {
  it('model 1, Poisson with a level change: coefficients, SEs, rate ratios, deviance, logLik and AIC', () => {
    const fit = fitInterruptedTimeSeries({ ...base, family: 'poisson' });
    expectMatches(fit, sicily.model1_poisson, TERMS3);
    expectClose(fit.logLik ?? Number.NaN, sicily.model1_poisson.loglik ?? Number.NaN, TOLERANCE, 'logLik');
    expectClose(fit.aic ?? Number.NaN, sicily.model1_poisson.aic ?? Number.NaN, TOLERANCE, 'AIC');
    expect(fit.dispersion).toBe(1);
    expect(fit.converged).toBe(true);
    expect(fit.fittedFamily).toBe('poisson');
  });

  it('model 2, quasi-Poisson: dispersion = Pearson chi2 / df and SEs scaled by its square root', () => {
    const fit = fitInterruptedTimeSeries({ ...base, family: 'quasipoisson' });
    expectMatches(fit, sicily.model2_quasipoisson, TERMS3);
    expectClose(fit.dispersion, fit.pearsonChi2 / fit.dfResidual, 1e-15, 'dispersion definition');
    expect(fit.aic).toBeNull();
    expect(fit.logLik).toBeNull();
  });

  it('model 3, quasi-Poisson with two harmonic pairs (tsModel::harmonic column order)', () => {
    const fit = fitInterruptedTimeSeries({ ...base, family: 'quasipoisson', seasonality: seasonal });
    expectMatches(fit, sicily.model3_quasipoisson_harmonic, TERMS7);
    expect(fit.coefficients.map((c) => c.name)).toEqual(['intercept', 'time', 'level', 'sin1', 'sin2', 'cos1', 'cos2']);
  });

  it('model 4, quasi-Poisson with harmonics and a slope change counted 1, 2, 3, ... from the break', () => {
    const fit = fitInterruptedTimeSeries({ ...base, family: 'quasipoisson', seasonality: seasonal, slopeChange: true });
    expectMatches(fit, sicily.model4_quasipoisson_slopechange, sicily.model4_quasipoisson_slopechange.terms ?? []);
  });

  it('explicit month positions give the same seasonal columns as the default time index', () => {
    const months = sicily.aces.map((_, i) => (i % 12) + 1);
    const byTime = fitInterruptedTimeSeries({ ...base, seasonality: seasonal });
    const byMonth = fitInterruptedTimeSeries({ ...base, seasonality: { ...seasonal, positions: months } });
    byTime.coefficients.forEach((c, j) => expectClose(byMonth.coefficients[j]?.estimate ?? Number.NaN, c.estimate, 1e-12, c.name));
  });

  it('negative binomial model 1 (MASS::glm.nb defaults): coefficients, SEs, theta, its SE and 2 logLik', () => {
    const fit = fitInterruptedTimeSeries({ ...base, family: 'negbin' });
    const reference = sicily.nb_model1;
    expectMatches(fit, reference, TERMS3);
    expectClose(fit.theta ?? Number.NaN, reference.theta ?? Number.NaN, TOLERANCE, 'theta');
    expectClose(fit.thetaSe ?? Number.NaN, reference.se_theta ?? Number.NaN, TOLERANCE, 'theta SE');
    expectClose(2 * (fit.logLik ?? Number.NaN), reference.twologlik ?? Number.NaN, TOLERANCE, '2 logLik');
    // MASS: aic = -2 logLik + 2 rank + 2 (theta counts as a parameter).
    expectClose(fit.aic ?? Number.NaN, -(reference.twologlik ?? 0) + 2 * 3 + 2, TOLERANCE, 'AIC');
    expect(fit.negbinFellBackToPoisson).toBe(false);
    expect(fit.dispersion).toBe(1);
    expect(fit.alternations).toBeGreaterThan(0);
  });

  it('negative binomial model 3 with harmonics', () => {
    const fit = fitInterruptedTimeSeries({ ...base, family: 'negbin', seasonality: seasonal });
    const reference = sicily.nb_model3;
    expectMatches(fit, reference, TERMS7);
    expectClose(fit.theta ?? Number.NaN, reference.theta ?? Number.NaN, TOLERANCE, 'theta');
    expectClose(fit.thetaSe ?? Number.NaN, reference.se_theta ?? Number.NaN, TOLERANCE, 'theta SE');
    expectClose(2 * (fit.logLik ?? Number.NaN), reference.twologlik ?? Number.NaN, TOLERANCE, '2 logLik');
  });

  it('returns fitted values that solve the Poisson score equations, and the counterfactual pre-trend', () => {
    const fit = fitInterruptedTimeSeries({ ...base, family: 'poisson', seasonality: seasonal, slopeChange: true });
    const total = (values: readonly number[], from = 0): number => values.slice(from).reduce((a, b) => a + b, 0);
    // Intercept and level columns: fitted totals equal observed totals overall and after the break.
    expectClose(total(fit.fitted), total(sicily.aces), 1e-10, 'sum fitted');
    expectClose(total(fit.fitted, base.breakIndex), total(sicily.aces, base.breakIndex), 1e-10, 'sum fitted after break');
    const b = Object.fromEntries(fit.coefficients.map((c) => [c.name, c.estimate]));
    fit.counterfactual.forEach((value, i) => {
      const m = i + 1;
      const eta =
        Math.log(sicily.stdpop[i] ?? 1) +
        (b.intercept ?? 0) +
        (b.time ?? 0) * m +
        (b.sin1 ?? 0) * Math.sin((2 * Math.PI * m) / 12) +
        (b.sin2 ?? 0) * Math.sin((4 * Math.PI * m) / 12) +
        (b.cos1 ?? 0) * Math.cos((2 * Math.PI * m) / 12) +
        (b.cos2 ?? 0) * Math.cos((4 * Math.PI * m) / 12);
      expectClose(value, Math.exp(eta), 1e-12, `counterfactual[${i}]`);
      if (i < base.breakIndex) expectClose(value, fit.fitted[i] ?? Number.NaN, 1e-12, `pre-break fitted[${i}]`);
    });
  });

  it('computes the null deviance of the intercept-only model with the same offset', () => {
    const fit = fitInterruptedTimeSeries({ ...base, family: 'poisson' });
    const y = sicily.aces;
    const pop = sicily.stdpop;
    const rate = y.reduce((a, b) => a + b, 0) / pop.reduce((a, b) => a + b, 0);
    const expected = y.reduce((sum, yi, i) => {
      const mu = (pop[i] ?? 0) * rate;
      return sum + 2 * (yi * Math.log(yi / mu) - (yi - mu));
    }, 0);
    expectClose(fit.nullDeviance, expected, 1e-12, 'null deviance');
    expect(fit.dfNull).toBe(y.length - 1);
    expect(fit.nullDeviance).toBeGreaterThan(fit.deviance);
  });
});

describe('interrupted time series: edge cases', () => {
  const code = (value: string): Error => expect.objectContaining({ code: value }) as Error;

  it('refuses an empty series, a single point and too few points for the model', () => {
    expect(() => fitInterruptedTimeSeries({ counts: [], breakIndex: 0 })).toThrowError(code('STATS_INSUFFICIENT_DATA'));
    expect(() => fitInterruptedTimeSeries({ counts: [4], breakIndex: 0 })).toThrowError(code('STATS_INSUFFICIENT_DATA'));
    expect(() => fitInterruptedTimeSeries({ counts: [4, 5, 6], breakIndex: 1 })).toThrowError(code('STATS_INSUFFICIENT_DATA'));
  });

  it('refuses all-zero counts and a break with only zeros on one side', () => {
    expect(() => fitInterruptedTimeSeries({ counts: [0, 0, 0, 0, 0, 0], breakIndex: 3 })).toThrowError(
      code('STATS_DEGENERATE_INPUT'),
    );
    expect(() => fitInterruptedTimeSeries({ counts: [3, 5, 4, 6, 0, 0, 0, 0], breakIndex: 4 })).toThrowError(
      code('STATS_SEPARATION'),
    );
  });

  it('refuses malformed input with STATS_INVALID_INPUT', () => {
    const counts = [3, 5, 4, 6, 2, 3, 1, 2];
    for (const input of [
      { counts, breakIndex: 0 },
      { counts, breakIndex: 8 },
      { counts, breakIndex: 2.5 },
      { counts: [3, -1, 4, 6, 2, 3], breakIndex: 3 },
      { counts: [3, Number.NaN, 4, 6, 2, 3], breakIndex: 3 },
      { counts, breakIndex: 4, exposure: [1, 2, 3] },
      { counts, breakIndex: 4, exposure: counts.map(() => 0) },
      { counts, breakIndex: 4, seasonality: { period: 12, harmonics: 7 } },
    ]) {
      expect(() => fitInterruptedTimeSeries(input)).toThrowError(code('STATS_INVALID_INPUT'));
    }
  });

  it('reports a rank-deficient design clearly', () => {
    // A slope change starting at the last point equals the level column.
    const counts = [3, 5, 4, 6, 2, 3, 1, 2];
    expect(() => fitInterruptedTimeSeries({ counts, breakIndex: 7, slopeChange: true })).toThrowError(
      code('STATS_SINGULAR_DESIGN'),
    );
    // Every observation at the same place in the cycle: the cosine column is constant.
    expect(() =>
      fitInterruptedTimeSeries({ counts, breakIndex: 4, seasonality: { period: 12, harmonics: 1, positions: counts.map(() => 3) } }),
    ).toThrowError(code('STATS_SINGULAR_DESIGN'));
  });

  it('reports non-convergence clearly, or returns the last iterate when asked to', () => {
    const input: ItsInput = { ...base, family: 'poisson', control: { maxIterations: 1 } };
    expect(() => fitInterruptedTimeSeries(input)).toThrowError(code('STATS_NO_CONVERGENCE'));
    const fit = fitInterruptedTimeSeries({ ...input, control: { maxIterations: 1, requireConvergence: false } });
    expect(fit.converged).toBe(false);
    expect(fit.iterations).toBe(1);
    expect(Number.isFinite(fit.deviance)).toBe(true);
  });

  it('falls back to Poisson, with a flag, when theta runs to infinity (no overdispersion)', () => {
    const counts = [100, 101, 99, 100, 102, 98, 100, 101, 99, 100, 90, 91, 89, 90, 92, 88, 90, 91];
    const negbin = fitInterruptedTimeSeries({ counts, breakIndex: 10, family: 'negbin' });
    const poisson = fitInterruptedTimeSeries({ counts, breakIndex: 10, family: 'poisson' });
    expect(negbin.negbinFellBackToPoisson).toBe(true);
    expect(negbin.family).toBe('negbin');
    expect(negbin.fittedFamily).toBe('poisson');
    expect(negbin.theta).toBeNull();
    expect(negbin.thetaSe).toBeNull();
    negbin.coefficients.forEach((c, j) => {
      expectClose(c.estimate, poisson.coefficients[j]?.estimate ?? Number.NaN, 1e-15, c.name);
      expectClose(c.se, poisson.coefficients[j]?.se ?? Number.NaN, 1e-15, `${c.name} se`);
    });
    expectClose(negbin.aic ?? Number.NaN, poisson.aic ?? Number.NaN, 1e-15, 'AIC');
    // A theta above the configured limit is also treated as infinite.
    const capped = fitInterruptedTimeSeries({ ...base, family: 'negbin', control: { thetaLimit: 100 } });
    expect(capped.negbinFellBackToPoisson).toBe(true);
  });

  it('handles huge counts: coefficients are scale-invariant except the intercept', () => {
    const scale = 1000;
    const fit = fitInterruptedTimeSeries({ ...base, family: 'poisson' });
    const big = fitInterruptedTimeSeries({ ...base, family: 'poisson', counts: sicily.aces.map((y) => y * scale) });
    expectClose(getCoefficient(big, 'level').estimate, getCoefficient(fit, 'level').estimate, 1e-9, 'level');
    expectClose(getCoefficient(big, 'time').estimate, getCoefficient(fit, 'time').estimate, 1e-9, 'time');
    expectClose(getCoefficient(big, 'intercept').estimate, getCoefficient(fit, 'intercept').estimate + Math.log(scale), 1e-11, 'intercept');
    expectClose(getCoefficient(big, 'level').se, getCoefficient(fit, 'level').se / Math.sqrt(scale), 1e-9, 'level se');
    expect(Number.isFinite(big.aic ?? Number.NaN)).toBe(true);
  });

  it('accepts non-integer counts for quasi-Poisson and reports no likelihood for them', () => {
    const counts = sicily.aces.map((y, i) => y + (i % 3) / 4);
    const fit = fitInterruptedTimeSeries({ ...base, counts, family: 'poisson' });
    expect(fit.logLik).toBeNull();
    expect(fit.aic).toBeNull();
    expect(Number.isFinite(getCoefficient(fit, 'level').estimate)).toBe(true);
  });

  it('names an unknown coefficient in the error', () => {
    const fit = fitInterruptedTimeSeries({ ...base, family: 'poisson' });
    expect(() => getCoefficient(fit, 'slope')).toThrowError(code('STATS_INVALID_INPUT'));
  });
});
