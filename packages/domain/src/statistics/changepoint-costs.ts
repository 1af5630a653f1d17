/**
 * Segment costs and penalties of R's changepoint package (version 2.3), transcribed from its C
 * cost functions and penalty_decision(), including their edge conventions (a Poisson segment
 * with zero events costs 0 even under MBIC; variances are floored at 1e-11).
 */
import { StatsInvalidInputError } from './errors.js';

/**
 * - 'poisson': change in the rate of Poisson counts (cpt.meanvar(test.stat = "Poisson")).
 * - 'normal-mean': change in mean with unit variance (cpt.mean(test.stat = "Normal")); scale
 *   the data first, or R and this both find a change at almost every point.
 * - 'normal-meanvar': change in mean and variance (cpt.meanvar(test.stat = "Normal")).
 */
export type ChangepointCost = 'poisson' | 'normal-mean' | 'normal-meanvar';

/** R's penalty names; 'Manual' takes `penaltyValue`. */
export type PenaltyType = 'MBIC' | 'BIC' | 'SIC' | 'AIC' | 'Hannan-Quinn' | 'None' | 'Manual';

const LOG_TWO_PI = Math.log(2 * Math.PI);

/** Cost of one segment from its sum, sum of squares and length: twice the negative log-likelihood. */
export type SegmentCost = (sum: number, sumOfSquares: number, length: number) => number;

export function segmentCost(cost: ChangepointCost, mbic: boolean): SegmentCost {
  const extra = (length: number): number => (mbic ? Math.log(length) : 0);
  switch (cost) {
    case 'poisson':
      // mll_meanvar_poisson / mbic_meanvar_poisson: 0 for an empty-count segment, MBIC term included.
      return (sum, _sq, length) => (sum === 0 ? 0 : 2 * sum * (Math.log(length) - Math.log(sum)) + extra(length));
    case 'normal-mean':
      return (sum, sq, length) => sq - (sum * sum) / length + extra(length);
    case 'normal-meanvar':
      return (sum, sq, length) => {
        let variance = (sq - (sum * sum) / length) / length;
        if (variance <= 0) variance = 1e-11;
        return length * (LOG_TWO_PI + Math.log(variance) + 1) + extra(length);
      };
  }
}

/** Number of parameters that change at a changepoint, as the package's `diffparam`. */
export function changedParameters(cost: ChangepointCost): number {
  return cost === 'normal-meanvar' ? 2 : 1;
}

/** R's penalty_decision(): the penalty added per changepoint. */
export function changepointPenalty(penalty: PenaltyType, n: number, diffparam: number, manualValue?: number): number {
  let value: number;
  switch (penalty) {
    case 'SIC':
    case 'BIC':
      value = (diffparam + 1) * Math.log(n);
      break;
    case 'MBIC':
      value = (diffparam + 2) * Math.log(n);
      break;
    case 'AIC':
      value = 2 * (diffparam + 1);
      break;
    case 'Hannan-Quinn':
      value = 2 * (diffparam + 1) * Math.log(Math.log(n));
      break;
    case 'None':
      value = 0;
      break;
    case 'Manual':
      if (manualValue === undefined || !Number.isFinite(manualValue)) {
        throw new StatsInvalidInputError('a Manual penalty needs a finite penaltyValue');
      }
      value = manualValue;
      break;
    default:
      throw new StatsInvalidInputError(`unknown penalty '${String(penalty)}'`);
  }
  if (value < 0) throw new StatsInvalidInputError(`the penalty cannot be negative, got ${value}`);
  return value;
}

/** Cumulative sums with a leading zero: sums[i] is the total of the first i observations. */
export interface CumulativeSums {
  readonly sums: Float64Array;
  readonly squares: Float64Array;
}

export function cumulativeSums(data: readonly number[]): CumulativeSums {
  const sums = new Float64Array(data.length + 1);
  const squares = new Float64Array(data.length + 1);
  data.forEach((value, i) => {
    sums[i + 1] = (sums[i] ?? 0) + value;
    squares[i + 1] = (squares[i] ?? 0) + value * value;
  });
  return { sums, squares };
}

/** Cost of the observations start+1..end (1-based), i.e. 0-based indices start..end-1. */
export function costBetween(cost: SegmentCost, cs: CumulativeSums, start: number, end: number): number {
  return cost(
    (cs.sums[end] ?? 0) - (cs.sums[start] ?? 0),
    (cs.squares[end] ?? 0) - (cs.squares[start] ?? 0),
    end - start,
  );
}
