/**
 * Output of `pactwatch stats`: the JSON documents (stable field names, 1-based observation
 * numbers, unbounded limits as null) and the text for people.
 */
import type { Alternative, BocpdResult, ChangepointResult, ItsFit, PenaltyType, RateRatioResult, TwoSidedRule } from '@pactwatch/domain';
import type { Colors } from './output.js';
import { renderTable } from './table.js';

/** The one sentence every changepoint document carries about how it counts. */
export const CHANGEPOINT_INDEXING =
  'observations are numbered from 1 (the first data row, the header not counted); changepoints are R cpts(): ' +
  'the number of the last observation of each segment except the final one, so a new segment starts at changepoint + 1';

// ---------------------------------------------------------------------------------------------
// Numbers

/** Infinite or NaN becomes null, as JSON has no Infinity (docs/STATISTICS.md). */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** A number with `digits` significant digits, without exponent for everyday magnitudes. */
export function sig(value: number, digits = 4): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '∞';
  if (value === Number.NEGATIVE_INFINITY) return '-∞';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude < 1e-4 || magnitude >= 1e12) return value.toExponential(digits - 1).replace('e+', 'e');
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(magnitude)));
  return value.toFixed(Math.min(decimals, 20));
}

/** A value someone typed (an exposure, a period, a hazard): up to 6 significant digits, no trailing zeros. */
export function plain(value: number): string {
  const text = sig(value, 6);
  return text.includes('.') && !text.includes('e') ? text.replace(/\.?0+$/, '') : text;
}

/** p-values: two significant digits, exponent form below 0.001. */
export function formatP(p: number): string {
  if (p === 0) return '0';
  if (p < 1e-3) return p.toExponential(1);
  if (p >= 0.9995) return '1';
  return sig(p, 2);
}

function percent(confLevel: number): string {
  return `${plain(confLevel * 100)}%`;
}

/** "0.21–0.80"; "-6.28 to -6.21" when a minus sign would sit next to the dash. */
function interval(lower: number, upper: number, digits = 3): string {
  return `${sig(lower, digits)}${lower < 0 || upper < 0 ? ' to ' : '–'}${sig(upper, digits)}`;
}

// ---------------------------------------------------------------------------------------------
// Rate ratio

export interface RateSide {
  readonly count: number;
  readonly exposure: number;
}

export interface RateRatioJson {
  readonly method: 'exact-conditional-poisson';
  readonly ratio: 'after/before';
  readonly before: { readonly count: number; readonly exposure: number; readonly rate: number };
  readonly after: { readonly count: number; readonly exposure: number; readonly rate: number };
  /** null when no event happened before (the ratio is unbounded). */
  readonly rateRatio: number | null;
  /** null upper limit when unbounded. */
  readonly ci: readonly [number | null, number | null];
  readonly confLevel: number;
  readonly pValue: number;
  readonly alternative: Alternative;
  readonly twoSidedRule: TwoSidedRule;
  readonly nullRatio: number;
  readonly expectedCountAfter: number;
}

export function rateRatioJson(before: RateSide, after: RateSide, result: RateRatioResult): RateRatioJson {
  return {
    method: 'exact-conditional-poisson',
    ratio: 'after/before',
    before: { count: before.count, exposure: before.exposure, rate: result.rateBefore },
    after: { count: after.count, exposure: after.exposure, rate: result.rateAfter },
    rateRatio: finiteOrNull(result.rateRatio),
    ci: [finiteOrNull(result.confInt[0]), finiteOrNull(result.confInt[1])],
    confLevel: result.confLevel,
    pValue: result.pValue,
    alternative: result.alternative,
    twoSidedRule: result.twoSidedRule,
    nullRatio: result.nullRatio,
    expectedCountAfter: result.expectedCountAfter,
  };
}

function testDescription(result: RateRatioResult): string {
  if (result.alternative === 'two-sided') {
    return result.twoSidedRule === 'minlike' ? 'exact conditional test' : 'exact conditional test, central two-sided p';
  }
  const direction = result.alternative === 'greater' ? '>' : '<';
  return `exact conditional test, one-sided: ratio ${direction} ${plain(result.nullRatio)}`;
}

export function rateRatioText(before: RateSide, after: RateSide, result: RateRatioResult, colors: Colors): string {
  const side = (name: string, s: RateSide, rate: number): string =>
    `  ${name} ${s.count} event${s.count === 1 ? '' : 's'} / exposure ${plain(s.exposure)} = rate ${sig(rate, 4)}`;
  const nullNote = result.nullRatio === 1 ? '' : ` against a null ratio of ${plain(result.nullRatio)}`;
  const reading =
    `after/before rate ratio ${sig(result.rateRatio, 3)} (${percent(result.confLevel)} CI ${interval(result.confInt[0], result.confInt[1])}), ` +
    `p = ${formatP(result.pValue)} (${testDescription(result)}${nullNote})`;
  return `${[side('before:', before, result.rateBefore), side('after: ', after, result.rateAfter), colors.bold(reading)].join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Interrupted time series

export interface SeriesJson {
  readonly file: string;
  readonly observations: number;
  readonly countColumn: string;
  readonly offsetColumn: string | null;
}

export interface CoefficientJson {
  readonly estimate: number;
  readonly se: number;
  /** Wald interval on the log scale. */
  readonly ci: readonly [number, number];
  /** exp(estimate): the rate ratio per unit of the term; null for the intercept (a baseline rate, not a ratio). */
  readonly rr: number | null;
  readonly rrCi: readonly [number | null, number | null] | null;
}

export interface ItsContext {
  readonly series: SeriesJson;
  /** 1-based number of the first observation after the intervention. */
  readonly breakObservation: number;
  readonly slopeChange: boolean;
  readonly seasonality: { readonly harmonics: number; readonly period: number; readonly positionColumn: string | null } | null;
}

export function itsJson(context: ItsContext, fit: ItsFit): Record<string, unknown> {
  const coefficients: Record<string, CoefficientJson> = {};
  for (const c of fit.coefficients) {
    const isRatio = c.name !== 'intercept';
    coefficients[c.name] = {
      estimate: c.estimate,
      se: c.se,
      ci: [c.confInt[0], c.confInt[1]],
      rr: isRatio ? finiteOrNull(c.rateRatio) : null,
      rrCi: isRatio ? [finiteOrNull(c.rateRatioConfInt[0]), finiteOrNull(c.rateRatioConfInt[1])] : null,
    };
  }
  return {
    method: 'interrupted-time-series',
    series: context.series,
    breakObservation: context.breakObservation,
    slopeChange: context.slopeChange,
    seasonality: context.seasonality,
    offset: context.series.offsetColumn === null ? null : `log(${context.series.offsetColumn})`,
    family: fit.family,
    fittedFamily: fit.fittedFamily,
    negbinFellBackToPoisson: fit.negbinFellBackToPoisson,
    confLevel: fit.confLevel,
    coefficients,
    deviance: fit.deviance,
    nullDeviance: fit.nullDeviance,
    dfResidual: fit.dfResidual,
    dfNull: fit.dfNull,
    pearsonChi2: fit.pearsonChi2,
    dispersion: fit.dispersion,
    exactFit: fit.exactFit,
    aic: fit.aic === null ? null : finiteOrNull(fit.aic),
    logLik: fit.logLik === null ? null : finiteOrNull(fit.logLik),
    theta: fit.theta,
    thetaSe: fit.thetaSe,
    iterations: fit.iterations,
    alternations: fit.alternations,
    converged: fit.converged,
    fitted: fit.fitted,
    counterfactual: fit.counterfactual,
  };
}

const TERM_LABELS: Readonly<Record<string, string>> = {
  intercept: 'intercept (log baseline rate)',
  time: 'time (per period)',
  level: 'level change at the break',
  slope: 'slope change (per period after)',
};

export function itsText(context: ItsContext, fit: ItsFit, counts: readonly number[], showFitted: boolean, colors: Colors, width: number): string {
  const terms = ['level change', ...(context.slopeChange ? ['slope change'] : []), ...(context.seasonality === null ? [] : [`${context.seasonality.harmonics} harmonic pair(s) of period ${plain(context.seasonality.period)}`])];
  const familyNote = fit.negbinFellBackToPoisson ? 'negbin requested; theta ran to infinity (no overdispersion), so the Poisson fit is shown' : `${fit.fittedFamily} fit`;
  const lines: string[] = [];
  lines.push(colors.bold(`Interrupted time series: ${familyNote}`));
  lines.push(
    `  ${context.series.file}: ${context.series.observations} observations, break at observation ${context.breakObservation} ` +
      `(${context.breakObservation - 1} before, ${context.series.observations - context.breakObservation + 1} from it); ${terms.join(', ')}` +
      `${context.series.offsetColumn === null ? '' : `; offset log(${context.series.offsetColumn})`}`,
  );
  lines.push('');
  const level = percent(fit.confLevel);
  const table = renderTable(
    fit.coefficients,
    [
      { header: 'term', value: (c) => TERM_LABELS[c.name] ?? c.name },
      { header: 'estimate', value: (c) => sig(c.estimate, 5) },
      { header: 'SE', value: (c) => sig(c.se, 4) },
      { header: `${level} CI`, value: (c) => interval(c.confInt[0], c.confInt[1], 4) },
      { header: 'RR', value: (c) => (c.name === 'intercept' ? '' : sig(c.rateRatio, 4)) },
      { header: `RR ${level} CI`, value: (c) => (c.name === 'intercept' ? '' : interval(c.rateRatioConfInt[0], c.rateRatioConfInt[1], 4)) },
    ],
    width,
  );
  lines.push(table.trimEnd());
  lines.push('');
  lines.push(`  deviance ${sig(fit.deviance, 6)} on ${fit.dfResidual} df (null deviance ${sig(fit.nullDeviance, 6)} on ${fit.dfNull} df); Pearson chi2 ${sig(fit.pearsonChi2, 6)}`);
  const dispersion =
    fit.family !== 'quasipoisson'
      ? 'dispersion 1'
      : fit.exactFit
        ? 'dispersion 1: the counts lie on the fitted curve (Pearson chi2 / df ~ 0), so Poisson SEs are used, not zero-width ones'
        : `dispersion ${sig(fit.dispersion, 5)} (Pearson chi2 / df; SEs scaled by its square root)`;
  lines.push(`  ${dispersion}; AIC ${fit.aic === null ? 'n/a' : sig(fit.aic, 6)}`);
  if (fit.theta !== null) lines.push(`  theta ${sig(fit.theta, 5)} (SE ${fit.thetaSe === null ? 'n/a' : sig(fit.thetaSe, 4)}); ${fit.alternations ?? 0} theta/IRLS alternations`);
  lines.push(`  IRLS iterations ${fit.iterations}; ${fit.converged ? 'converged' : colors.red('did NOT converge')}`);
  const levelTerm = fit.coefficients.find((c) => c.name === 'level');
  if (levelTerm !== undefined) {
    lines.push('');
    lines.push(
      colors.bold(
        `Reading: at the break the rate changed by a factor ${sig(levelTerm.rateRatio, 3)} (${level} CI ${interval(levelTerm.rateRatioConfInt[0], levelTerm.rateRatioConfInt[1])})` +
          `${context.slopeChange ? ', before any slope change' : ''}, compared with the pre-break trend carried forward.`,
      ),
    );
  }
  if (showFitted) {
    lines.push('');
    const rows = fit.fitted.map((value, i) => ({ i, value }));
    lines.push(
      renderTable(
        rows,
        [
          { header: 'observation', value: (r) => String(r.i + 1) },
          { header: 'count', value: (r) => String(counts[r.i] ?? '') },
          { header: 'fitted', value: (r) => sig(r.value, 5) },
          { header: 'counterfactual', value: (r) => sig(fit.counterfactual[r.i] ?? Number.NaN, 5) },
        ],
        width,
      ).trimEnd(),
    );
  } else {
    lines.push('  (fitted values and the counterfactual: --fitted, or --json)');
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Changepoints

export interface SegmentJson {
  /** 1-based number of the segment's first observation. */
  readonly firstObservation: number;
  /** 1-based number of the segment's last observation (inclusive). */
  readonly lastObservation: number;
  readonly observations: number;
  readonly total: number;
  /** Mean count per observation. */
  readonly mean: number;
}

/** Segments from R-style changepoints (each the last observation of a segment). */
export function segmentsFrom(changepoints: readonly number[], counts: readonly number[]): SegmentJson[] {
  const bounds = [0, ...changepoints, counts.length];
  return bounds.slice(1).map((end, k) => {
    const start = bounds[k] ?? 0;
    let total = 0;
    for (let i = start; i < end; i += 1) total += counts[i] ?? 0;
    return { firstObservation: start + 1, lastObservation: end, observations: end - start, total, mean: total / (end - start) };
  });
}

export function offlineChangepointJson(series: SeriesJson, result: ChangepointResult, maxChangepoints: number | null, counts: readonly number[]): Record<string, unknown> {
  return {
    method: result.method,
    cost: result.cost,
    series,
    penaltyType: result.penaltyType,
    penaltyValue: result.penalty,
    minSegmentLength: result.minSegmentLength,
    ...(result.method === 'BinSeg' ? { maxChangepoints } : {}),
    indexing: CHANGEPOINT_INDEXING,
    changepoints: result.changepoints,
    segments: segmentsFrom(result.changepoints, counts).map((s, k) => ({ ...s, mean: result.segments[k]?.mean ?? s.mean })),
  };
}

export function bocpdJson(series: SeriesJson, result: BocpdResult, prior: { shape: number; rate: number }, counts: readonly number[], withPosterior: boolean): Record<string, unknown> {
  return {
    method: 'BOCPD',
    model: 'Poisson counts, Gamma prior on the rate, constant hazard (R ocp::onlineCPD)',
    series,
    hazard: result.hazard,
    prior,
    indexing: CHANGEPOINT_INDEXING,
    changepoints: result.changepoints,
    segments: segmentsFrom(result.changepoints, counts),
    nextStartsNewSegment: result.nextStartsNewSegment,
    ...(withPosterior
      ? {
          runLengthPosteriorIndexing:
            'runLengthPosterior[t][r] = P(run length r after observation t); row 0 is the prior; r counts the observations of the current run up to and including t',
          runLengthPosterior: result.runLengthPosterior,
        }
      : {}),
  };
}

const PENALTY_LABEL: Readonly<Record<PenaltyType, string>> = {
  MBIC: 'MBIC',
  BIC: 'BIC',
  SIC: 'SIC',
  AIC: 'AIC',
  'Hannan-Quinn': 'Hannan-Quinn',
  None: 'no',
  Manual: 'manual',
};

function segmentsTable(segments: readonly SegmentJson[], width: number): string {
  return renderTable(
    segments.map((s, k) => ({ s, k })),
    [
      { header: 'segment', value: (r) => String(r.k + 1) },
      { header: 'first', value: (r) => String(r.s.firstObservation) },
      { header: 'last', value: (r) => String(r.s.lastObservation) },
      { header: 'observations', value: (r) => String(r.s.observations) },
      { header: 'events', value: (r) => String(r.s.total) },
      { header: 'mean per observation', value: (r) => sig(r.s.mean, 4) },
    ],
    width,
  ).trimEnd();
}

function changepointSentence(changepoints: readonly number[]): string {
  if (changepoints.length === 0) return 'no changepoint: one segment';
  const list = changepoints.join(', ');
  return `${changepoints.length} changepoint${changepoints.length === 1 ? '' : 's'} (R cpts: last observation before each change): ${list}`;
}

export function offlineChangepointText(series: SeriesJson, result: ChangepointResult, counts: readonly number[], colors: Colors, width: number): string {
  const lines = [
    colors.bold(`${result.method}, Poisson cost, ${PENALTY_LABEL[result.penaltyType]} penalty ${plain(result.penalty)} per changepoint, minimum segment length ${result.minSegmentLength}`),
    `  ${series.file}: ${series.observations} observations; ${changepointSentence(result.changepoints)}`,
    '',
    segmentsTable(
      segmentsFrom(result.changepoints, counts).map((s, k) => ({ ...s, mean: result.segments[k]?.mean ?? s.mean })),
      width,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

export function bocpdText(series: SeriesJson, result: BocpdResult, prior: { shape: number; rate: number }, counts: readonly number[], withPosterior: boolean, colors: Colors, width: number): string {
  const lines = [
    colors.bold(`BOCPD (Poisson-Gamma, prior shape ${plain(prior.shape)} rate ${plain(prior.rate)}), hazard ${plain(result.hazard)}: most probable changepoint set`),
    `  ${series.file}: ${series.observations} observations; ${changepointSentence(result.changepoints)}`,
    '',
    segmentsTable(segmentsFrom(result.changepoints, counts), width),
  ];
  if (result.nextStartsNewSegment) lines.push('', '  The most probable run length after the last observation is 0: the model expects the next period to start a new segment.');
  if (withPosterior) {
    lines.push('');
    const rows = result.runLengthPosterior.slice(1).map((probabilities, k) => {
      let best = 0;
      probabilities.forEach((p, r) => {
        if (p > (probabilities[best] ?? 0)) best = r;
      });
      return { t: k + 1, best, p: probabilities[best] ?? 0 };
    });
    lines.push(
      renderTable(
        rows,
        [
          { header: 'observation', value: (r) => String(r.t) },
          { header: 'count', value: (r) => String(counts[r.t - 1] ?? '') },
          { header: 'most probable run length', value: (r) => String(r.best) },
          { header: 'its probability', value: (r) => sig(r.p, 3) },
        ],
        width,
      ).trimEnd(),
    );
  }
  return `${lines.join('\n')}\n`;
}
