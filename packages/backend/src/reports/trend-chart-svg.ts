import type { ReportTrend } from '@pactwatch/domain';
import type { EChartsOption } from 'echarts';

// The dashboard's colour-blind-safe series colours (apps/web/src/theme/palette.ts): blue, vermillion, green.
const BLUE = '#0072B2';
const VERMILLION = '#D55E00';
const GREEN = '#009E73';
const WIDTH = 720;
const HEIGHT = 320;

/** The dashboard's trend chart option, without the interactive parts (tooltip, zoom) a file cannot use. */
function chartOption(trend: ReportTrend): EChartsOption {
  const labels = trend.rows.map((r) => r.period);
  const observed = trend.rows.map((r) => r.observed);
  const fitted = trend.rows.some((r) => r.fitted !== null);
  const breakIndex = trend.breakLabel === null ? -1 : labels.indexOf(trend.breakLabel);
  // The band can grow far beyond the data at the series' end: the axis stops at twice the largest count or line.
  const peak = Math.max(1, ...observed, ...trend.rows.map((r) => r.fitted ?? 0), ...trend.rows.map((r) => r.counterfactual ?? 0));
  const line = { type: 'line' as const, showSymbol: false, silent: true };
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: 'sans-serif' },
    legend: { top: 0, data: fitted ? ['Observed', 'Fitted', 'No-agreement projection', '95% interval'] : ['Observed'] },
    grid: { left: 48, right: 16, top: 36, bottom: 40 },
    xAxis: { type: 'category', data: labels, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', name: 'incidents', minInterval: 1, max: Math.ceil(2 * peak) },
    series: [
      {
        name: 'Observed',
        type: 'bar',
        data: observed,
        itemStyle: { color: BLUE },
        silent: true,
        ...(breakIndex > 0 ? { markLine: { symbol: 'none', silent: true, label: { formatter: 'agreement' }, lineStyle: { type: 'solid', color: '#000' }, data: [{ xAxis: labels[breakIndex] ?? '' }] } } : {}),
      },
      ...(fitted
        ? [
            { ...line, name: 'Fitted', data: trend.rows.map((r) => r.fitted), lineStyle: { color: VERMILLION, width: 2 }, itemStyle: { color: VERMILLION } },
            { ...line, name: 'No-agreement projection', data: trend.rows.map((r) => r.counterfactual), lineStyle: { color: GREEN, type: 'dashed' as const, width: 2 }, itemStyle: { color: GREEN } },
            // The band: a transparent lower line with the interval's width stacked on it.
            { ...line, name: 'band-lower', data: trend.rows.map((r) => r.lower), stack: 'band', lineStyle: { opacity: 0 } },
            { ...line, name: '95% interval', data: trend.rows.map((r) => (r.lower === null || r.upper === null ? null : Math.round((r.upper - r.lower) * 1000) / 1000)), stack: 'band', lineStyle: { opacity: 0 }, areaStyle: { color: GREEN, opacity: 0.2 }, itemStyle: { color: GREEN } },
          ]
        : []),
    ],
  };
}

/**
 * ECharts numbers every SSR instance (`zr0-`, `zr1-`…) and its style classes with process-wide
 * counters, so the same chart drawn twice differs. Ids are renamed to a prefix of our choosing and
 * classes renumbered in order of first use: the same data always gives the same bytes, and two
 * charts in one HTML file cannot clash.
 */
export function normaliseSvg(svg: string, prefix: string): string {
  const classes = new Map<string, number>();
  return svg
    .replace(/zr\d+-cls-(\d+)/g, (_match, n: string) => {
      const known = classes.get(n) ?? classes.size;
      classes.set(n, known);
      return `${prefix}-cls-${known}`;
    })
    .replace(/zr\d+-/g, `${prefix}-`);
}

/** The incidents-per-period chart with the interrupted-time-series fit and the counterfactual band, as SVG. */
export async function trendChartSvg(trend: ReportTrend, prefix: string): Promise<string> {
  // Loaded on first use: ECharts takes about a second to import, which no other command should pay.
  const echarts = await import('echarts');
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
  try {
    chart.setOption(chartOption(trend));
    return normaliseSvg(chart.renderToSVGString(), prefix);
  } finally {
    chart.dispose();
  }
}
