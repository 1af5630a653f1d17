import { isPactwatchError } from '../errors/pactwatch-error.js';
import { bayesianOnlineChangepoints, type BocpdResult } from '../statistics/bocpd.js';
import { detectChangepoints, type ChangepointResult } from '../statistics/changepoints.js';
import { eventsNearChangepoints, type ChangepointContext, type DatedEvent } from '../statistics/event-proximity.js';
import { exactPoissonRateRatio, type RateRatioResult } from '../statistics/exact-poisson-tests.js';
import { fitInterruptedTimeSeries, type ItsFamily, type ItsFit } from '../statistics/interrupted-time-series.js';
import type { CountSeries } from './count-series.js';
import { periodIndexOf } from './periods.js';
import { trendVerdict, type TrendVerdict } from './trend-verdict.js';

export const TREND_METHODS = ['rate-ratio', 'its', 'changepoints'] as const;
export type TrendMethod = (typeof TREND_METHODS)[number];

/** A method that could not be computed says why, instead of failing the whole analysis. */
export interface MethodFailure {
  readonly error: { readonly code: string; readonly message: string };
}

export interface RateRatioSection {
  readonly before: { readonly from: string; readonly to: string; readonly count: number; readonly exposure: number };
  readonly after: { readonly from: string; readonly to: string; readonly count: number; readonly exposure: number };
  /** Exact tests need whole counts: spread (fractional) totals are rounded, and this says so. */
  readonly rounded: boolean;
  readonly result: RateRatioResult;
}

export interface ChangepointSection {
  readonly pelt: ChangepointResult | MethodFailure;
  readonly bocpd: Pick<BocpdResult, 'changepoints' | 'hazard'> | MethodFailure;
  /** Per detected PELT changepoint: the nearest context events and the agreement date. */
  readonly context: readonly ChangepointContext[];
  /** PELT needs whole counts: spread counts are rounded, and this says so. */
  readonly rounded: boolean;
}

export interface TrendAnalysis {
  readonly breakLabel: string;
  readonly breakIndex: number;
  readonly rateRatio?: RateRatioSection | MethodFailure;
  readonly its?: ItsFit | MethodFailure;
  readonly changepoints?: ChangepointSection | MethodFailure;
  /** One paragraph for people: the estimates, their uncertainty and the pre-existing trend. */
  readonly reading: string;
  /** The one-line answer (fewer / more / no clear change / not computable) and what it rests on. */
  readonly verdict: TrendVerdict;
}

export interface TrendOptions {
  readonly methods: readonly TrendMethod[];
  /** The agreement's effective instant: the first period on or after it starts the "after" segment. */
  readonly breakAt: number;
  readonly family?: ItsFamily;
  readonly slopeChange?: boolean;
  /** Events to put changepoints in context (the agreement itself, indictments, sanctions…). */
  readonly events?: readonly DatedEvent[];
}

export function isMethodFailure(value: unknown): value is MethodFailure {
  return typeof value === 'object' && value !== null && 'error' in value;
}

function attempt<T>(work: () => T): T | MethodFailure {
  try {
    return work();
  } catch (error) {
    if (isPactwatchError(error)) return { error: { code: error.code, message: error.message } };
    throw error;
  }
}

const pct = (ratio: number): string => `${Math.abs(Math.round((ratio - 1) * 1000) / 10)}%`;
const num = (value: number): string => (Number.isFinite(value) ? (Math.round(value * 100) / 100).toString() : '∞');
const ci = (interval: readonly [number, number]): string => `95% CI ${num(interval[0])}–${num(interval[1])}`;
const pValue = (p: number): string => (p < 0.001 ? '< 0.001' : `= ${num(Math.round(p * 1000) / 1000)}`);
/** A per-period rate ratio interval as percentage change, lower change first ("1.7%–2.1% per period"). */
const pctCi = (interval: readonly [number, number]): string => {
  const [a, b] = [Math.abs(interval[0] - 1), Math.abs(interval[1] - 1)].sort((x, y) => x - y);
  const f = (v: number | undefined): string => `${Math.round((v ?? 0) * 1000) / 10}%`;
  return interval[0] < 1 && interval[1] > 1 ? `95% CI ${f(1 - interval[0])} fall to ${f(interval[1] - 1)} rise` : `95% CI ${f(a)}–${f(b)}`;
};

function readRateRatio(section: RateRatioSection | MethodFailure | undefined): string | undefined {
  if (section === undefined) return undefined;
  if (isMethodFailure(section)) return `The before/after rate ratio could not be computed (${section.error.message}).`;
  const { result, before, after } = section;
  const direction = result.rateRatio < 1 ? 'lower' : result.rateRatio > 1 ? 'higher' : 'unchanged';
  const excludesOne = result.confInt[0] > 1 || result.confInt[1] < 1;
  return (
    `Comparing ${after.count} event(s) in ${num(after.exposure)} period(s) after with ${before.count} in ${num(before.exposure)} before, ` +
    `the rate after was ${direction} (rate ratio ${num(result.rateRatio)}, ${ci(result.confInt)}, exact p ${pValue(result.pValue)}); ` +
    `${excludesOne ? 'the interval excludes no change' : 'the interval includes no change, so the data cannot tell a change from chance'}. ` +
    `A before/after ratio alone cannot show that the agreement caused a change: it ignores any trend already under way.`
  );
}

function readIts(fit: ItsFit | MethodFailure | undefined): string | undefined {
  if (fit === undefined) return undefined;
  if (isMethodFailure(fit)) return `The interrupted time series could not be fitted (${fit.error.message}).`;
  const parts: string[] = [];
  const time = fit.coefficients.find((c) => c.name === 'time');
  const level = fit.coefficients.find((c) => c.name === 'level');
  const slope = fit.coefficients.find((c) => c.name === 'slope');
  if (time !== undefined) {
    const excludes = time.rateRatioConfInt[0] > 1 || time.rateRatioConfInt[1] < 1;
    const way = time.rateRatio < 1 ? 'falling' : 'rising';
    parts.push(
      excludes
        ? `Before the agreement, events were already ${way} by about ${pct(time.rateRatio)} per period (${pctCi(time.rateRatioConfInt)}); any change must be judged against that pre-existing trend.`
        : `Before the agreement there was no clear trend (change per period ${pct(time.rateRatio)}, ${pctCi(time.rateRatioConfInt)}).`,
    );
  }
  if (level !== undefined) {
    const excludes = level.rateRatioConfInt[0] > 1 || level.rateRatioConfInt[1] < 1;
    parts.push(
      `Against the pre-agreement trend, the level after the break changed by a factor of ${num(level.rateRatio)} (${ci(level.rateRatioConfInt)})` +
        `${excludes ? '' : ', an interval that includes no change'}.`,
    );
  }
  if (slope !== undefined) parts.push(`The trend after the break changed by a factor of ${num(slope.rateRatio)} per period (${ci(slope.rateRatioConfInt)}).`);
  if (fit.fittedFamily === 'quasipoisson' && fit.dispersion > 1.5) parts.push(`The counts vary ${num(fit.dispersion)} times more than a Poisson process would, and the intervals are widened accordingly.`);
  // `=== true`: statistics cached before the field existed lack it.
  if (fit.exactFit === true) parts.push('The counts lie exactly on the fitted curve, so there is no residual variation to estimate; Poisson intervals are shown.');
  if (fit.negbinFellBackToPoisson) parts.push('The negative binomial fit found no over-dispersion and fell back to Poisson.');
  return parts.join(' ');
}

function readChangepoints(section: ChangepointSection | MethodFailure | undefined, labels: readonly string[], breakIndex: number): string | undefined {
  if (section === undefined) return undefined;
  if (isMethodFailure(section)) return `Changepoints could not be computed (${section.error.message}).`;
  if (isMethodFailure(section.pelt)) return `Changepoints could not be computed (${section.pelt.error.message}).`;
  const cps = section.pelt.changepoints;
  if (cps.length === 0) return 'No changepoint was detected (PELT, Poisson cost).';
  const described = cps.map((cp) => {
    const context = section.context.find((c) => c.changepointIndex === cp);
    const nearest = context?.nearestEvents[0];
    const distance = cp - breakIndex;
    const near = nearest === undefined ? '' : `; nearest recorded event: ${nearest.event.label} (${num(Math.abs(nearest.distancePeriods))} period(s) ${nearest.distancePeriods <= 0 ? 'before' : 'after'})`;
    return `${labels[cp] ?? cp} (${distance === 0 ? 'at the agreement' : `${Math.abs(distance)} period(s) ${distance < 0 ? 'before' : 'after'} the agreement`}${near})`;
  });
  return `Detected changepoint(s): ${described.join('; ')}.`;
}

/** Runs the chosen methods on a series; never throws for data that only defeats one method. */
export function analyseTrend(series: CountSeries, options: TrendOptions): TrendAnalysis {
  const covered = series.periods.filter((p) => p.count !== null);
  const labels = covered.map((p) => p.label);
  const breakIndex = periodIndexOf(covered, options.breakAt) >= 0 ? periodIndexOf(covered, options.breakAt) : covered.findIndex((p) => p.start >= options.breakAt);
  const counts = covered.map((p) => p.count ?? 0);
  const exposure = covered.map((p) => p.exposure);
  const breakLabel = labels[breakIndex] ?? 'outside the series';
  const small = series.total < 10 ? ` With only ${num(series.total)} event(s) in the series, every estimate is very uncertain.` : '';
  const methods = new Set(options.methods);
  const base = { breakLabel, breakIndex };
  if (breakIndex <= 0 || breakIndex >= covered.length) {
    const failure: MethodFailure = { error: { code: 'STATS_INSUFFICIENT_DATA', message: 'the agreement date must fall inside the series with at least one period on each side' } };
    const failed = { ...(methods.has('rate-ratio') ? { rateRatio: failure } : {}), ...(methods.has('its') ? { its: failure } : {}), ...(methods.has('changepoints') ? { changepoints: failure } : {}) };
    return { ...base, ...failed, reading: `The series does not span the agreement date, so no before/after comparison is possible.${small}`, verdict: trendVerdict(failed) };
  }

  let rateRatio: RateRatioSection | MethodFailure | undefined;
  if (methods.has('rate-ratio')) {
    const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
    const before = { from: labels[0] ?? '', to: labels[breakIndex - 1] ?? '', count: Math.round(sum(counts.slice(0, breakIndex))), exposure: sum(exposure.slice(0, breakIndex)) };
    const after = { from: labels[breakIndex] ?? '', to: labels[labels.length - 1] ?? '', count: Math.round(sum(counts.slice(breakIndex))), exposure: sum(exposure.slice(breakIndex)) };
    const rounded = counts.some((c) => !Number.isInteger(c));
    rateRatio = attempt(() => ({ before, after, rounded, result: exactPoissonRateRatio({ countBefore: before.count, exposureBefore: before.exposure, countAfter: after.count, exposureAfter: after.exposure }) }));
  }
  const its = methods.has('its')
    ? attempt(() => fitInterruptedTimeSeries({ counts, breakIndex, exposure, family: options.family ?? 'quasipoisson', slopeChange: options.slopeChange ?? false }))
    : undefined;
  let changepoints: ChangepointSection | MethodFailure | undefined;
  if (methods.has('changepoints')) {
    const whole = counts.map((c) => Math.round(c));
    const pelt = attempt(() => detectChangepoints(whole, { method: 'PELT', cost: 'poisson', penalty: 'MBIC' }));
    const bocpdRun = attempt(() => bayesianOnlineChangepoints(whole, { keepRunLengthPosterior: false }));
    const bocpd = isMethodFailure(bocpdRun) ? bocpdRun : { changepoints: bocpdRun.changepoints, hazard: bocpdRun.hazard };
    const periodDates = covered.map((p) => new Date(p.start).toISOString().slice(0, 10));
    const context = isMethodFailure(pelt) || pelt.changepoints.length === 0 ? [] : eventsNearChangepoints(pelt.changepoints, periodDates, options.events ?? []);
    changepoints = { pelt, bocpd, context, rounded: counts.some((c) => !Number.isInteger(c)) };
  }
  const reading = [readRateRatio(rateRatio), readIts(its), readChangepoints(changepoints, labels, breakIndex)].filter((s): s is string => s !== undefined).join(' ') + small;
  return { ...base, ...(rateRatio === undefined ? {} : { rateRatio }), ...(its === undefined ? {} : { its }), ...(changepoints === undefined ? {} : { changepoints }), reading, verdict: trendVerdict({ ...(rateRatio === undefined ? {} : { rateRatio }), ...(its === undefined ? {} : { its }) }) };
}
