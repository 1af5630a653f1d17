import type { ItsFit } from '../statistics/interrupted-time-series.js';
import type { MethodFailure, RateRatioSection } from './trend-analysis.js';

export type TrendDirection = 'fewer' | 'more' | 'no-clear-change' | 'not-computable';
export type PreTrend = 'falling' | 'rising' | 'no-clear-trend';

/**
 * The one-line answer to "did behaviour change after the agreement?", for tables and reports. The
 * ITS level change is preferred because it is judged against the trend already under way; the
 * plain before/after rate ratio stands in when no model could be fitted (e.g. no events before).
 * Only an interval wholly on one side of 1 counts as a change.
 */
export interface TrendVerdict {
  readonly direction: TrendDirection;
  readonly measure: 'its-level' | 'rate-ratio' | null;
  /** The ratio behind it (Infinity possible: JSON writes null). */
  readonly ratio: number | null;
  readonly interval: readonly [number, number] | null;
  /** The ITS time coefficient's reading: was the count already falling or rising before? Null without a model. */
  readonly preTrend: PreTrend | null;
  /** Why no verdict, when not computable. */
  readonly reason: string | null;
}

/** An interval wholly below 1 is fewer, wholly above is more; null stands for +∞ (JSON's Infinity). */
export function intervalDirection(interval: readonly [number | null, number | null]): 'fewer' | 'more' | 'no-clear-change' {
  const lower = interval[0] ?? Number.POSITIVE_INFINITY;
  const upper = interval[1] ?? Number.POSITIVE_INFINITY;
  if (upper < 1) return 'fewer';
  if (lower > 1) return 'more';
  return 'no-clear-change';
}

function fitted<T extends object>(value: T | MethodFailure | undefined): T | undefined {
  return value === undefined || 'error' in value ? undefined : value;
}

export function trendVerdict(analysis: { readonly rateRatio?: RateRatioSection | MethodFailure; readonly its?: ItsFit | MethodFailure }): TrendVerdict {
  const its = fitted(analysis.its);
  const time = its?.coefficients.find((c) => c.name === 'time');
  const preTrendOf = time === undefined ? null : ({ fewer: 'falling', more: 'rising', 'no-clear-change': 'no-clear-trend' } as const)[intervalDirection(time.rateRatioConfInt)];
  const level = its?.coefficients.find((c) => c.name === 'level');
  if (level !== undefined) {
    return { direction: intervalDirection(level.rateRatioConfInt), measure: 'its-level', ratio: level.rateRatio, interval: level.rateRatioConfInt, preTrend: preTrendOf, reason: null };
  }
  const rr = fitted(analysis.rateRatio);
  if (rr !== undefined) {
    return { direction: intervalDirection(rr.result.confInt), measure: 'rate-ratio', ratio: rr.result.rateRatio, interval: rr.result.confInt, preTrend: preTrendOf, reason: null };
  }
  const failure = analysis.its ?? analysis.rateRatio;
  const reason = failure !== undefined && 'error' in failure ? failure.error.message : 'no before/after method was computed';
  return { direction: 'not-computable', measure: null, ratio: null, interval: null, preTrend: preTrendOf, reason };
}
