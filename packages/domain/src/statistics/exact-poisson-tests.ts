/**
 * Exact Poisson inference, as R's poisson.test.
 *
 * - One count: Garwood interval from the exact Poisson tails (R: qgamma(alpha/2, x) and
 *   qgamma(1 - alpha/2, x + 1), divided by the exposure) and an exact p-value against a null rate.
 * - Two counts (before / after): the rate ratio is tested by conditioning on the total, so the
 *   after-count is Binomial(total, r*T_after / (r*T_after + T_before)) under the null ratio r; the
 *   Clopper-Pearson interval for that proportion maps to the ratio as p/(1-p) * T_before/T_after.
 *
 * Two-sided p-values follow R by default ('minlike', see TwoSidedRule); 'central' is available.
 */
import { StatsDegenerateInputError, StatsInvalidInputError } from './errors.js';
import { poissonCdf, poissonDensity } from './discrete-distributions.js';
import {
  binomialConfidenceInterval,
  binomialPValue,
  firstAtOrBelow,
  lastAtOrBelow,
  MINLIKE_RELATIVE_TOLERANCE,
  type Alternative,
  type TwoSidedRule,
} from './exact-binomial-test.js';
import { poissonMeanLowerLimit, poissonMeanUpperLimit } from './exact-limits.js';
import { assertCount, assertPositiveFinite, assertProbability } from './validation.js';

export interface ExactTestOptions {
  /** Confidence level of the interval; default 0.95. */
  readonly confLevel?: number;
  /** 'two-sided' (default), 'less' or 'greater' (the true rate / ratio is greater than the null). */
  readonly alternative?: Alternative;
  /** Two-sided p-value rule; default 'minlike' as in R. */
  readonly twoSidedRule?: TwoSidedRule;
}

export interface PoissonRateOptions extends ExactTestOptions {
  /** Rate under the null hypothesis, per unit of exposure; default 1 (R's default r = 1). */
  readonly nullRate?: number;
}

export interface PoissonRateResult {
  readonly count: number;
  readonly exposure: number;
  /** count / exposure. */
  readonly rate: number;
  /** Exact interval for the rate; an unbounded upper limit is +Infinity. */
  readonly confInt: readonly [number, number];
  readonly pValue: number;
  readonly nullRate: number;
  readonly confLevel: number;
  readonly alternative: Alternative;
  readonly twoSidedRule: TwoSidedRule;
}

export interface RateRatioInput {
  readonly countBefore: number;
  readonly exposureBefore: number;
  readonly countAfter: number;
  readonly exposureAfter: number;
}

export interface RateRatioOptions extends ExactTestOptions {
  /** Rate ratio (after / before) under the null hypothesis; default 1. */
  readonly nullRatio?: number;
}

export interface RateRatioResult {
  readonly rateBefore: number;
  readonly rateAfter: number;
  /** (countAfter / exposureAfter) / (countBefore / exposureBefore); +Infinity if countBefore is 0. */
  readonly rateRatio: number;
  /** Conditional exact interval for the ratio; an unbounded upper limit is +Infinity. */
  readonly confInt: readonly [number, number];
  readonly pValue: number;
  /** Expected after-count under the null ratio, given the total count. */
  readonly expectedCountAfter: number;
  readonly nullRatio: number;
  readonly confLevel: number;
  readonly alternative: Alternative;
  readonly twoSidedRule: TwoSidedRule;
}

/**
 * Largest count, total or expected count the exact methods accept. The tail searches step over
 * whole outcomes: past 2^53 doubles skip integers and the searches never end, and the exact tails
 * slow down with the count well before that (seconds at 1e13, minutes at 1e14). Far beyond any
 * incident count, so larger input is refused with a clear error rather than left to hang.
 */
const MAX_EXACT_COUNT = 1e12;

function assertExactMagnitude(value: number, name: string): void {
  if (!(value <= MAX_EXACT_COUNT)) {
    throw new StatsInvalidInputError(`${name} must be at most ${MAX_EXACT_COUNT} for an exact test, got ${value}`);
  }
}

interface ResolvedOptions {
  readonly confLevel: number;
  readonly alternative: Alternative;
  readonly twoSidedRule: TwoSidedRule;
}

function resolveOptions(options: ExactTestOptions): ResolvedOptions {
  const confLevel = options.confLevel ?? 0.95;
  assertProbability(confLevel, 'confLevel');
  const alternative = options.alternative ?? 'two-sided';
  if (alternative !== 'two-sided' && alternative !== 'less' && alternative !== 'greater') {
    throw new StatsInvalidInputError(`alternative must be 'two-sided', 'less' or 'greater', got ${String(alternative)}`);
  }
  const twoSidedRule = options.twoSidedRule ?? 'minlike';
  if (twoSidedRule !== 'minlike' && twoSidedRule !== 'central') {
    throw new StatsInvalidInputError(`twoSidedRule must be 'minlike' or 'central', got ${String(twoSidedRule)}`);
  }
  return { confLevel, alternative, twoSidedRule };
}

/** Exact interval for the mean of one Poisson count (exposure 1), as R's poisson.test(x)$conf.int. */
export function poissonCountInterval(
  count: number,
  confLevel = 0.95,
  alternative: Alternative = 'two-sided',
): readonly [number, number] {
  assertCount(count, 'count');
  assertExactMagnitude(count, 'count');
  assertProbability(confLevel, 'confLevel');
  if (alternative === 'less') return [0, poissonMeanUpperLimit(count, 1 - confLevel)];
  if (alternative === 'greater') return [poissonMeanLowerLimit(count, 1 - confLevel), Number.POSITIVE_INFINITY];
  const alpha = (1 - confLevel) / 2;
  return [poissonMeanLowerLimit(count, alpha), poissonMeanUpperLimit(count, alpha)];
}

function poissonPValue(x: number, m: number, alternative: Alternative, rule: TwoSidedRule): number {
  if (alternative === 'less') return poissonCdf(x, m, true);
  if (alternative === 'greater') return poissonCdf(x - 1, m, false);
  if (m === 0) return x === 0 ? 1 : 0;
  if (rule === 'central') {
    return Math.min(1, 2 * Math.min(poissonCdf(x, m, true), poissonCdf(x - 1, m, false)));
  }
  const threshold = poissonDensity(x, m) * MINLIKE_RELATIVE_TOLERANCE;
  if (x === m) return 1;
  const density = (i: number): number => poissonDensity(i, m);
  let pValue: number;
  if (x < m) {
    // R doubles N until dpois(N) <= d, then counts the outcomes from ceil(m) to N that are no
    // more likely than x; the density falls monotonically there, so a binary search is exact.
    let upper = Math.ceil(2 * m - x);
    while (poissonDensity(upper, m) > threshold / MINLIKE_RELATIVE_TOLERANCE) upper *= 2;
    const first = firstAtOrBelow(Math.ceil(m), upper, density, threshold);
    pValue = poissonCdf(x, m, true) + poissonCdf(first - 1, m, false);
  } else {
    const last = lastAtOrBelow(0, Math.floor(m), density, threshold);
    pValue = poissonCdf(last, m, true) + poissonCdf(x - 1, m, false);
  }
  return Math.min(1, pValue);
}

/** Exact test and interval for one Poisson rate, as R's poisson.test(count, exposure, r = nullRate). */
export function exactPoissonRate(count: number, exposure = 1, options: PoissonRateOptions = {}): PoissonRateResult {
  assertCount(count, 'count');
  assertPositiveFinite(exposure, 'exposure');
  const resolved = resolveOptions(options);
  const nullRate = options.nullRate ?? 1;
  assertPositiveFinite(nullRate, 'nullRate');
  assertExactMagnitude(nullRate * exposure, 'the expected count nullRate × exposure');
  const [lower, upper] = poissonCountInterval(count, resolved.confLevel, resolved.alternative);
  return {
    count,
    exposure,
    rate: count / exposure,
    confInt: [lower / exposure, upper / exposure],
    pValue: poissonPValue(count, nullRate * exposure, resolved.alternative, resolved.twoSidedRule),
    nullRate,
    ...resolved,
  };
}

/**
 * Exact comparison of the event rate after an intervention with the rate before it, as R's
 * poisson.test(c(countAfter, countBefore), c(exposureAfter, exposureBefore), r = nullRatio).
 */
export function exactPoissonRateRatio(input: RateRatioInput, options: RateRatioOptions = {}): RateRatioResult {
  const { countBefore, exposureBefore, countAfter, exposureAfter } = input;
  assertCount(countBefore, 'countBefore');
  assertCount(countAfter, 'countAfter');
  assertPositiveFinite(exposureBefore, 'exposureBefore');
  assertPositiveFinite(exposureAfter, 'exposureAfter');
  const resolved = resolveOptions(options);
  const nullRatio = options.nullRatio ?? 1;
  assertPositiveFinite(nullRatio, 'nullRatio');
  const total = countBefore + countAfter;
  assertExactMagnitude(total, 'countBefore + countAfter');
  if (total === 0) {
    throw new StatsDegenerateInputError(
      'no events before or after the break: the rate ratio is undefined (0/0); report the two zero counts instead',
    );
  }
  const scaledAfter = nullRatio * exposureAfter;
  const exposureSum = scaledAfter + exposureBefore;
  // With exposures near the largest double the sum overflows (Infinity / Infinity); divide through instead.
  const nullProportion = Number.isFinite(exposureSum) ? scaledAfter / exposureSum : 1 / (1 + exposureBefore / scaledAfter);
  const [pLower, pUpper] = binomialConfidenceInterval(countAfter, total, resolved.confLevel, resolved.alternative);
  // Ratios of counts and of exposures are taken separately: with extreme exposures the two rates
  // can both overflow (Infinity / Infinity) although their ratio is finite.
  const toRatio = (p: number): number =>
    p >= 1 ? Number.POSITIVE_INFINITY : p <= 0 ? 0 : (p / (1 - p)) * (exposureBefore / exposureAfter);
  const rateBefore = countBefore / exposureBefore;
  const rateAfter = countAfter / exposureAfter;
  return {
    rateBefore,
    rateAfter,
    rateRatio: countBefore === 0 ? Number.POSITIVE_INFINITY : countAfter === 0 ? 0 : (countAfter / countBefore) * (exposureBefore / exposureAfter),
    confInt: [toRatio(pLower), toRatio(pUpper)],
    pValue: binomialPValue(countAfter, total, nullProportion, resolved.alternative, resolved.twoSidedRule),
    expectedCountAfter: total * nullProportion,
    nullRatio,
    ...resolved,
  };
}
