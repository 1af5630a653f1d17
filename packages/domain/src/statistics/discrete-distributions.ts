/**
 * Poisson and binomial densities and tail probabilities for integer counts.
 *
 * Densities use Loader's saddle-point form (the algorithm behind R's dpois/dbinom), which keeps
 * full relative accuracy for counts in the millions. Tails are summed from the density outward,
 * always on the side that is the smaller tail, so tiny p-values (1e-120 and below) keep their
 * relative accuracy instead of being computed as 1 - (something close to 1).
 */
import { bd0, stirlerr } from './special-functions.js';

const LOG_TWO_PI = 1.8378770664093454835606594728112; // log(2*pi)
/** Relative size below which further tail terms cannot change the double-precision sum. */
const TAIL_STOP = 1e-17;

/** log P(X = x) for X ~ Poisson(lambda); x a non-negative integer. */
export function logPoissonDensity(x: number, lambda: number): number {
  if (x < 0 || !Number.isInteger(x)) return Number.NEGATIVE_INFINITY;
  if (lambda === 0) return x === 0 ? 0 : Number.NEGATIVE_INFINITY;
  if (x === 0) return -lambda;
  return -stirlerr(x) - bd0(x, lambda) - 0.5 * (LOG_TWO_PI + Math.log(x));
}

export function poissonDensity(x: number, lambda: number): number {
  return Math.exp(logPoissonDensity(x, lambda));
}

/** log P(X = x) for X ~ Binomial(n, p); x, n non-negative integers. */
export function logBinomialDensity(x: number, n: number, p: number): number {
  const q = 1 - p;
  if (x < 0 || x > n || !Number.isInteger(x)) return Number.NEGATIVE_INFINITY;
  if (p === 0) return x === 0 ? 0 : Number.NEGATIVE_INFINITY;
  if (q === 0) return x === n ? 0 : Number.NEGATIVE_INFINITY;
  if (x === 0) {
    if (n === 0) return 0;
    return p < 0.1 ? -bd0(n, n * q) - n * p : n * Math.log(q);
  }
  if (x === n) {
    return q < 0.1 ? -bd0(n, n * p) - n * q : n * Math.log(p);
  }
  const lc = stirlerr(n) - stirlerr(x) - stirlerr(n - x) - bd0(x, n * p) - bd0(n - x, n * q);
  const lf = LOG_TWO_PI + Math.log(x) + Math.log1p(-x / n);
  return lc - 0.5 * lf;
}

export function binomialDensity(x: number, n: number, p: number): number {
  return Math.exp(logBinomialDensity(x, n, p));
}

/**
 * Poisson distribution function with R's conventions: lowerTail gives P(X <= q), otherwise
 * P(X > q). q is an integer (may be negative).
 */
export function poissonCdf(q: number, lambda: number, lowerTail = true): number {
  if (q < 0) return lowerTail ? 0 : 1;
  if (lambda === 0) return lowerTail ? 1 : 0;
  let small: number;
  let smallIsLower: boolean;
  if (q < lambda) {
    // Lower tail is the small side: sum P(X = q), P(X = q-1), ... downward; ratio i / lambda < 1.
    smallIsLower = true;
    let term = poissonDensity(q, lambda);
    small = term;
    for (let i = q; i > 0 && term > small * TAIL_STOP; i -= 1) {
      term *= i / lambda;
      small += term;
    }
  } else {
    // Upper tail P(X > q) is the small side: sum upward from q + 1; ratio lambda / (i + 1) < 1.
    smallIsLower = false;
    let term = poissonDensity(q + 1, lambda);
    small = term;
    for (let i = q + 1; term > small * TAIL_STOP; i += 1) {
      term *= lambda / (i + 1);
      small += term;
    }
  }
  small = Math.min(1, small);
  return smallIsLower === lowerTail ? small : 1 - small;
}

/**
 * Binomial distribution function with R's conventions: lowerTail gives P(X <= q), otherwise
 * P(X > q).
 */
export function binomialCdf(q: number, n: number, p: number, lowerTail = true): number {
  if (q < 0) return lowerTail ? 0 : 1;
  if (q >= n) return lowerTail ? 1 : 0;
  if (p === 0) return lowerTail ? 1 : 0;
  if (p === 1) return lowerTail ? 0 : 1;
  const odds = p / (1 - p);
  let small: number;
  let smallIsLower: boolean;
  if (q < n * p) {
    // Lower tail: P(X = i - 1) / P(X = i) = i / ((n - i + 1) * odds) < 1 below the mean.
    smallIsLower = true;
    let term = binomialDensity(q, n, p);
    small = term;
    for (let i = q; i > 0 && term > small * TAIL_STOP; i -= 1) {
      term *= i / ((n - i + 1) * odds);
      small += term;
    }
  } else {
    // Upper tail P(X > q): P(X = i + 1) / P(X = i) = (n - i) / (i + 1) * odds < 1 above the mean.
    smallIsLower = false;
    let term = binomialDensity(q + 1, n, p);
    small = term;
    for (let i = q + 1; i < n && term > small * TAIL_STOP; i += 1) {
      term *= ((n - i) / (i + 1)) * odds;
      small += term;
    }
  }
  small = Math.min(1, small);
  return smallIsLower === lowerTail ? small : 1 - small;
}
