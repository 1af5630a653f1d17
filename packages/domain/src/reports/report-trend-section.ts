import type { TrendReport } from '../contracts/trend-contracts.js';
import { isMethodFailure } from '../series/trend-analysis.js';
import type { ReportExclusion, ReportTrend } from './report-model.js';
import { trendReading } from './report-readings.js';
import { round3, trendRows } from './trend-chart-data.js';

/** An agreement's trend as the service computed it, or why it could not. */
export interface ReportTrendInput {
  readonly agreementId: string;
  readonly title: string;
  readonly report: TrendReport | null;
  readonly error: { readonly code: string; readonly message: string } | null;
}

const finite = (value: number | null | undefined): number | null => (value === null || value === undefined || !Number.isFinite(value) ? null : value);
const interval = (pair: readonly [number, number] | null | undefined): [number | null, number | null] | null => (pair === null || pair === undefined ? null : [finite(pair[0]), finite(pair[1])]);

export function chartIdOf(agreementId: string): string {
  return `trend-${agreementId}`;
}

export function buildTrendSection(input: ReportTrendInput): ReportTrend {
  const base = { agreementId: input.agreementId, title: input.title, chartId: chartIdOf(input.agreementId) };
  const report = input.report;
  if (report === null) {
    const reason = input.error?.message ?? 'no trend was computed';
    return {
      ...base, granularity: null, from: null, to: null, breakLabel: null, events: null, direction: 'not-computable', measure: null, ratio: null, interval: null,
      preTrend: null, preTrendRatio: null, preTrendInterval: null, rows: [], error: reason, detail: '',
      reading: trendReading({ direction: 'not-computable', measure: null, ratio: null, interval: null, preTrend: null, preTrendRatio: null, preTrendInterval: null, granularity: null, events: null, reason }),
    };
  }
  const { analysis, series } = report;
  const its = analysis.its !== undefined && !isMethodFailure(analysis.its) ? analysis.its : undefined;
  const time = its?.coefficients.find((c) => c.name === 'time');
  const verdict = analysis.verdict;
  const events = round3(series.total);
  const fields = {
    direction: verdict.direction,
    measure: verdict.measure,
    ratio: finite(verdict.ratio),
    interval: interval(verdict.interval),
    preTrend: verdict.preTrend,
    preTrendRatio: finite(time?.rateRatio),
    preTrendInterval: interval(time?.rateRatioConfInt),
  };
  return {
    ...base,
    ...fields,
    granularity: series.granularity,
    from: report.request.from,
    to: report.request.to,
    breakLabel: analysis.breakLabel,
    events,
    reading: trendReading({ ...fields, granularity: series.granularity, events, reason: verdict.reason }),
    detail: analysis.reading,
    rows: trendRows(report),
    error: null,
  };
}

/** What the trend's series left out, so nothing leaves a count silently. */
export function trendExclusions(input: ReportTrendInput): ReportExclusion[] {
  const excluded = input.report?.series.excluded;
  if (excluded === undefined) return [];
  const what = `trend of ${input.agreementId}`;
  const reasons: Array<[number, string]> = [
    [excluded.outsideWindow, 'incidents whose dates fall wholly outside the trend window or the data coverage'],
    [excluded.unbounded, 'incidents with an open-ended date that cannot be placed in a period'],
    [excluded.undated, 'incidents without a date of the kind counted'],
    [excluded.uncertain, 'incidents whose date spans several periods (left out instead of spread)'],
  ];
  return reasons.filter(([count]) => count > 0).map(([count, reason]) => ({ what, count, reason, ids: [] }));
}
