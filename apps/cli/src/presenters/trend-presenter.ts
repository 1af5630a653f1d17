import { isMethodFailure, type CountSeries, type TrendAnalysis } from '@pactwatch/domain';
import type { TrendReport } from '@pactwatch/backend';
import type { Colors } from './output.js';
import { renderCsv } from './table.js';

const BLOCKS = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/**
 * A terminal bar chart: one column per period (bucketed when the series is wider than the
 * screen), block heights on `rows` lines, the break period marked with ┃ below the axis.
 */
export function seriesChart(series: CountSeries, breakIndex: number | undefined, width: number, colors: Colors, rows = 6): string {
  const periods = series.periods;
  if (periods.length === 0) return '';
  const bucket = Math.max(1, Math.ceil(periods.length / Math.max(20, width - 10)));
  const columns: Array<{ value: number | null; first: number }> = [];
  for (let i = 0; i < periods.length; i += bucket) {
    const slice = periods.slice(i, i + bucket);
    const known = slice.filter((p) => p.count !== null);
    columns.push({ value: known.length === 0 ? null : known.reduce((s, p) => s + (p.count ?? 0), 0), first: i });
  }
  const max = Math.max(1e-9, ...columns.map((c) => c.value ?? 0));
  const lines: string[] = [];
  for (let row = rows - 1; row >= 0; row -= 1) {
    const line = columns
      .map((c) => {
        if (c.value === null) return colors.dim('·');
        const height = (c.value / max) * rows - row;
        return BLOCKS[Math.max(0, Math.min(8, Math.round(height * 8)))] ?? ' ';
      })
      .join('');
    lines.push(`${row === rows - 1 ? num(max).padStart(6) : '      '} ${line}`);
  }
  const markerColumn = breakIndex === undefined ? -1 : Math.floor(breakIndex / bucket);
  lines.push(`${'0'.padStart(6)} ${columns.map((_, i) => (i === markerColumn ? colors.bold('┃') : '─')).join('')}`);
  const first = periods[0]?.label ?? '';
  const last = periods[periods.length - 1]?.label ?? '';
  const breakLabel = breakIndex === undefined ? '' : (periods[breakIndex]?.label ?? '');
  lines.push(`       ${first}${' '.repeat(Math.max(1, columns.length - first.length - last.length))}${last}`);
  if (breakLabel !== '') lines.push(`       ┃ = ${breakLabel}${bucket > 1 ? `; one column per ${bucket} ${series.granularity}s` : ''}${columns.some((c) => c.value === null) ? '; · = no data' : ''}`);
  return `${lines.join('\n')}\n`;
}

function num(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

export function seriesAccounting(series: CountSeries): string {
  const e = series.excluded;
  return (
    `${series.items} incident(s): ${series.exact} counted in one period, ${series.spread} spread over several (fractional counts), ` +
    `excluded ${e.uncertain} uncertain, ${e.unbounded} open-ended, ${e.undated} undated, ${e.outsideWindow} outside the window` +
    `${series.weightOutside > 0 ? `; ${num(series.weightOutside)} of the spread weight fell outside the window` : ''}. Total counted: ${num(series.total)}.`
  );
}

export function seriesCsv(series: CountSeries): string {
  return renderCsv(
    ['period', 'start', 'count', 'exposure'],
    series.periods.map((p) => [p.label, new Date(p.start).toISOString().slice(0, 10), p.count === null ? '' : String(p.count), String(p.exposure)]),
  );
}

function methodLines(analysis: TrendAnalysis): string[] {
  const lines: string[] = [];
  const rr = analysis.rateRatio;
  if (rr !== undefined) {
    if (isMethodFailure(rr)) lines.push(`  rate ratio: not computed (${rr.error.code}: ${rr.error.message})`);
    else lines.push(`  rate ratio (after/before, exact): ${num2(rr.result.rateRatio)} [${num2(rr.result.confInt[0])}, ${num2(rr.result.confInt[1])}], p = ${num2(rr.result.pValue)}; before ${rr.before.count} in ${num(rr.before.exposure)}, after ${rr.after.count} in ${num(rr.after.exposure)}${rr.rounded ? ' (spread counts rounded)' : ''}`);
  }
  const its = analysis.its;
  if (its !== undefined) {
    if (isMethodFailure(its)) lines.push(`  interrupted time series: not fitted (${its.error.code}: ${its.error.message})`);
    else {
      lines.push(`  interrupted time series (${its.fittedFamily}, dispersion ${num2(its.dispersion)}):`);
      for (const c of its.coefficients) lines.push(`    ${c.name.padEnd(10)} RR ${num2(c.rateRatio)} [${num2(c.rateRatioConfInt[0])}, ${num2(c.rateRatioConfInt[1])}]`);
    }
  }
  const cp = analysis.changepoints;
  if (cp !== undefined) {
    if (isMethodFailure(cp)) lines.push(`  changepoints: not computed (${cp.error.message})`);
    else {
      lines.push(`  changepoints (PELT, Poisson, MBIC): ${isMethodFailure(cp.pelt) ? `not computed (${cp.pelt.error.message})` : cp.pelt.changepoints.length === 0 ? 'none' : cp.pelt.changepoints.join(', ')}`);
      lines.push(`  changepoints (BOCPD, Poisson–Gamma): ${isMethodFailure(cp.bocpd) ? `not computed (${cp.bocpd.error.message})` : cp.bocpd.changepoints.length === 0 ? 'none' : cp.bocpd.changepoints.join(', ')}`);
    }
  }
  return lines;
}

function num2(value: number): string {
  if (!Number.isFinite(value)) return '∞';
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3);
}

export function trendText(report: TrendReport, colors: Colors, width: number): string {
  const { analysis, series } = report;
  const breakIndex = series.periods.findIndex((p) => p.label === analysis.breakLabel);
  return [
    colors.bold(`${report.agreement.title} (${report.agreement.id}), in force from ${report.agreement.effective}`),
    `incidents within its scope (whatever their date), by ${series.granularity}, ${report.request.from} to ${report.request.to}, dated by ${report.request.dateBy ?? 'start'}`,
    '',
    seriesChart(series, breakIndex >= 0 ? breakIndex : undefined, width, colors).trimEnd(),
    '',
    seriesAccounting(series),
    ...methodLines(analysis),
    '',
    analysis.reading,
    '',
  ].join('\n');
}
