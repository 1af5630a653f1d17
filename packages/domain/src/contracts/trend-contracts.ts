import type { CountSeries } from '../series/count-series.js';
import type { Granularity } from '../series/periods.js';
import type { MethodFailure, RateRatioSection, TrendAnalysis, TrendMethod } from '../series/trend-analysis.js';
import type { TrendVerdict } from '../series/trend-verdict.js';
import type { RateRatioResult } from '../statistics/exact-poisson-tests.js';
import type { ItsCoefficient, ItsFamily, ItsFit } from '../statistics/interrupted-time-series.js';

/**
 * An agreement's trend statistics: what `trend --json` prints, GET /agreements/:id/trend answers
 * and the statistics refresh caches. Declared here, once, so the web app reads the same shape.
 */
export interface TrendRequest {
  readonly agreementId: string;
  readonly from?: string;
  readonly to?: string;
  readonly by?: Granularity;
  readonly methods: readonly TrendMethod[];
  readonly family?: ItsFamily;
  readonly slopeChange?: boolean;
  readonly dateBy?: 'start' | 'disclosure';
  readonly uncertain?: 'spread' | 'exclude';
  readonly minConfidence?: number;
}

export interface TrendReport {
  readonly agreement: { readonly id: string; readonly title: string; readonly effective: string };
  readonly request: TrendRequest & { readonly from: string; readonly to: string; readonly by: Granularity };
  readonly series: CountSeries;
  readonly analysis: TrendAnalysis;
}

/**
 * A report as it arrives over HTTP. JSON has no Infinity (or NaN): JSON.stringify writes an
 * unbounded rate ratio or interval limit as null, so readers of the JSON must expect null exactly
 * where the statistics may be unbounded. Derived from the types above so the two cannot drift.
 */
export type JsonNumber = number | null;
export type JsonInterval = readonly [JsonNumber, JsonNumber];

export interface RateRatioResultJson extends Omit<RateRatioResult, 'rateRatio' | 'confInt'> {
  readonly rateRatio: JsonNumber;
  readonly confInt: JsonInterval;
}

export interface RateRatioSectionJson extends Omit<RateRatioSection, 'result'> {
  readonly result: RateRatioResultJson;
}

export interface ItsCoefficientJson extends Omit<ItsCoefficient, 'rateRatio' | 'rateRatioConfInt'> {
  readonly rateRatio: JsonNumber;
  readonly rateRatioConfInt: JsonInterval;
}

export interface ItsFitJson extends Omit<ItsFit, 'coefficients'> {
  readonly coefficients: readonly ItsCoefficientJson[];
}

/** The verdict as JSON carries it: an infinite ratio or limit is null. */
export interface TrendVerdictJson extends Omit<TrendVerdict, 'ratio' | 'interval'> {
  readonly ratio: JsonNumber;
  readonly interval: JsonInterval | null;
}

export interface TrendAnalysisJson extends Omit<TrendAnalysis, 'rateRatio' | 'its' | 'verdict'> {
  readonly rateRatio?: RateRatioSectionJson | MethodFailure;
  readonly its?: ItsFitJson | MethodFailure;
  /** Absent in statistics cached before verdicts were computed on the server. */
  readonly verdict?: TrendVerdictJson;
}

export interface TrendReportJson extends Omit<TrendReport, 'analysis'> {
  readonly analysis: TrendAnalysisJson;
}
