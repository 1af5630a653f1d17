/**
 * Binary segmentation as R's changepoint C code (BinSeg_one_func_minseglen.c): Q greedy splits,
 * each recorded with the smaller of its gain and all earlier gains, then as many kept as have
 * twice that gain at least the penalty. Its quirks are kept so results match R: candidate split
 * points j run over 2..n-3 only, and a split needs j - start >= minseglen on the left.
 */
import { costBetween, type CumulativeSums, type SegmentCost } from './changepoint-costs.js';

export function binarySegmentationSearch(
  cs: CumulativeSums,
  cost: SegmentCost,
  penalty: number,
  minSegmentLength: number,
  maxChangepoints: number,
): number[] {
  const n = cs.sums.length - 1;
  const half = (start: number, end: number): number => -0.5 * costBetween(cost, cs, start, end);
  const tau: number[] = [0, n];
  const found: number[] = [];
  const gains: number[] = [];
  let oldMax = 1.7e308;
  for (let q = 0; q < maxChangepoints; q += 1) {
    const lambda = new Float64Array(n);
    let i = 1;
    let start = (tau[0] ?? 0) + 1;
    let end = tau[1] ?? n;
    let nullLike = half(start - 1, end);
    for (let j = 2; j < n - 2; j += 1) {
      if (j === end) {
        start = end + 1;
        i += 1;
        end = tau[i] ?? n;
        nullLike = half(start - 1, end);
      } else if (j - start >= minSegmentLength && end - j >= minSegmentLength) {
        lambda[j] = half(start - 1, j) + half(j, end) - nullLike;
      }
    }
    let maxGain = lambda[0] ?? 0;
    let which = 0;
    lambda.forEach((value, index) => {
      if (value > maxGain) {
        maxGain = value;
        which = index;
      }
    });
    found.push(which);
    const gain = oldMax <= maxGain ? oldMax : maxGain;
    gains.push(gain);
    oldMax = gain;
    tau.push(which);
    tau.sort((a, b) => a - b);
  }
  let kept = 0;
  while (kept < maxChangepoints && 2 * (gains[kept] ?? 0) >= penalty) kept += 1;
  // With no split of positive gain the search returns 0 (no candidate); a zero penalty would then
  // keep it as a changepoint and an empty first segment (mean 0/0). Index 0 is never a change.
  return found.slice(0, kept).filter((index) => index > 0).sort((a, b) => a - b);
}
