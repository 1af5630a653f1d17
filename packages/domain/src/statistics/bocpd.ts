/**
 * Bayesian online changepoint detection (Adams & MacKay 2007) for counts, with a Poisson
 * likelihood, a Gamma(shape, rate) prior on the rate (negative-binomial predictive) and a
 * constant hazard. It follows R's ocp::onlineCPD(probModel = list("p")) step by step so that its
 * run-length posterior and its `maxCPs` (most probable changepoint set) are the package's:
 *
 * - Run length r at time t counts the observations of the current run up to and including x_t;
 *   P(r_t = 0) is the probability that a new run starts after x_t, which with a constant hazard
 *   is always the hazard itself.
 * - The MAP set is built online as ocp's findCPprobs does, including its indexing (each candidate
 *   run start is combined with the best set stored two steps back), and ties go to the shortest
 *   candidate start index as which.max does.
 * - Tiny run-length probabilities are floored at the smallest normal double and the vector is
 *   truncated where its tail mass drops below it, as ocp's defaults (truncRlim, minRlength = 1,
 *   maxRlength = 10^4, minsep = 1, maxsep = 10^4) do.
 */
import { StatsInsufficientDataError, StatsInvalidInputError } from './errors.js';
import { logGamma } from './special-functions.js';
import { assertCountSeries } from './validation.js';

export interface BocpdOptions {
  /** Constant probability of a changepoint at each step; default 0.01 (ocp's lambda = 100). */
  readonly hazard?: number;
  /** Gamma prior on the Poisson rate; default shape 1, rate 1 (ocp's a = 1, b = 1). */
  readonly prior?: { readonly shape: number; readonly rate: number };
  /** Keep the full run-length posterior (O(n^2) numbers); default true. */
  readonly keepRunLengthPosterior?: boolean;
}

export interface BocpdResult {
  /**
   * runLengthPosterior[t][r] = P(r_t = r | x_1..x_t) for t = 0..n (t = 0 is the prior, [1]).
   * Empty when keepRunLengthPosterior is false.
   */
  readonly runLengthPosterior: readonly (readonly number[])[];
  /** ocp's maxCPs converted to 0-based indices: the first observation of each segment, starting with 0. */
  readonly segmentStarts: readonly number[];
  /** segmentStarts without the leading 0: the same convention as detectChangepoints. */
  readonly changepoints: readonly number[];
  /**
   * ocp's maxCPs can end with n + 1 (1-based): the most probable run length after the last
   * observation is 0, i.e. the model expects the NEXT observation to start a new segment. That
   * segment holds no data, so it is not in segmentStarts or changepoints; this flag keeps the
   * signal ("a change may be under way at the end of the series").
   */
  readonly nextStartsNewSegment: boolean;
  readonly hazard: number;
}

const DBL_MIN = 2.2250738585072014e-308;
const LOG_DBL_MIN = Math.log(DBL_MIN);
const MAX_RUN_LENGTHS = 10_000;
const MIN_SEPARATION = 1;
const MAX_SEPARATION = 10_000;
const MAX_PRIOR_PARAMETER = 1e12;

/** log of R's dnbinom(x, size, prob = rate / (rate + 1)): the Gamma-Poisson predictive. */
function logPredictive(x: number, shape: number, rate: number): number {
  return (
    logGamma(x + shape) -
    logGamma(shape) -
    logGamma(x + 1) +
    shape * Math.log(rate / (rate + 1)) -
    x * Math.log(rate + 1)
  );
}

export function bayesianOnlineChangepoints(counts: readonly number[], options: BocpdOptions = {}): BocpdResult {
  const hazard = options.hazard ?? 0.01;
  if (!(hazard > 0 && hazard < 1)) {
    throw new StatsInvalidInputError(`hazard must lie strictly between 0 and 1, got ${hazard}`);
  }
  const shape0 = options.prior?.shape ?? 1;
  const rate0 = options.prior?.rate ?? 1;
  // Past MAX_PRIOR_PARAMETER logGamma(shape) overflows and the predictive becomes Inf - Inf (NaN).
  if (!(shape0 > 0 && shape0 <= MAX_PRIOR_PARAMETER && rate0 > 0 && rate0 <= MAX_PRIOR_PARAMETER)) {
    throw new StatsInvalidInputError(`the Gamma prior needs a positive shape and rate of at most ${MAX_PRIOR_PARAMETER}, got ${shape0} and ${rate0}`);
  }
  if (counts.length === 0) throw new StatsInsufficientDataError('the series is empty: there is nothing to segment');
  assertCountSeries(counts, 'counts');
  const keep = options.keepRunLengthPosterior ?? true;

  let runProbabilities: number[] = [1];
  let shapes: number[] = [shape0];
  let rates: number[] = [rate0];
  // ocp's logprobmaxes and logprobcps, 1-based in R; index k here is R's k + 1.
  const bestLogProb: number[] = [0, 0];
  let bestSets: (readonly number[])[] = [[], [1]];
  const posterior: number[][] = keep ? [[1]] : [];

  counts.forEach((x, index) => {
    const t = index + 1;
    // Truncate where the tail mass of the previous run-length vector falls below DBL_MIN.
    let current = runProbabilities;
    if (current.length > 1) {
      let tail = 0;
      let keepLength = current.length;
      for (let k = current.length - 1; k >= 0; k -= 1) {
        tail += current[k] ?? 0;
        if (tail < DBL_MIN) keepLength = k;
      }
      current = current.slice(0, Math.max(1, Math.min(keepLength, MAX_RUN_LENGTHS)));
    }
    const runCount = current.length;
    const joint = current.map((probability, r) => {
      const logValue = Math.log(probability) + logPredictive(x, shapes[r] ?? shape0, rates[r] ?? rate0);
      return Math.exp(Math.max(logValue, LOG_DBL_MIN));
    });
    shapes = [shape0, ...shapes.slice(0, runCount).map((a) => a + x)];
    rates = [rate0, ...rates.slice(0, runCount).map((b) => b + 1)];
    const restart = joint.reduce((sum, value) => sum + value * hazard, 0);
    let next = [restart, ...joint.map((value) => value * (1 - hazard))];
    const total = next.reduce((a, b) => a + b, 0);
    next = next.map((value) => value / total);
    if (next.some((value) => !Number.isFinite(Math.log(value)))) {
      next = next.map((value) => (value < DBL_MIN ? DBL_MIN : value));
    }
    runProbabilities = next;
    if (keep) posterior.push(next);

    // findCPprobs: best changepoint set ending at t, over every possible start of the current run.
    const candidates = next.length; // runCount + 1
    let maxId = candidates - MAX_SEPARATION;
    let minId = candidates - MIN_SEPARATION + 1;
    if (MIN_SEPARATION > candidates || MIN_SEPARATION > MAX_SEPARATION) minId = candidates;
    if (maxId < 1 || maxId > minId) maxId = 1;
    let bestValue = Number.NEGATIVE_INFINITY;
    let bestIndex = maxId;
    for (let j = maxId; j <= minId; j += 1) {
      // prun[j] = log newR[candidates + 1 - j]; pprev[j] = probmaxes[t + 1 - runCount + j - 1].
      const value = Math.log(next[candidates - j] ?? 0) + (bestLogProb[t - runCount + j - 1] ?? Number.NaN);
      if (value > bestValue) {
        bestValue = value;
        bestIndex = j;
      }
    }
    const kept = bestSets.slice(bestSets.length - 1 - runCount);
    const start = t - runCount + bestIndex;
    bestLogProb.push(bestValue);
    bestSets = [...kept, [...(kept[bestIndex - 1] ?? []), start]];
  });

  const traced = (bestSets[bestSets.length - 1] ?? [1]).map((start) => start - 1);
  const segmentStarts = traced.filter((start) => start < counts.length);
  return {
    runLengthPosterior: posterior,
    segmentStarts,
    changepoints: segmentStarts.filter((start) => start > 0),
    nextStartsNewSegment: traced.length > segmentStarts.length,
    hazard,
  };
}
