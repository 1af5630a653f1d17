/**
 * Offline changepoint detection with the conventions of R's changepoint package 2.3:
 * cpt.meanvar(test.stat = "Poisson") / cpt.mean / cpt.meanvar(test.stat = "Normal") with
 * method PELT (default here), AMOC or BinSeg and the package's penalties.
 *
 * Locations are reported exactly as R's cpts(): the 1-based position of the last observation of
 * each segment but the final one. That number is also the 0-based index of the first observation
 * of the next segment, which is how the rest of pactwatch indexes periods.
 */
import { StatsInsufficientDataError, StatsInvalidInputError } from './errors.js';
import {
  changedParameters,
  changepointPenalty,
  cumulativeSums,
  segmentCost,
  type ChangepointCost,
  type PenaltyType,
} from './changepoint-costs.js';
import { amocSearch } from './amoc.js';
import { binarySegmentationSearch } from './binary-segmentation.js';
import { peltSearch } from './pelt.js';
import { assertCountSeries, assertFiniteSeries } from './validation.js';

export type ChangepointMethod = 'PELT' | 'AMOC' | 'BinSeg';

export interface ChangepointOptions {
  /** Default 'PELT'. */
  readonly method?: ChangepointMethod;
  /** Default 'poisson' (counts must then be non-negative integers, as R requires). */
  readonly cost?: ChangepointCost;
  /** Default 'MBIC', R's default. */
  readonly penalty?: PenaltyType;
  /** The penalty itself when `penalty` is 'Manual'. */
  readonly penaltyValue?: number;
  /** Minimum segment length; R's defaults: 2 for mean-and-variance costs, 1 for 'normal-mean'. */
  readonly minSegmentLength?: number;
  /** BinSeg only: the maximum number of changepoints Q; default 5 as in R. */
  readonly maxChangepoints?: number;
}

export interface ChangepointSegment {
  /** 0-based index of the segment's first observation. */
  readonly start: number;
  /** 0-based index one past the segment's last observation. */
  readonly end: number;
  readonly mean: number;
}

export interface ChangepointResult {
  readonly method: ChangepointMethod;
  readonly cost: ChangepointCost;
  readonly penaltyType: PenaltyType;
  /** The penalty value per changepoint actually used (R's pen.value). */
  readonly penalty: number;
  readonly minSegmentLength: number;
  /** As R's cpts(); equally the 0-based index where each new segment starts. */
  readonly changepoints: readonly number[];
  readonly segments: readonly ChangepointSegment[];
}

function validate(data: readonly number[], cost: ChangepointCost, minSegmentLength: number, method: ChangepointMethod): void {
  if (cost !== 'poisson' && cost !== 'normal-mean' && cost !== 'normal-meanvar') {
    throw new StatsInvalidInputError(`cost must be 'poisson', 'normal-mean' or 'normal-meanvar', got ${String(cost)}`);
  }
  if (method !== 'PELT' && method !== 'AMOC' && method !== 'BinSeg') {
    throw new StatsInvalidInputError(`method must be 'PELT', 'AMOC' or 'BinSeg', got ${String(method)}`);
  }
  if (!Number.isInteger(minSegmentLength) || minSegmentLength < 1) {
    throw new StatsInvalidInputError(`minSegmentLength must be a positive integer, got ${minSegmentLength}`);
  }
  if (data.length === 0) throw new StatsInsufficientDataError('the series is empty: there is nothing to segment');
  if (cost === 'poisson') assertCountSeries(data, 'data');
  else assertFiniteSeries(data, 'data');
  const minimum = Math.max(2 * minSegmentLength, cost === 'normal-mean' ? 2 : 4);
  if (data.length < minimum) {
    throw new StatsInsufficientDataError(
      `${data.length} observations are too few to place a change (at least ${minimum} are needed with minSegmentLength ${minSegmentLength})`,
    );
  }
}

export function detectChangepoints(data: readonly number[], options: ChangepointOptions = {}): ChangepointResult {
  const method = options.method ?? 'PELT';
  const cost = options.cost ?? 'poisson';
  const penaltyType = options.penalty ?? 'MBIC';
  const minSegmentLength = options.minSegmentLength ?? (cost === 'normal-mean' ? 1 : 2);
  validate(data, cost, minSegmentLength, method);
  const n = data.length;
  const mbic = penaltyType === 'MBIC';
  // R's AMOC functions always pass diffparam = 1; PELT and BinSeg use the cost's own count.
  const diffparam = method === 'AMOC' ? 1 : changedParameters(cost);
  const penalty = changepointPenalty(penaltyType, n, diffparam, options.penaltyValue);
  const cs = cumulativeSums(data);
  let changepoints: number[];
  if (method === 'AMOC') {
    changepoints = amocSearch(cost, cs, penalty, mbic, minSegmentLength);
  } else if (method === 'PELT') {
    changepoints = peltSearch(cs, segmentCost(cost, mbic), penalty, minSegmentLength);
  } else {
    const q = options.maxChangepoints ?? 5;
    if (!Number.isInteger(q) || q < 1 || q > n / minSegmentLength + 1 || q > n) {
      throw new StatsInvalidInputError(`maxChangepoints must be an integer from 1 to ${Math.min(n, Math.floor(n / minSegmentLength + 1))}, got ${q}`);
    }
    changepoints = binarySegmentationSearch(cs, segmentCost(cost, mbic), penalty, minSegmentLength, q);
  }
  const bounds = [0, ...changepoints, n];
  const segments = bounds.slice(1).map((end, i) => {
    const start = bounds[i] ?? 0;
    return { start, end, mean: ((cs.sums[end] ?? 0) - (cs.sums[start] ?? 0)) / (end - start) };
  });
  return { method, cost, penaltyType, penalty, minSegmentLength, changepoints, segments };
}
