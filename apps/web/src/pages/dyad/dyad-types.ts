import type { TrendReportJson, Verdict } from '@pactwatch/domain';
import type { SeriesPeriodLike } from './dyad-model.js';

/** The JSON of GET /api/v1/dyads/:dyad (apps/api dashboard routes), as the page reads it. */
export interface DyadTrend {
  readonly source: 'cache' | 'computed';
  readonly computedAt: string;
  readonly report: TrendReportJson | null;
  readonly error: { readonly code: string; readonly message: string } | null;
}

export interface DyadAgreement {
  readonly id: string;
  readonly title: string;
  readonly signed: string;
  readonly inForce: string | null;
  readonly trend: DyadTrend;
}

export interface CountSeriesAnswer {
  readonly granularity: string;
  readonly periods: readonly SeriesPeriodLike[];
  readonly total: number;
  readonly spread: number;
}

export interface DyadDetail {
  readonly sponsor: string;
  readonly victim: string;
  readonly incidents: number;
  readonly breach: number;
  readonly possibleBreach: number;
  readonly perYear: CountSeriesAnswer | null;
  /** Findings (incident × commitment) by computed verdict. */
  readonly verdicts: Readonly<Record<Verdict, number>>;
  readonly agreements: readonly DyadAgreement[];
}
