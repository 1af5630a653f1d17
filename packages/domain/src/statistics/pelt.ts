/**
 * PELT (Killick, Fearnhead & Eckley 2012) as implemented in R's changepoint package C code
 * (PELT_one_func_minseglen.c): the same candidate list, the same first-minimum tie rule and the
 * same pruning test (keep a candidate while its cost is within one penalty of the optimum), so
 * the changepoints are identical to R's, not just equally optimal.
 */
import { costBetween, type CumulativeSums, type SegmentCost } from './changepoint-costs.js';

/** Returns R's cpts(): sorted segment ends (1-based), without the final n. */
export function peltSearch(cs: CumulativeSums, cost: SegmentCost, penalty: number, minSegmentLength: number): number[] {
  const n = cs.sums.length - 1;
  const best = new Float64Array(n + 1); // lastchangelike
  const lastChange = new Int32Array(n + 1); // lastchangecpts
  best[0] = -penalty;
  for (let j = minSegmentLength; j < 2 * minSegmentLength && j <= n; j += 1) {
    best[j] = costBetween(cost, cs, 0, j);
    lastChange[j] = 0;
  }
  let candidates: number[] = [0, minSegmentLength];
  for (let tstar = 2 * minSegmentLength; tstar <= n; tstar += 1) {
    const totals = candidates.map((tau) => (best[tau] ?? 0) + costBetween(cost, cs, tau, tstar) + penalty);
    let minimum = totals[0] ?? Number.POSITIVE_INFINITY;
    let which = 0;
    totals.forEach((total, i) => {
      if (total < minimum) {
        minimum = total;
        which = i;
      }
    });
    best[tstar] = minimum;
    lastChange[tstar] = candidates[which] ?? 0;
    candidates = candidates.filter((_, i) => (totals[i] ?? Number.POSITIVE_INFINITY) <= minimum + penalty);
    candidates.push(tstar - (minSegmentLength - 1));
  }
  const changepoints: number[] = [];
  for (let last = lastChange[n] ?? 0; last !== 0; last = lastChange[last] ?? 0) changepoints.push(last);
  return changepoints.sort((a, b) => a - b);
}
