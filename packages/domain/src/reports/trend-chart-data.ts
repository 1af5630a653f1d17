import type { TrendReport } from '../contracts/trend-contracts.js';
import { isMethodFailure } from '../series/trend-analysis.js';
import type { ItsFit } from '../statistics/interrupted-time-series.js';
import type { ReportTrendRow } from './report-model.js';

const Z95 = 1.959963984540054;

/** What the band needs of a fit: the same in the ITS result and in its JSON form (the dashboard's). */
export type CounterfactualInput = Pick<ItsFit, 'covariance' | 'counterfactual' | 'breakIndex'> & { readonly coefficients: ReadonlyArray<{ readonly name: string }> };

/**
 * The 95% interval of the no-agreement projection, per period from the break on (the dashboard's
 * band). The projection is exp(offset + b0 + b1·t) with t = i + 1 (the design's time column), so
 * its log has variance x'Σx over the intercept and time terms; undefined before the break.
 */
export function counterfactualBand(its: CounterfactualInput): Array<{ lower: number; upper: number } | undefined> {
  const ix = its.coefficients.findIndex((c) => c.name === 'intercept');
  const it = its.coefficients.findIndex((c) => c.name === 'time');
  return its.counterfactual.map((value, i) => {
    if (i < its.breakIndex || ix < 0 || it < 0 || !(value > 0)) return undefined;
    const t = i + 1;
    const cov = (a: number, b: number): number => its.covariance[a]?.[b] ?? Number.NaN;
    const variance = cov(ix, ix) + 2 * t * cov(ix, it) + t * t * cov(it, it);
    if (!(variance >= 0)) return undefined;
    const eta = Math.log(value);
    const half = Z95 * Math.sqrt(variance);
    return { lower: Math.exp(eta - half), upper: Math.exp(eta + half) };
  });
}

/** Rounded to three decimals so every renderer (and the JSON) shows the same digits. */
export function round3(value: number | undefined | null): number | null {
  return value === undefined || value === null || !Number.isFinite(value) ? null : Math.round(value * 1000) / 1000;
}

/** Per covered period: observed count, fitted line, counterfactual and its band (after the break). */
export function trendRows(report: TrendReport): ReportTrendRow[] {
  const periods = report.series.periods.filter((p) => p.count !== null);
  const its = report.analysis.its !== undefined && !isMethodFailure(report.analysis.its) ? report.analysis.its : undefined;
  const band = its === undefined ? [] : counterfactualBand(its);
  return periods.map((p, i) => {
    const after = its !== undefined && i >= its.breakIndex;
    return {
      period: p.label,
      observed: round3(p.count) ?? 0,
      fitted: round3(its?.fitted[i]),
      counterfactual: after ? round3(its?.counterfactual[i]) : null,
      lower: round3(band[i]?.lower),
      upper: round3(band[i]?.upper),
    };
  });
}
