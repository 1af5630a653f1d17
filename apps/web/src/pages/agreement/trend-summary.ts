import type { ItsFitJson, JsonInterval, JsonNumber, RateRatioSectionJson, TrendDirection, TrendReportJson } from '@pactwatch/domain';
import { isFailure } from './trend-types.js';

/** A ratio for people: two decimals; null (JSON's stand-in for Infinity) is ∞. */
export function formatRatio(value: JsonNumber): string {
  if (value === null || !Number.isFinite(value)) return '∞';
  return (Math.round(value * 100) / 100).toString();
}

export function formatInterval(interval: JsonInterval): string {
  return `95% CI ${formatRatio(interval[0])}–${formatRatio(interval[1])}`;
}

export interface TrendVerdictView {
  readonly direction: TrendDirection;
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

function itsFit(report: TrendReportJson): ItsFitJson | undefined {
  const its = report.analysis.its;
  return its === undefined || isFailure(its) ? undefined : its;
}

function rateRatioSection(report: TrendReportJson): RateRatioSectionJson | undefined {
  const rr = report.analysis.rateRatio;
  return rr === undefined || isFailure(rr) ? undefined : rr;
}

/**
 * The server's verdict (the domain's trendVerdict: which measure, which direction) in words for
 * the tables. Statistics cached before the server computed verdicts have none: they say so.
 */
export function trendVerdict(report: TrendReportJson): TrendVerdictView {
  const verdict = report.analysis.verdict;
  if (verdict === undefined) return { direction: 'not-computable', measure: null, ratio: null, interval: null, label: LABELS['not-computable'], detail: 'these statistics predate trend verdicts: refresh the statistics' };
  const base = { direction: verdict.direction, measure: verdict.measure, ratio: verdict.ratio, interval: verdict.interval, label: LABELS[verdict.direction] };
  if (verdict.measure === 'its-level' && verdict.interval !== null) {
    return { ...base, detail: `level change ×${formatRatio(verdict.ratio)} (${formatInterval(verdict.interval)}) against the pre-agreement trend` };
  }
  const rr = rateRatioSection(report);
  if (verdict.measure === 'rate-ratio' && verdict.interval !== null && rr !== undefined) {
    return { ...base, detail: `rate ratio ${formatRatio(verdict.ratio)} (${formatInterval(verdict.interval)}), ${rr.before.count} before and ${rr.after.count} after` };
  }
  return { ...base, detail: verdict.reason ?? 'no method was computed' };
}

/** The pre-existing trend in words, from the ITS time coefficient (undefined when no model was fitted). */
export function preExistingTrend(report: TrendReportJson): string | undefined {
  const time = itsFit(report)?.coefficients.find((c) => c.name === 'time');
  const preTrend = report.analysis.verdict?.preTrend;
  if (time === undefined || time.rateRatio === null || preTrend === undefined || preTrend === null) return undefined;
  const pct = (v: number): string => `${Math.round(Math.abs(v - 1) * 1000) / 10}%`;
  const [lo, hi] = time.rateRatioConfInt;
  const interval = `95% CI ×${formatRatio(lo)}–×${formatRatio(hi)} per ${report.series.granularity}`;
  if (preTrend === 'no-clear-trend') return `No clear trend before the agreement (×${formatRatio(time.rateRatio)} per ${report.series.granularity}, ${interval}).`;
  return `Before the agreement incidents were already ${preTrend} by about ${pct(time.rateRatio)} per ${report.series.granularity} (${interval}).`;
}

/** The before/after rate ratio in words, or why it is missing. */
export function rateRatioText(report: TrendReportJson): string {
  const section = report.analysis.rateRatio;
  if (section === undefined) return 'The before/after rate ratio was not computed.';
  if (isFailure(section)) return `The before/after rate ratio could not be computed: ${section.error.message}`;
  const { before, after, result } = section;
  return `Rate ratio after/before ${formatRatio(result.rateRatio)} (${formatInterval(result.confInt)}): ${after.count} incident(s) in ${after.exposure} period(s) after, ${before.count} in ${before.exposure} before.`;
}
