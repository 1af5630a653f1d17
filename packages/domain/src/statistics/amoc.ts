/**
 * At-most-one-change (AMOC) likelihood-ratio search, as R's changepoint single.*.calc functions
 * and decision(): the best single split, kept if the drop in cost is at least the penalty.
 * R's AMOC penalties use diffparam = 1 for every cost (even mean-and-variance), and MBIC adds
 * log(tau) + log(n - tau + 1) to the split's cost; both quirks are reproduced.
 */
import type { ChangepointCost, CumulativeSums } from './changepoint-costs.js';

interface AmocCandidate {
  readonly tau: number;
  readonly nullCost: number;
  readonly altCost: number;
}

function bestSplit(cost: ChangepointCost, cs: CumulativeSums, minSegmentLength: number): AmocCandidate {
  const n = cs.sums.length - 1;
  const y = (i: number): number => cs.sums[i] ?? 0;
  const y2 = (i: number): number => cs.squares[i] ?? 0;
  const yn = y(n);
  const y2n = y2(n);
  let nullCost: number;
  let first: number;
  let last: number;
  let split: (tau: number) => number;
  if (cost === 'poisson') {
    nullCost = yn === 0 ? Number.POSITIVE_INFINITY : 2 * yn * Math.log(n) - 2 * yn * Math.log(yn);
    first = minSegmentLength;
    last = n - minSegmentLength;
    // 0 * log(0) gives NaN here exactly as in R, where it is then replaced by Inf.
    split = (tau) =>
      2 * Math.log(tau) * y(tau) -
      2 * y(tau) * Math.log(y(tau)) +
      2 * Math.log(n - tau) * (yn - y(tau)) -
      2 * (yn - y(tau)) * Math.log(yn - y(tau));
  } else if (cost === 'normal-mean') {
    nullCost = y2n - (yn * yn) / n;
    first = minSegmentLength;
    last = n - minSegmentLength + 1;
    split = (tau) => y2(tau) - (y(tau) * y(tau)) / tau + (y2n - y2(tau)) - ((yn - y(tau)) * (yn - y(tau))) / (n - tau);
  } else {
    nullCost = n * Math.log((y2n - (yn * yn) / n) / n);
    first = minSegmentLength;
    last = n - minSegmentLength + 1;
    split = (tau) => {
      let s1 = (y2(tau) - (y(tau) * y(tau)) / tau) / tau;
      if (s1 <= 0) s1 = 1e-10;
      let sn = (y2n - y2(tau) - ((yn - y(tau)) * (yn - y(tau))) / (n - tau)) / (n - tau);
      if (sn <= 0) sn = 1e-10;
      return tau * Math.log(s1) + (n - tau) * Math.log(sn);
    };
  }
  let bestTau = first;
  let bestCost = Number.NaN;
  for (let tau = first; tau <= last; tau += 1) {
    let value = split(tau);
    if (Number.isNaN(value)) value = cost === 'poisson' ? Number.POSITIVE_INFINITY : Number.NaN;
    // which(tmp == min(tmp, na.rm = TRUE))[1]: first minimum, NaN ignored.
    if (!Number.isNaN(value) && (Number.isNaN(bestCost) || value < bestCost)) {
      bestCost = value;
      bestTau = tau;
    }
  }
  return { tau: bestTau, nullCost, altCost: bestCost };
}

/** Returns [tau] when a change is detected, else []. */
export function amocSearch(
  cost: ChangepointCost,
  cs: CumulativeSums,
  penalty: number,
  mbic: boolean,
  minSegmentLength: number,
): number[] {
  const n = cs.sums.length - 1;
  const candidate = bestSplit(cost, cs, minSegmentLength);
  const alt = mbic ? candidate.altCost + Math.log(candidate.tau) + Math.log(n - candidate.tau + 1) : candidate.altCost;
  const statistic = candidate.nullCost - alt;
  // An all-zero Poisson series gives Inf - Inf: R stops with an error there; no change is the answer.
  return statistic >= penalty ? [candidate.tau] : [];
}
