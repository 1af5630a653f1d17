import type { ItsFitJson, JsonInterval, JsonNumber, RateRatioSectionJson, TrendReportJson } from '@pactwatch/domain';
import { isFailure } from './trend-types.js';

/** A ratio for people: two decimals; null (JSON's stand-in for Infinity) is ∞. */
export function formatRatio(value: JsonNumber): string {
  if (value === null || !Number.isFinite(value)) return '∞';
  return (Math.round(value * 100) / 100).toString();
}

export function formatInterval(interval: JsonInterval): string {
  return `95% CI ${formatRatio(interval[0])}–${formatRatio(interval[1])}`;
}

export type TrendDirection = 'fewer' | 'more' | 'no-clear-change' | 'not-computable';

export interface TrendVerdict {
  readonly direction: TrendDirection;
  /** What the ratio measures: the ITS level change (against the pre-existing trend) or the plain before/after rate ratio. */
  readonly measure: 'its-level' | 'rate-ratio' | null;
  readonly ratio: JsonNumber;
  readonly interval: JsonInterval | null;
  readonly label: string;
  readonly detail: string;
}

const LABELS: Readonly<Record<TrendDirection, string>> = {
  fewer: 'Fewer incidents after',
  more: 'More incidents after',
  'no-clear-change': 'No clear change',
  'not-computable': 'Not computable',
};

/** Only an interval lying wholly on one side of 1 is read as a change; a null upper limit is +∞. */
function directionOf(interval: JsonInterval): TrendDirection {
  const lower = interval[0] ?? Number.POSITIVE_INFINITY;
  const upper = interval[1] ?? Number.POSITIVE_INFINITY;
  if (upper < 1) return 'fewer';
  if (lower > 1) return 'more';
  return 'no-clear-change';
}

function itsFit(report: TrendReportJson): ItsFitJson | undefined {
  const its = report.analysis.its;
  return its === undefined || isFailure(its) ? undefined : its;
}

function rateRatioSection(report: TrendReportJson): RateRatioSectionJson | undefined {
  const rr = report.analysis.rateRatio;
  return rr === undefined || isFailure(rr) ? undefined : rr;
}

/**
 * The verdict the overview shows per agreement. The ITS level change is preferred because it is
 * judged against the trend already under way; the plain rate ratio is the fallback when the
 * model could not be fitted (e.g. no events before the agreement).
 */
export function trendVerdict(report: TrendReportJson): TrendVerdict {
  const level = itsFit(report)?.coefficients.find((c) => c.name === 'level');
  if (level !== undefined) {
    const direction = directionOf(level.rateRatioConfInt);
    return { direction, measure: 'its-level', ratio: level.rateRatio, interval: level.rateRatioConfInt, label: LABELS[direction], detail: `level change ×${formatRatio(level.rateRatio)} (${formatInterval(level.rateRatioConfInt)}) against the pre-agreement trend` };
  }
  const rr = rateRatioSection(report);
  if (rr !== undefined) {
    const direction = directionOf(rr.result.confInt);
    return { direction, measure: 'rate-ratio', ratio: rr.result.rateRatio, interval: rr.result.confInt, label: LABELS[direction], detail: `rate ratio ${formatRatio(rr.result.rateRatio)} (${formatInterval(rr.result.confInt)}), ${rr.before.count} before and ${rr.after.count} after` };
  }
  const failure = report.analysis.its ?? report.analysis.rateRatio;
  return { direction: 'not-computable', measure: null, ratio: null, interval: null, label: LABELS['not-computable'], detail: isFailure(failure) ? failure.error.message : 'no method was computed' };
}

/** The pre-existing trend in words, from the ITS time coefficient (undefined when no model was fitted). */
export function preExistingTrend(report: TrendReportJson): string | undefined {
  const time = itsFit(report)?.coefficients.find((c) => c.name === 'time');
  if (time === undefined || time.rateRatio === null) return undefined;
  const pct = (v: number): string => `${Math.round(Math.abs(v - 1) * 1000) / 10}%`;
  const [lo, hi] = time.rateRatioConfInt;
  const interval = `95% CI ×${formatRatio(lo)}–×${formatRatio(hi)} per ${report.series.granularity}`;
  const direction = directionOf(time.rateRatioConfInt);
  if (direction === 'no-clear-change') return `No clear trend before the agreement (×${formatRatio(time.rateRatio)} per ${report.series.granularity}, ${interval}).`;
  return `Before the agreement incidents were already ${direction === 'fewer' ? 'falling' : 'rising'} by about ${pct(time.rateRatio)} per ${report.series.granularity} (${interval}).`;
}

/** The before/after rate ratio in words, or why it is missing. */
export function rateRatioText(report: TrendReportJson): string {
  const section = report.analysis.rateRatio;
  if (section === undefined) return 'The before/after rate ratio was not computed.';
  if (isFailure(section)) return `The before/after rate ratio could not be computed: ${section.error.message}`;
  const { before, after, result } = section;
  return `Rate ratio after/before ${formatRatio(result.rateRatio)} (${formatInterval(result.confInt)}): ${after.count} incident(s) in ${after.exposure} period(s) after, ${before.count} in ${before.exposure} before.`;
}
