import type { CountSeries } from '../series/count-series.js';
import { StatisticsError } from '../statistics/errors.js';
import { detectChangepoints } from '../statistics/changepoints.js';
import type { DyadChangepoint } from './alert-match.js';

/** The segmentation the trend analysis uses for its changepoint section, so alerts and charts agree. */
const METHOD = 'PELT (Poisson cost, MBIC penalty)';

export interface DyadChangepointScan {
  readonly changepoints: readonly DyadChangepoint[];
  /** Why no segmentation could be made (too few periods), instead of silently finding nothing. */
  readonly note: string | null;
}

/**
 * Changepoints of a dyad's count series. Counts spread over periods by uncertain dates are
 * rounded, as the trend analysis does, because the Poisson cost needs whole counts; periods
 * outside the coverage (null) are left out.
 */
export function dyadChangepoints(series: CountSeries, sponsor: string, victim: string): DyadChangepointScan {
  const covered = series.periods.filter((p) => p.count !== null);
  const counts = covered.map((p) => Math.round(p.count ?? 0));
  let cps: readonly number[];
  let segments: ReadonlyArray<{ readonly start: number; readonly end: number; readonly mean: number }>;
  try {
    const result = detectChangepoints(counts, { method: 'PELT', cost: 'poisson', penalty: 'MBIC' });
    cps = result.changepoints;
    segments = result.segments;
  } catch (error) {
    if (error instanceof StatisticsError) return { changepoints: [], note: error.message };
    throw error;
  }
  const changepoints = cps.flatMap((index) => {
    const before = segments.find((s) => s.end === index);
    const after = segments.find((s) => s.start === index);
    const period = covered[index];
    if (before === undefined || after === undefined || period === undefined) return [];
    return [{ sponsor, victim, period: period.label, meanBefore: before.mean, meanAfter: after.mean, method: METHOD }];
  });
  return { changepoints, note: null };
}
