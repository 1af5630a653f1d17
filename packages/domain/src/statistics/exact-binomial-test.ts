/**
 * The exact binomial test, as R's binom.test: the engine of the two-sample Poisson comparison,
 * which conditions on the total count (Clopper-Pearson interval, exact p-value).
 */
import { binomialCdf, binomialDensity } from './discrete-distributions.js';
import { binomialLowerLimit, binomialUpperLimit } from './exact-limits.js';

export type Alternative = 'two-sided' | 'less' | 'greater';

/**
 * How a two-sided exact p-value is formed.
 * - 'minlike' (R's binom.test and poisson.test): the probability of every outcome no more likely
 *   than the observed one, with R's relative tolerance of 1 + 1e-7 on "no more likely".
 * - 'central': twice the smaller one-sided tail, capped at 1 (rateratio.test, exactci "central").
 *   It always agrees with the Clopper-Pearson/Garwood interval; 'minlike' may not at the edge.
 */
export type TwoSidedRule = 'minlike' | 'central';

/** R's relErr in binom.test / poisson.test: ties within 1e-7 relative count as "as likely". */
export const MINLIKE_RELATIVE_TOLERANCE = 1 + 1e-7;

/** First index in [from, to] where a non-increasing sequence drops to <= threshold, or to + 1. */
export function firstAtOrBelow(from: number, to: number, value: (i: number) => number, threshold: number): number {
  let lo = from;
  let hi = to + 1;
  while (lo < hi) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (value(mid) <= threshold) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Last index in [from, to] where a non-decreasing sequence is still <= threshold, or from - 1. */
export function lastAtOrBelow(from: number, to: number, value: (i: number) => number, threshold: number): number {
  let lo = from - 1;
  let hi = to;
  while (lo < hi) {
    const mid = hi - Math.floor((hi - lo) / 2);
    if (value(mid) <= threshold) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function binomialPValue(x: number, n: number, p: number, alternative: Alternative, rule: TwoSidedRule): number {
  if (alternative === 'less') return binomialCdf(x, n, p, true);
  if (alternative === 'greater') return binomialCdf(x - 1, n, p, false);
  if (rule === 'central') {
    return Math.min(1, 2 * Math.min(binomialCdf(x, n, p, true), binomialCdf(x - 1, n, p, false)));
  }
  const threshold = binomialDensity(x, n, p) * MINLIKE_RELATIVE_TOLERANCE;
  const m = n * p;
  if (x === m) return 1;
  const density = (i: number): number => binomialDensity(i, n, p);
  let pValue: number;
  if (x < m) {
    // The density decreases from ceil(m) on, so "outcomes no more likely than x" above the mean
    // are exactly those from the first one at or below the threshold to n.
    const first = firstAtOrBelow(Math.ceil(m), n, density, threshold);
    pValue = binomialCdf(x, n, p, true) + binomialCdf(first - 1, n, p, false);
  } else {
    const last = lastAtOrBelow(0, Math.floor(m), density, threshold);
    pValue = binomialCdf(last, n, p, true) + binomialCdf(x - 1, n, p, false);
  }
  return Math.min(1, pValue);
}

export function binomialConfidenceInterval(
  x: number,
  n: number,
  confLevel: number,
  alternative: Alternative,
): readonly [number, number] {
  if (alternative === 'less') return [0, binomialUpperLimit(x, n, 1 - confLevel)];
  if (alternative === 'greater') return [binomialLowerLimit(x, n, 1 - confLevel), 1];
  const alpha = (1 - confLevel) / 2;
  return [binomialLowerLimit(x, n, alpha), binomialUpperLimit(x, n, alpha)];
}
