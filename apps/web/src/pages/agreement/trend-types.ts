/**
 * The JSON of GET /agreements/:id/trend (backend TrendReport, which the web app may not import).
 * JSON has no Infinity: an unbounded rate ratio or interval limit arrives as null.
 */
export type Num = number | null;

export interface MethodFailure {
  readonly error: { readonly code: string; readonly message: string };
}

export interface TrendPeriod {
  readonly label: string;
  readonly start: number;
  readonly end: number;
  /** Null where the period is outside the data's coverage (no data, not zero). */
  readonly count: number | null;
  readonly exposure: number;
}

export interface ItsCoefficient {
  readonly name: string;
  readonly estimate: number;
  readonly se: number;
  readonly rateRatio: Num;
  readonly rateRatioConfInt: readonly [Num, Num];
}

export interface ItsFit {
  readonly fittedFamily: string;
  readonly breakIndex: number;
  readonly confLevel: number;
  readonly coefficients: readonly ItsCoefficient[];
  readonly covariance: readonly (readonly number[])[];
  readonly dispersion: number;
  readonly fitted: readonly number[];
  /** The pre-break trend carried on (level and slope terms zeroed), one per covered period. */
  readonly counterfactual: readonly number[];
}

export interface RateRatioSection {
  readonly before: { readonly from: string; readonly to: string; readonly count: number; readonly exposure: number };
  readonly after: { readonly from: string; readonly to: string; readonly count: number; readonly exposure: number };
  readonly rounded: boolean;
  readonly result: { readonly rateRatio: Num; readonly confInt: readonly [Num, Num]; readonly pValue: number; readonly confLevel: number };
}

export interface TrendReport {
  readonly agreement: { readonly id: string; readonly title: string; readonly effective: string };
  readonly request: { readonly from: string; readonly to: string; readonly by: string };
  readonly series: { readonly granularity: string; readonly periods: readonly TrendPeriod[]; readonly total: number; readonly items: number };
  readonly analysis: {
    readonly breakLabel: string;
    readonly breakIndex: number;
    readonly rateRatio?: RateRatioSection | MethodFailure;
    readonly its?: ItsFit | MethodFailure;
    readonly changepoints?: unknown;
    readonly reading: string;
  };
}

export function isFailure(value: unknown): value is MethodFailure {
  return typeof value === 'object' && value !== null && 'error' in value;
}
