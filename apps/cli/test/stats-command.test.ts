import { closeSync, ftruncateSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vectors, type GlmVector } from '../../../packages/domain/test/statistics/test-vectors.js';
import { sandbox, type RunResult } from './cli-harness.js';

/**
 * End-to-end tests of `pactwatch stats` against R 4.2.2 reference values. The CSV fixtures are
 * written into each sandbox from shared/data/stats/testvectors.json; nothing is committed.
 */

const sicily = vectors.sicily;
const coal = vectors.coal_1851_1962;

/** The project's accuracy requirement against R. */
const REL = 1e-6;

function expectRel(actual: unknown, expected: number, label: string, tolerance = REL): void {
  expect(typeof actual, `${label}: ${String(actual)}`).toBe('number');
  const value = actual as number;
  const scale = Math.max(Math.abs(expected), Number.MIN_VALUE);
  const error = expected === 0 ? Math.abs(value) : Math.abs(value - expected) / scale;
  expect(error, `${label}: ${value} vs R ${expected}`).toBeLessThanOrEqual(tolerance);
}

type Sandbox = ReturnType<typeof sandbox>;

/** Writes a CSV into the sandbox and returns its path. */
function writeCsv(s: Sandbox, name: string, text: string): string {
  s.write(name, text);
  return join(s.data, name);
}

function sicilyCsv(s: Sandbox): string {
  const lines = ['time,month,aces,stdpop', ...sicily.aces.map((aces, i) => `${i + 1},${(i % 12) + 1},${aces},${sicily.stdpop[i]}`)];
  return writeCsv(s, 'sicily.csv', `${lines.join('\n')}\n`);
}

function countCsv(s: Sandbox, name: string, counts: readonly number[]): string {
  return writeCsv(s, name, `${['period,count', ...counts.map((c, i) => `${i + 1},${c}`)].join('\n')}\n`);
}

function okJson(result: RunResult): Record<string, unknown> {
  expect(result.status, result.stderr).toBe(0);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

// R term labels -> pactwatch coefficient names (harmonic order: sin1, sin2, cos1, cos2, see the vectors' note).
const TERM: Readonly<Record<string, string>> = {
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

interface CoefficientJson {
  estimate: number;
  se: number;
  ci: [number, number];
  rr: number | null;
  rrCi: [number | null, number | null] | null;
}

function expectCoefficients(out: Record<string, unknown>, reference: GlmVector, terms: readonly string[]): void {
  const coefficients = out['coefficients'] as Record<string, CoefficientJson>;
  expect(Object.keys(coefficients).sort()).toEqual(terms.map((t) => TERM[t]).sort());
  terms.forEach((term, j) => {
    const name = TERM[term] ?? term;
    const c = coefficients[name];
    expect(c, name).toBeDefined();
    if (c === undefined) return;
    expectRel(c.estimate, reference.coef[j] ?? Number.NaN, `${name} estimate`);
    expectRel(c.se, reference.se[j] ?? Number.NaN, `${name} se`);
    const z = 1.959963984540054;
    expectRel(c.ci[0], (reference.coef[j] ?? 0) - z * (reference.se[j] ?? 0), `${name} ci lower`);
    expectRel(c.ci[1], (reference.coef[j] ?? 0) + z * (reference.se[j] ?? 0), `${name} ci upper`);
    if (name === 'intercept') {
      expect(c.rr).toBeNull();
      expect(c.rrCi).toBeNull();
    } else if (reference.rr !== undefined) {
      expectRel(c.rr, reference.rr[j] ?? Number.NaN, `${name} rr`);
      expectRel(c.rrCi?.[0], reference.rr_lo95?.[j] ?? Number.NaN, `${name} rr lower`);
      expectRel(c.rrCi?.[1], reference.rr_hi95?.[j] ?? Number.NaN, `${name} rr upper`);
    } else {
      expectRel(c.rr, Math.exp(reference.coef[j] ?? Number.NaN), `${name} rr = exp(coef)`);
    }
  });
}

function expectFitStatistics(out: Record<string, unknown>, reference: GlmVector): void {
  if (reference.deviance !== undefined) expectRel(out['deviance'], reference.deviance, 'deviance');
  if (reference.pearson_chi2 !== undefined) expectRel(out['pearsonChi2'], reference.pearson_chi2, 'Pearson chi2');
  if (reference.dispersion !== undefined) expectRel(out['dispersion'], reference.dispersion, 'dispersion');
  if (reference.df_resid !== undefined) expect(out['dfResidual']).toBe(reference.df_resid);
}

describe('pactwatch stats its: Sicily smoking ban against R glm / MASS::glm.nb', () => {
  const base = (csv: string): string[] => ['stats', 'its', '--series', csv, '--break', String(sicily.smokban_from_time), '--count-column', 'aces', '--offset-column', 'stdpop'];

  it('model 1, Poisson: coefficients, SEs, rate ratios, deviance, logLik, AIC, fitted and counterfactual', () => {
    const s = sandbox();
    const out = okJson(s.run([...base(sicilyCsv(s)), '--family', 'poisson', '--json']));
    const m1 = sicily.model1_poisson;
    expectCoefficients(out, m1, TERMS3);
    expectFitStatistics(out, m1);
    expectRel(out['logLik'], m1.loglik ?? Number.NaN, 'logLik');
    expectRel(out['aic'], m1.aic ?? Number.NaN, 'AIC');
    expect(out).toMatchObject({
      method: 'interrupted-time-series',
      series: { observations: 59, countColumn: 'aces', offsetColumn: 'stdpop' },
      breakObservation: 37,
      offset: 'log(stdpop)',
      family: 'poisson',
      fittedFamily: 'poisson',
      negbinFellBackToPoisson: false,
      slopeChange: false,
      seasonality: null,
      confLevel: 0.95,
      dfNull: 58,
      converged: true,
      theta: null,
    });
    expect(out['iterations']).toBeGreaterThan(1);
    // The fitted values follow from R's coefficients: mu_t = stdpop_t * exp(b0 + b_time t + b_level L_t).
    const [b0, bLevel, bTime] = m1.coef as [number, number, number];
    const fitted = out['fitted'] as number[];
    const counterfactual = out['counterfactual'] as number[];
    expect(fitted).toHaveLength(59);
    expect(counterfactual).toHaveLength(59);
    for (const i of [0, 35, 36, 58]) {
      const t = i + 1;
      const level = i >= 36 ? 1 : 0;
      expectRel(fitted[i], (sicily.stdpop[i] ?? 0) * Math.exp(b0 + bTime * t + bLevel * level), `fitted[${i}]`);
      expectRel(counterfactual[i], (sicily.stdpop[i] ?? 0) * Math.exp(b0 + bTime * t), `counterfactual[${i}]`);
    }
    // A Poisson GLM with an intercept reproduces the total count.
    expectRel(fitted.reduce((a, b) => a + b, 0), sicily.aces.reduce((a, b) => a + b, 0), 'sum of fitted values', 1e-9);
  });

  it('model 2, quasi-Poisson (the default family): dispersion-scaled SEs, no AIC', () => {
    const s = sandbox();
    const out = okJson(s.run([...base(sicilyCsv(s)), '--json']));
    expect(out['family']).toBe('quasipoisson');
    expectCoefficients(out, sicily.model2_quasipoisson, TERMS3);
    expectFitStatistics(out, sicily.model2_quasipoisson);
    expect(out['aic']).toBeNull();
  });

  it('model 3, quasi-Poisson with two harmonic pairs; a month column gives the same fit', () => {
    const s = sandbox();
    const csv = sicilyCsv(s);
    const out = okJson(s.run([...base(csv), '--seasonal', '2', '--period', '12', '--json']));
    expectCoefficients(out, sicily.model3_quasipoisson_harmonic, TERMS7);
    expectFitStatistics(out, sicily.model3_quasipoisson_harmonic);
    expect(out['seasonality']).toEqual({ harmonics: 2, period: 12, positionColumn: null });
    const byMonth = okJson(s.run([...base(csv), '--seasonal', '2', '--season-column', 'month', '--json']));
    expectCoefficients(byMonth, sicily.model3_quasipoisson_harmonic, TERMS7);
    expect(byMonth['seasonality']).toEqual({ harmonics: 2, period: 12, positionColumn: 'month' });
  });

  it('model 4, quasi-Poisson with harmonics and a slope change', () => {
    const s = sandbox();
    const out = okJson(s.run([...base(sicilyCsv(s)), '--seasonal', '2', '--slope', '--json']));
    expectCoefficients(out, sicily.model4_quasipoisson_slopechange, sicily.model4_quasipoisson_slopechange.terms ?? []);
    expectFitStatistics(out, sicily.model4_quasipoisson_slopechange);
    expect(out['slopeChange']).toBe(true);
    // Before the break the counterfactual is the fit; from it on, level and slope are switched off.
    const fitted = out['fitted'] as number[];
    const counterfactual = out['counterfactual'] as number[];
    expect(counterfactual.slice(0, 36)).toEqual(fitted.slice(0, 36));
    const coefficients = out['coefficients'] as Record<string, CoefficientJson>;
    const effect = Math.exp((coefficients['level']?.estimate ?? 0) + 3 * (coefficients['slope']?.estimate ?? 0));
    expectRel((fitted[38] ?? 0) / (counterfactual[38] ?? 1), effect, 'fitted / counterfactual at observation 39', 1e-12);
  });

  it('negative binomial, models 1 and 3: coefficients, SEs, theta, SE(theta), 2 logLik', () => {
    const s = sandbox();
    const csv = sicilyCsv(s);
    for (const [reference, extra, terms] of [
      [sicily.nb_model1, [], TERMS3],
      [sicily.nb_model3, ['--seasonal', '2'], TERMS7],
    ] as const) {
      const out = okJson(s.run([...base(csv), '--family', 'negbin', ...extra, '--json']));
      expect(out).toMatchObject({ family: 'negbin', fittedFamily: 'negbin', negbinFellBackToPoisson: false, converged: true });
      expectCoefficients(out, reference, terms);
      expectRel(out['theta'], reference.theta ?? Number.NaN, 'theta');
      expectRel(out['thetaSe'], reference.se_theta ?? Number.NaN, 'SE(theta)');
      expectRel(2 * (out['logLik'] as number), reference.twologlik ?? Number.NaN, '2 logLik');
      expectRel(out['aic'], -(reference.twologlik ?? 0) + 2 * terms.length + 2, 'AIC');
      expect(out['alternations']).toBeGreaterThanOrEqual(1);
    }
  });

  it('negbin without overdispersion falls back to the Poisson fit and says so', () => {
    const s = sandbox();
    // Underdispersed counts: the score for 1/theta at 0 is negative, so theta runs to infinity.
    const csv = countCsv(s, 'under.csv', [5, 5, 6, 5, 5, 4, 5, 3, 3, 4, 3, 3]);
    const negbin = okJson(s.run(['stats', 'its', '--series', csv, '--break', '7', '--family', 'negbin', '--json']));
    const poisson = okJson(s.run(['stats', 'its', '--series', csv, '--break', '7', '--family', 'poisson', '--json']));
    expect(negbin).toMatchObject({ family: 'negbin', fittedFamily: 'poisson', negbinFellBackToPoisson: true, theta: null, thetaSe: null, dispersion: 1 });
    expect(negbin['coefficients']).toEqual(poisson['coefficients']);
    expect(negbin['aic']).toBe(poisson['aic']);
    const text = s.run(['stats', 'its', '--series', csv, '--break', '7', '--family', 'negbin']);
    expect(text.stdout).toContain('negbin requested; theta ran to infinity (no overdispersion), so the Poisson fit is shown');
  });

  it('fits a constant series of 1e9 (it ended with STATS_NO_CONVERGENCE) and uses Poisson intervals for the exact fit', () => {
    const s = sandbox();
    const csv = countCsv(s, 'flat.csv', Array.from({ length: 12 }, () => 1e9));
    const out = okJson(s.run(['stats', 'its', '--series', csv, '--break', '7', '--json']));
    expect(out).toMatchObject({ family: 'quasipoisson', converged: true, exactFit: true, dispersion: 1 });
    const level = (out['coefficients'] as Record<string, { rrCi: [number, number] }>)['level'];
    expect(level?.rrCi[0]).toBeLessThanOrEqual(1);
    expect(level?.rrCi[1]).toBeGreaterThanOrEqual(1);
    const text = s.run(['stats', 'its', '--series', csv, '--break', '7']);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('dispersion 1: the counts lie on the fitted curve');
    const scattered = okJson(s.run([...base(sicilyCsv(s)), '--family', 'quasipoisson', '--json']));
    expect(scattered['exactFit']).toBe(false);
  });

  it('prints a coefficient table with estimate, SE, CI, RR and its CI, and a one-line reading', () => {
    const s = sandbox();
    const run = s.run([...base(sicilyCsv(s)), '--family', 'poisson']);
    expect(run.status, run.stderr).toBe(0);
    const m1 = sicily.model1_poisson;
    const j = TERMS3.indexOf('smokban');
    const fourSig = (x: number): string => x.toPrecision(4);
    expect(run.stdout).toContain('Interrupted time series: poisson fit');
    expect(run.stdout).toMatch(/term\s+estimate\s+SE\s+95% CI\s+RR\s+RR 95% CI/);
    const levelRow = run.stdout.split('\n').find((line) => line.startsWith('level change at the break')) ?? '';
    expect(levelRow).toContain(fourSig(m1.rr?.[j] ?? Number.NaN));
    expect(levelRow).toContain(`${fourSig(m1.rr_lo95?.[j] ?? Number.NaN)}–${fourSig(m1.rr_hi95?.[j] ?? Number.NaN)}`);
    expect(levelRow).toContain(fourSig(m1.se[j] ?? Number.NaN));
    expect(run.stdout).toContain(`deviance ${(m1.deviance ?? 0).toPrecision(6)} on 56 df`);
    expect(run.stdout).toContain(`AIC ${(m1.aic ?? 0).toPrecision(6)}`);
    expect(run.stdout).toContain(`Reading: at the break the rate changed by a factor ${(m1.rr?.[j] ?? 0).toPrecision(3)}`);
    const withFitted = s.run([...base(join(s.data, 'sicily.csv')), '--family', 'poisson', '--fitted']);
    expect(withFitted.stdout).toMatch(/observation\s+count\s+fitted\s+counterfactual/);
    expect(withFitted.stdout).toMatch(new RegExp(`\\n1\\s+${sicily.aces[0]}\\s+\\d`));
  });
});

describe('pactwatch stats rate-ratio against R poisson.test', () => {
  const twoSample = vectors.poisson_test.filter((c) => c.x.length === 2);

  it.each(twoSample.map((c, i) => [i, c] as const))('case %i: ratio, exact interval and p-value', (_i, c) => {
    // R's poisson.test(c(x1, x2), c(T1, T2)) estimates rate1 / rate2, so x1 is the "after" count.
    const s = sandbox();
    const [after, before] = c.x as [number, number];
    const [exposureAfter, exposureBefore] = c.T as [number, number];
    const out = okJson(
      s.run(['stats', 'rate-ratio', '--before', `${before}:${exposureBefore}`, '--after', `${after}:${exposureAfter}`, ...(c.alternative === undefined ? [] : ['--alternative', c.alternative]), '--json']),
    );
    expect(out).toMatchObject({
      method: 'exact-conditional-poisson',
      ratio: 'after/before',
      before: { count: before, exposure: exposureBefore },
      after: { count: after, exposure: exposureAfter },
      confLevel: 0.95,
      alternative: c.alternative ?? 'two-sided',
      twoSidedRule: 'minlike',
      nullRatio: 1,
    });
    expectRel((out['before'] as { rate: number }).rate, before / exposureBefore, 'before rate', 1e-15);
    expectRel(out['rateRatio'], c.rr ?? Number.NaN, 'rate ratio');
    const ci = out['ci'] as [number | null, number | null];
    expectRel(ci[0], c.ci[0], 'lower limit');
    if (c.ci[1] === 'Inf') expect(ci[1]).toBeNull();
    else expectRel(ci[1], c.ci[1], 'upper limit');
    expectRel(out['pValue'], c.p ?? c['p_R_poisson.test'] ?? Number.NaN, 'p-value');
  });

  it('offers the central two-sided rule (rateratio.test) and prints a one-line reading', () => {
    const s = sandbox();
    const c = twoSample.find((v) => v['p_central_rateratio.test'] !== undefined);
    if (c === undefined) throw new Error('the vectors lost their central-rule case');
    const args = ['stats', 'rate-ratio', '--before', `${c.x[1]}:${c.T[1]}`, '--after', `${c.x[0]}:${c.T[0]}`];
    const central = okJson(s.run([...args, '--two-sided-rule', 'central', '--json']));
    expect(central['twoSidedRule']).toBe('central');
    // rateratio.test printed four significant digits.
    expect(Math.abs((central['pValue'] as number) - (c['p_central_rateratio.test'] ?? 0))).toBeLessThan(5e-6);
    expectRel(central['rateRatio'], c.rr ?? Number.NaN, 'rate ratio');

    const text = s.run(['stats', 'rate-ratio', '--before', '10:20000', '--after', '2:17877']);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('after/before rate ratio 0.224 (95% CI 0.0238–1.05), p = 0.042 (exact conditional test)');
    expect(text.stdout).toContain('before: 10 events / exposure 20000 = rate 0.0005000');
    const oneSided = s.run(['stats', 'rate-ratio', '--before', '4:12', '--after', '12:12', '--alternative', 'greater']);
    expect(oneSided.stdout).toContain('after/before rate ratio 3.00 (95% CI 1.06–∞), p = 0.038 (exact conditional test, one-sided: ratio > 1)');
  });

  it('honours --conf-level and reports an unbounded ratio as null when nothing happened before', () => {
    const s = sandbox();
    const out = okJson(s.run(['stats', 'rate-ratio', '--before', '0:12', '--after', '8:24', '--conf-level', '0.9', '--json']));
    expect(out['rateRatio']).toBeNull();
    expect(out['confLevel']).toBe(0.9);
    const ci = out['ci'] as [number, number | null];
    expect(ci[1]).toBeNull();
    // R: poisson.test(c(8, 0), c(24, 12), conf.level = 0.9): lower = qbeta(0.05, 8, 1) / (1 - ...) * 12/24.
    const p = 0.05 ** (1 / 8);
    expectRel(ci[0], (p / (1 - p)) * (12 / 24), 'lower limit at 90%', 1e-9);
    // The p-value is the mirror image of the vectors' 0-vs-8 case (same exposures swapped).
    const mirror = twoSample.find((c) => c.x[0] === 0 && c.x[1] === 8);
    expectRel(out['pValue'], mirror?.p ?? Number.NaN, 'p-value');
  });
});

describe('pactwatch stats changepoints against R changepoint 2.3 and ocp', () => {
  it('PELT with the Poisson cost finds R cpts() on the coal series for MBIC, BIC, AIC and a manual penalty', () => {
    const s = sandbox();
    const csv = countCsv(s, 'coal.csv', coal.counts);
    const reference = coal.changepoint_meanvar_poisson;
    const mbic = okJson(s.run(['stats', 'changepoints', '--series', csv, '--method', 'pelt', '--json']));
    expect(mbic).toMatchObject({ method: 'PELT', cost: 'poisson', penaltyType: 'MBIC', minSegmentLength: 2, changepoints: reference.PELT_MBIC });
    expectRel(mbic['penaltyValue'], reference.pen_MBIC, 'MBIC penalty', 1e-9);
    expect(mbic['segments']).toHaveLength(2);
    const segments = mbic['segments'] as Array<{ firstObservation: number; lastObservation: number; observations: number; total: number; mean: number }>;
    expect(segments.map((g) => [g.firstObservation, g.lastObservation, g.observations])).toEqual([
      [1, 41, 41],
      [42, 112, 71],
    ]);
    segments.forEach((g, k) => expectRel(g.mean, reference.segment_means_MBIC[k] ?? Number.NaN, `segment ${k + 1} mean`, 1e-10));
    expect(segments.map((g) => g.total)).toEqual([coal.counts.slice(0, 41).reduce((a, b) => a + b, 0), coal.counts.slice(41).reduce((a, b) => a + b, 0)]);

    const bic = okJson(s.run(['stats', 'changepoints', '--series', csv, '--penalty', 'bic', '--json']));
    expect(bic['changepoints']).toEqual(reference.PELT_BIC);
    expectRel(bic['penaltyValue'], reference.pen_BIC, 'BIC penalty', 1e-9);
    expect(okJson(s.run(['stats', 'changepoints', '--series', csv, '--penalty', 'aic', '--json']))['changepoints']).toEqual(reference.PELT_AIC);
    const manual = okJson(s.run(['stats', 'changepoints', '--series', csv, '--penalty', String(reference.pen_BIC), '--json']));
    expect(manual).toMatchObject({ penaltyType: 'Manual', penaltyValue: reference.pen_BIC, changepoints: reference.PELT_BIC });
    expect(okJson(s.run(['stats', 'changepoints', '--series', csv, '--method', 'amoc', '--json']))['changepoints']).toEqual(reference.AMOC_MBIC);
  });

  it('AMOC, PELT and BinSeg on the synthetic series match R', () => {
    const s = sandbox();
    const synthetic = vectors.synthetic36;
    const csv = countCsv(s, 'synthetic.csv', synthetic.counts);
    const reference = synthetic.changepoint_meanvar_poisson;
    expect(okJson(s.run(['stats', 'changepoints', '--series', csv, '--json']))['changepoints']).toEqual(reference.PELT_MBIC);
    expect(okJson(s.run(['stats', 'changepoints', '--series', csv, '--method', 'amoc', '--json']))['changepoints']).toEqual(reference.AMOC_MBIC);
    const binseg = okJson(s.run(['stats', 'changepoints', '--series', csv, '--method', 'binseg', '--max-changepoints', '5', '--json']));
    expect(binseg).toMatchObject({ method: 'BinSeg', maxChangepoints: 5, changepoints: reference.BinSeg_MBIC_Q5 });
  });

  it('BOCPD reports ocp maxCPs as segment starts and the same changepoint convention', () => {
    const s = sandbox();
    const coalOut = okJson(s.run(['stats', 'changepoints', '--series', countCsv(s, 'coal.csv', coal.counts), '--method', 'bocpd', '--hazard', '0.01', '--json']));
    const maxCPs = coal.ocp_bocpd_poisson_gamma11_hazard1over100.maxCPs_segment_starts;
    expect(coalOut).toMatchObject({ method: 'BOCPD', hazard: 0.01, prior: { shape: 1, rate: 1 }, changepoints: maxCPs.slice(1).map((start) => start - 1) });
    expect((coalOut['segments'] as Array<{ firstObservation: number }>).map((g) => g.firstObservation)).toEqual(maxCPs);
    expect(coalOut['runLengthPosterior']).toBeUndefined();

    const synthetic = okJson(s.run(['stats', 'changepoints', '--series', countCsv(s, 'synthetic.csv', vectors.synthetic36.counts), '--method', 'bocpd', '--json']));
    expect((synthetic['segments'] as Array<{ firstObservation: number }>).map((g) => g.firstObservation)).toEqual(vectors.synthetic36.ocp_bocpd_poisson_gamma11.maxCPs_segment_starts);
  });

  it('BOCPD --posterior gives ocp run-length probabilities (row t = after observation t)', () => {
    const s = sandbox();
    const small = vectors.bocpd_small;
    const [shape, rate] = small.prior_gamma_shape_rate;
    const out = okJson(
      s.run(['stats', 'changepoints', '--series', countCsv(s, 'small.csv', small.x), '--method', 'bocpd', '--hazard', String(small.hazard), '--prior', `${shape}:${rate}`, '--posterior', '--json']),
    );
    const posterior = out['runLengthPosterior'] as number[][];
    const reference = small['R_columns_t0_to_t6_rows_runlength0..6'];
    expect(posterior).toHaveLength(reference.length);
    reference.forEach((column, t) => {
      column.forEach((value, r) => expect(Math.abs((posterior[t]?.[r] ?? 0) - value), `t=${t} r=${r}`).toBeLessThan(5e-9));
    });
    const text = s.run(['stats', 'changepoints', '--series', join(s.data, 'small.csv'), '--method', 'bocpd', '--hazard', String(small.hazard), '--posterior']);
    expect(text.stdout).toMatch(/observation\s+count\s+most probable run length\s+its probability/);
    // After observation 4 (a 0 after 5, 4, 6) the most probable run length is 1 (0.593 in R).
    expect(text.stdout).toMatch(/\n4\s+0\s+1\s+0\.593\n/);
  });

  it('prints the changepoints and a segment table for people', () => {
    const s = sandbox();
    const run = s.run(['stats', 'changepoints', '--series', countCsv(s, 'coal.csv', coal.counts)]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('PELT, Poisson cost, MBIC penalty 14.1555 per changepoint, minimum segment length 2');
    expect(run.stdout).toContain('1 changepoint (R cpts: last observation before each change): 41');
    expect(run.stdout).toMatch(/\n1\s+1\s+41\s+41\s+127\s+3\.098\n2\s+42\s+112\s+71\s+64\s+0\.9014\n/);
  });
});

describe('pactwatch stats: CSV reading', () => {
  it('accepts a BOM, CRLF line ends, quoted fields (with commas, quotes and line breaks) and trailing blank lines', () => {
    const s = sandbox();
    const rows = coal.counts.map((c, i) => (i === 0 ? `"year 1851, ""first""\r\nof the series","${c}"` : i % 2 === 0 ? `${1851 + i},"${c}"` : `${1851 + i},${c}`));
    const csv = writeCsv(s, 'coal-quoted.csv', `\uFEFF"label",count\r\n${rows.join('\r\n')}\r\n\r\n`);
    const out = okJson(s.run(['stats', 'changepoints', '--series', csv, '--json']));
    expect(out['series']).toMatchObject({ observations: 112, countColumn: 'count' });
    expect(out['changepoints']).toEqual(coal.changepoint_meanvar_poisson.PELT_MBIC);
  });

  it('names the file, row and column of a bad value (exit 3), and lists several', () => {
    const s = sandbox();
    const csv = writeCsv(s, 'series.csv', 'month,count\n1,3\n2,4\n3,5\n4,6\n5,1\n6,12a\n7,3\n8,2\n');
    const bad = s.run(['stats', 'its', '--series', csv, '--break', '4']);
    expect(bad.status).toBe(3);
    expect(bad.stderr).toContain('error[VALIDATION_FAILED]');
    expect(bad.stderr).toContain('series.csv: row 7: count: "12a" is not a non-negative whole number');
    expect(bad.stdout).toBe('');

    const several = writeCsv(s, 'several.csv', 'count,days\n-2,30\n1.5,31\n4,0\n');
    const many = s.run(['stats', 'its', '--series', several, '--break', '2', '--offset-column', 'days']);
    expect(many.status).toBe(3);
    expect(many.stderr).toContain('several.csv: 3 invalid values');
    expect(many.stderr).toContain('several.csv: row 2: count: "-2" is not a non-negative whole number');
    expect(many.stderr).toContain('several.csv: row 3: count: "1.5" is not a non-negative whole number');
    expect(many.stderr).toContain('several.csv: row 4: days: "0" is not a positive number (an exposure)');
  });

  it('refuses malformed CSV with the row and the reason (exit 3)', () => {
    const s = sandbox();
    const cases: Array<[string, string]> = [
      ['a,count\n1,2\n2,3,4\n', 'row 3: has 3 fields, the header has 2'],
      ['a,count\n1,2\n2,3"\n', 'row 3: field 2: a quote inside an unquoted field'],
      ['a,count\n1,"2"x\n', 'row 2: field 2: unexpected text after the closing quote'],
      ['a,count\n1,2\n2,"3\n', 'row 3: field 2: the quoted field is never closed'],
      ['a,count\n1,2\n\n2,3\n', 'row 3: blank line between data rows'],
      ['count,count\n1,2\n', 'row 1: column "count" appears twice in the header'],
      ['', 'is empty: expected a header row'],
    ];
    cases.forEach(([text, message], k) => {
      const csv = writeCsv(s, `malformed-${k}.csv`, text);
      const run = s.run(['stats', 'changepoints', '--series', csv]);
      expect(run.status, text).toBe(3);
      expect(run.stderr).toContain(`malformed-${k}.csv: ${message}`);
    });
  });

  it('names a missing count or offset column (exit 3)', () => {
    const s = sandbox();
    const csv = sicilyCsv(s);
    const noCount = s.run(['stats', 'its', '--series', csv, '--break', '37']);
    expect(noCount.status).toBe(3);
    expect(noCount.stderr).toContain('sicily.csv: no "count" column');
    expect(noCount.stderr).toContain('the header has "time", "month", "aces", "stdpop"');
    const noOffset = s.run(['stats', 'its', '--series', csv, '--break', '37', '--count-column', 'aces', '--offset-column', 'population']);
    expect(noOffset.status).toBe(3);
    expect(noOffset.stderr).toContain('sicily.csv: no "population" column (named by --offset-column)');
  });

  it('a missing file or a folder is a file error (exit 8), and so is a file over 50 MB', () => {
    const s = sandbox();
    const missing = s.run(['stats', 'its', '--series', join(s.dir, 'nope.csv'), '--break', '2']);
    expect(missing.status).toBe(8);
    expect(missing.stderr).toContain(`error[FILE_ERROR]: ${join(s.dir, 'nope.csv')}: cannot read the series: no such file`);
    const folder = s.run(['stats', 'changepoints', '--series', s.data]);
    expect(folder.status).toBe(8);
    expect(folder.stderr).toContain('is a folder, not a file');
    const huge = join(s.dir, 'huge.csv');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024 + 1);
    closeSync(fd);
    const tooBig = s.run(['stats', 'changepoints', '--series', huge]);
    expect(tooBig.status).toBe(8);
    expect(tooBig.stderr).toContain('huge.csv: the file is 50.0 MB; series files are limited to 50 MB');
  });
});

describe('pactwatch stats: option and statistics errors', () => {
  it('bad option values are usage errors (exit 2) naming the option', () => {
    const s = sandbox();
    const csv = sicilyCsv(s);
    const its = ['stats', 'its', '--series', csv, '--count-column', 'aces'];
    const cases: Array<[string[], string]> = [
      [[...its, '--break', '37', '--family', 'gaussian'], '--family must be one of quasipoisson, poisson, negbin, got "gaussian"'],
      [[...its, '--break', '1'], '--break must be a whole number of at least 2, got "1"'],
      [[...its, '--break', '60'], '--break 60 is past the last observation'],
      [[...its, '--break', '37', '--seasonal', '7'], '--seasonal must be at most --period / 2 (6), got 7'],
      [[...its, '--break', '37', '--period', '12'], '--period needs --seasonal K'],
      [[...its, '--break', '37', '--conf-level', '95'], '--conf-level must be a number strictly between 0 and 1'],
      [['stats', 'rate-ratio', '--before', '12', '--after', '3:12'], '--before must be COUNT:EXPOSURE'],
      [['stats', 'rate-ratio', '--before', '12:0', '--after', '3:12'], '--before: the exposure after ":" must be a positive number, got "0"'],
      [['stats', 'rate-ratio', '--before', '12:12', '--after', '3:12', '--two-sided-rule', 'doubled'], '--two-sided-rule must be one of minlike, central'],
      [['stats', 'changepoints', '--series', csv, '--method', 'cusum'], '--method must be one of pelt, amoc, binseg, bocpd, got "cusum"'],
      [['stats', 'changepoints', '--series', csv, '--penalty', 'loose'], '--penalty must be mbic, bic, aic, hannan-quinn, none or a non-negative number'],
      [['stats', 'changepoints', '--series', csv, '--hazard', '0.1'], '--hazard applies to --method bocpd, not pelt'],
      [['stats', 'changepoints', '--series', csv, '--method', 'bocpd', '--hazard', '1.5'], '--hazard must be a probability strictly between 0 and 1'],
      [['stats', 'changepoints', '--series', csv, '--min-seglen', '0'], '--min-seglen must be a whole number of at least 1, got "0"'],
    ];
    for (const [args, message] of cases) {
      const run = s.run(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(`error[USAGE]: ${message}`);
    }
    const unknown = s.run(['stats', 'its', '--series', csv, '--break', '37', '--bogus']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown option '--bogus'");
    const missing = s.run(['stats', 'rate-ratio', '--after', '3:12']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("required option '--before <count:exposure>' not specified");
  });

  it('statistics that cannot be computed exit 9 with the STATS_* code', () => {
    const s = sandbox();
    const zeros = s.run(['stats', 'its', '--series', countCsv(s, 'zeros.csv', [0, 0, 0, 0, 0, 0]), '--break', '4']);
    expect(zeros.status).toBe(9);
    expect(zeros.stderr).toContain('error[STATS_DEGENERATE_INPUT]: every count is zero');
    const separated = s.run(['stats', 'its', '--series', countCsv(s, 'separated.csv', [3, 5, 4, 6, 0, 0, 0, 0]), '--break', '5']);
    expect(separated.status).toBe(9);
    expect(separated.stderr).toContain('error[STATS_SEPARATION]');
    const short = s.run(['stats', 'its', '--series', countCsv(s, 'short.csv', [3, 5, 4]), '--break', '2']);
    expect(short.status).toBe(9);
    expect(short.stderr).toContain('error[STATS_INSUFFICIENT_DATA]: 3 observations cannot support 3 coefficients');
    const none = s.run(['stats', 'rate-ratio', '--before', '0:12', '--after', '0:12']);
    expect(none.status).toBe(9);
    expect(none.stderr).toContain('error[STATS_DEGENERATE_INPUT]: no events before or after the break');
    const tooShort = s.run(['stats', 'changepoints', '--series', countCsv(s, 'three.csv', [1, 2, 3])]);
    expect(tooShort.status).toBe(9);
    expect(tooShort.stderr).toContain('error[STATS_INSUFFICIENT_DATA]');
  });

  it('each subcommand has help with examples and the conventions', () => {
    const s = sandbox();
    const rateRatio = s.run(['stats', 'rate-ratio', '--help']);
    expect(rateRatio.status).toBe(0);
    expect(rateRatio.stdout).toContain('pactwatch stats rate-ratio --before 60:12 --after 5:12');
    expect(rateRatio.stdout).toContain("minlike  (default, R's rule)");
    expect(rateRatio.stdout).toContain('central  twice the smaller one-sided tail');
    const its = s.run(['stats', 'its', '--help']);
    expect(its.status).toBe(0);
    expect(its.stdout).toContain('pactwatch stats its --series sicily.csv --break 37 --offset-column stdpop');
    expect(its.stdout).toContain('--break INDEX is the number of the first observation AFTER the intervention');
    const changepoints = s.run(['stats', 'changepoints', '--help']);
    expect(changepoints.status).toBe(0);
    expect(changepoints.stdout).toContain("Changepoints are reported as R's cpts()");
    expect(changepoints.stdout).toContain('pactwatch stats changepoints --series coal.csv --method bocpd');
  });
});
