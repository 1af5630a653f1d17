/**
 * Exact (Garwood / Clopper-Pearson) confidence limits for a Poisson mean and a binomial
 * proportion, found by bisecting the exact tail probabilities to full double precision.
 *
 * These equal R's qgamma(alpha, x) / qgamma(1 - alpha, x + 1) and qbeta(alpha, x, n - x + 1) /
 * qbeta(1 - alpha, x + 1, n - x), but do not depend on a gamma- or beta-quantile routine: some
 * JavaScript gamma quantiles are badly wrong for shapes above ~950, which would break intervals
 * for counts over a thousand. Bisection on the summed tails has no such limit; its cost grows like
 * sqrt(count) per evaluation, a few milliseconds even for counts of 10^8.
 */
import { StatsNoConvergenceError } from './errors.js';
import { binomialCdf, poissonCdf } from './discrete-distributions.js';

const MAX_STEPS = 4000;

/**
 * Finds the crossing of a monotone criterion on (lowerBound, upperBound): `below(v)` is true for
 * every v under the root and false above it. Starts from `start`, expands geometrically towards
 * the bounds to bracket the root, then bisects (geometrically while the bracket spans orders of
 * magnitude, so tiny roots keep their relative precision) until the bracket is two adjacent doubles.
 */
function findCrossing(below: (v: number) => boolean, start: number, upperBound: number, what: string): number {
  let lo = start;
  let hi = start;
  let steps = 0;
  while (!below(lo)) {
    lo /= 2;
    steps += 1;
    if (lo === 0 || steps > MAX_STEPS) return 0;
  }
  while (below(hi)) {
    hi = Number.isFinite(upperBound) ? upperBound - (upperBound - hi) / 2 : hi * 2;
    steps += 1;
    if (hi === upperBound || !Number.isFinite(hi) || steps > MAX_STEPS) {
      throw new StatsNoConvergenceError(`could not bracket the ${what}`);
    }
  }
  for (let i = 0; i < MAX_STEPS; i += 1) {
    const towardsOne = Number.isFinite(upperBound) && lo > 0.5 * upperBound;
    let mid: number;
    if (!towardsOne && lo > 0 && hi / lo > 4) {
      mid = Math.sqrt(lo * hi);
    } else if (towardsOne && (upperBound - lo) / (upperBound - hi) > 4) {
      mid = upperBound - Math.sqrt((upperBound - lo) * (upperBound - hi));
    } else {
      mid = lo + (hi - lo) / 2;
    }
    if (mid <= lo || mid >= hi) return lo + (hi - lo) / 2; // adjacent doubles: done
    if (below(mid)) lo = mid;
    else hi = mid;
  }
  throw new StatsNoConvergenceError(`bisection for the ${what} did not converge`);
}

/** Lower limit for a Poisson mean: the lambda with P(X >= x | lambda) = alpha (0 when x = 0). */
export function poissonMeanLowerLimit(x: number, alpha: number): number {
  if (x === 0) return 0;
  return findCrossing((lambda) => poissonCdf(x - 1, lambda, false) < alpha, x, Number.POSITIVE_INFINITY, 'Poisson lower limit');
}

/** Upper limit for a Poisson mean: the lambda with P(X <= x | lambda) = alpha. */
export function poissonMeanUpperLimit(x: number, alpha: number): number {
  return findCrossing((lambda) => poissonCdf(x, lambda, true) > alpha, x + 1, Number.POSITIVE_INFINITY, 'Poisson upper limit');
}

/** Clopper-Pearson lower limit: the p with P(X >= x | n, p) = alpha (0 when x = 0). */
export function binomialLowerLimit(x: number, n: number, alpha: number): number {
  if (x === 0) return 0;
  return findCrossing((p) => binomialCdf(x - 1, n, p, false) < alpha, x / n, 1, 'binomial lower limit');
}

/** Clopper-Pearson upper limit: the p with P(X <= x | n, p) = alpha (1 when x = n). */
export function binomialUpperLimit(x: number, n: number, alpha: number): number {
  if (x === n) return 1;
  return findCrossing((p) => binomialCdf(x, n, p, true) > alpha, Math.max(x, 0.5) / n, 1, 'binomial upper limit');
}
