import type { JsonInterval, JsonNumber } from '../contracts/trend-contracts.js';
import type { PreTrend, TrendDirection } from '../series/trend-verdict.js';

/** A ratio for people: two decimals; null (JSON's stand-in for Infinity) is ∞. */
export function formatRatio(value: JsonNumber): string {
  return value === null || !Number.isFinite(value) ? '∞' : (Math.round(value * 100) / 100).toString();
}

export function formatInterval(interval: JsonInterval): string {
  return `95% CI ${formatRatio(interval[0])}–${formatRatio(interval[1])}`;
}

/** A per-period ratio needs three decimals: ×1.004 per month is a trend, ×1 is not. */
export function formatRate(value: JsonNumber): string {
  return value === null || !Number.isFinite(value) ? '∞' : (Math.round(value * 1000) / 1000).toString();
}

const pct = (ratio: number): string => `${Math.round(Math.abs(ratio - 1) * 1000) / 10}%`;

export interface ReadingInput {
  readonly direction: TrendDirection;
  readonly measure: 'its-level' | 'rate-ratio' | null;
  readonly ratio: JsonNumber;
  readonly interval: JsonInterval | null;
  readonly preTrend: PreTrend | null;
  readonly preTrendRatio: JsonNumber;
  readonly preTrendInterval: JsonInterval | null;
  readonly granularity: string | null;
  /** Events in the series (possibly fractional: uncertain dates are spread). */
  readonly events: number | null;
  readonly reason: string | null;
}

function answer(input: ReadingInput): string {
  const { direction, measure, ratio, interval } = input;
  if (direction === 'not-computable' || interval === null) return `No before/after estimate could be computed${input.reason === null ? '' : ` (${input.reason})`}, so the data say nothing either way about a change after the agreement.`;
  const what = measure === 'its-level' ? 'Against the trend already under way, the level of incidents after the agreement changed by a factor of' : 'Comparing the rates after and before the agreement, they changed by a factor of';
  const estimate = `${what} ${formatRatio(ratio)} (${formatInterval(interval)})`;
  if (direction === 'no-clear-change') return `${estimate}. The interval includes 1 (no change), so the data cannot tell a change from chance.`;
  const way = direction === 'fewer' ? 'fewer' : 'more';
  return `${estimate}: ${way} incidents than expected, and the whole interval lies on that side of 1. The size of the change is uncertain anywhere within the interval.`;
}

function preExisting(input: ReadingInput): string {
  const per = input.granularity ?? 'period';
  if (input.preTrend === null || input.preTrendRatio === null || input.preTrendInterval === null) {
    return 'No model of the pre-existing trend could be fitted, so a change cannot be told apart from a trend already under way; a before/after comparison alone does not show that the agreement caused anything.';
  }
  const interval = `95% CI ×${formatRate(input.preTrendInterval[0])}–×${formatRate(input.preTrendInterval[1])} per ${per}`;
  if (input.preTrend === 'no-clear-trend') return `Before the agreement there was no clear trend (×${formatRate(input.preTrendRatio)} per ${per}, ${interval}).`;
  return `Before the agreement incidents were already ${input.preTrend} by about ${pct(input.preTrendRatio)} per ${per} (${interval}); any change must be judged against that pre-existing trend.`;
}

/**
 * The trend section's plain reading: the answer with its interval, the trend that was already
 * under way, and a warning when the counts are small. Observational data: it never says "caused".
 */
export function trendReading(input: ReadingInput): string {
  const parts = [answer(input), preExisting(input)];
  if (input.events !== null && input.events < 10) parts.push(`With only ${formatRatio(input.events)} incident(s) in the series, every estimate is very uncertain.`);
  return parts.join(' ');
}
