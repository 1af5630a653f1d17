import { counterfactualBand, type SeriesPeriod, type TrendReportJson } from '@pactwatch/domain';
import type { EChartsCoreOption } from '../../charts/echarts.js';
import type { ChartTable } from '../../components/chart-panel.js';
import { SERIES_COLOURS } from '../../theme/palette.js';
import { isFailure } from './trend-types.js';

export interface Band {
  readonly lower: number;
  readonly upper: number;
}

/** The periods the analysis used: those inside the data's coverage (the ITS arrays align with these). */
export function coveredPeriods(report: TrendReportJson): SeriesPeriod[] {
  return report.series.periods.filter((p) => p.count !== null);
}

/** The 95% band of the no-agreement projection: the domain's, so the dashboard and the reports draw the same interval. */
export { counterfactualBand };

const round = (v: number | undefined): number | string => (v === undefined || !Number.isFinite(v) ? '' : Math.round(v * 1000) / 1000);

/** The interrupted-time-series chart: observed counts, the fitted line, the counterfactual and its band after the break. */
export function buildTrendChart(report: TrendReportJson): { option: EChartsCoreOption; table: ChartTable; fitted: boolean; yMax: number } {
  const periods = coveredPeriods(report);
  const labels = periods.map((p) => p.label);
  const observed = periods.map((p) => Math.round((p.count ?? 0) * 1000) / 1000);
  const its = report.analysis.its !== undefined && !isFailure(report.analysis.its) ? report.analysis.its : undefined;
  const fitted = its?.fitted ?? [];
  const band = its === undefined ? [] : counterfactualBand(its);
  const breakIndex = report.analysis.breakIndex;
  const after = (i: number): boolean => its !== undefined && i >= its.breakIndex;
  const counterfactual = labels.map((_, i) => (after(i) ? (its?.counterfactual[i] ?? null) : null));
  const lower = labels.map((_, i) => band[i]?.lower ?? null);
  const width = labels.map((_, i) => {
    const b = band[i];
    return b === undefined ? null : b.upper - b.lower;
  });
  const [blue, vermillion, green] = SERIES_COLOURS;
  // The band can grow far beyond the data at the series' end; the axis stops at twice the largest
  // count or line so the counts stay readable (the table keeps the full interval).
  const peak = Math.max(1, ...observed, ...fitted, ...counterfactual.map((v) => v ?? 0));
  const yMax = Math.ceil(2 * peak);
  const option: EChartsCoreOption = {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['Observed', 'Fitted', 'No-agreement projection', '95% interval'] },
    grid: { left: 48, right: 16, top: 36, bottom: 56 },
    xAxis: { type: 'category', data: labels, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', name: 'incidents', minInterval: 1, max: yMax },
    dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
    series: [
      {
        name: 'Observed',
        type: 'bar',
        data: observed,
        itemStyle: { color: blue },
        markLine: breakIndex > 0 && breakIndex < labels.length ? { symbol: 'none', label: { formatter: 'agreement' }, lineStyle: { type: 'solid', color: '#000' }, data: [{ xAxis: labels[breakIndex] }] } : undefined,
      },
      ...(its === undefined
        ? []
        : [
            { name: 'Fitted', type: 'line', data: fitted.map((v) => round(v)), showSymbol: false, lineStyle: { color: vermillion, width: 2 }, itemStyle: { color: vermillion } },
            { name: 'No-agreement projection', type: 'line', data: counterfactual.map((v) => (v === null ? null : round(v))), showSymbol: false, lineStyle: { color: green, type: 'dashed', width: 2 }, itemStyle: { color: green } },
            // The band is drawn as a transparent lower line with the interval's width stacked on it.
            { name: 'band-lower', type: 'line', data: lower, stack: 'band', showSymbol: false, lineStyle: { opacity: 0 }, tooltip: { show: false }, silent: true },
            { name: '95% interval', type: 'line', data: width, stack: 'band', showSymbol: false, lineStyle: { opacity: 0 }, areaStyle: { color: green, opacity: 0.2 }, itemStyle: { color: green }, tooltip: { show: false }, silent: true },
          ]),
    ],
  };
  const table: ChartTable = {
    columns: its === undefined ? ['Period', 'Observed'] : ['Period', 'Observed', 'Fitted', 'No-agreement projection', '95% lower', '95% upper'],
    rows: labels.map((label, i) =>
      its === undefined ? [label, observed[i] ?? 0] : [label, observed[i] ?? 0, round(fitted[i]), counterfactual[i] === null ? '' : round(counterfactual[i] ?? undefined), round(band[i]?.lower), round(band[i]?.upper)],
    ),
  };
  return { option, table, fitted: its !== undefined, yMax };
}
