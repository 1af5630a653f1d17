import { parseUncertainDate } from '@pactwatch/domain';
import type { EChartsCoreOption } from '../../charts/echarts.js';
import type { ChartTable } from '../../components/chart-panel.js';
import { SERIES_COLOURS } from '../../theme/palette.js';

/** Pure pieces of the dyad page (parsing, joining, chart options), tested without a browser. */

export interface Dyad {
  readonly sponsor: string;
  readonly victim: string;
}

/** "CN-US" → sponsor CN, victim US; null for anything that is not two different state codes. */
export function parseDyad(text: string | undefined): Dyad | null {
  const match = /^([A-Za-z]{2})-([A-Za-z]{2})$/.exec(text ?? '');
  if (match === null) return null;
  const sponsor = (match[1] as string).toUpperCase();
  const victim = (match[2] as string).toUpperCase();
  return sponsor === victim ? null : { sponsor, victim };
}

export const GRANULARITIES = ['year', 'quarter'] as const;
export type DyadGranularity = (typeof GRANULARITIES)[number];

export function granularityOf(value: string | undefined): DyadGranularity {
  return value === 'quarter' ? 'quarter' : 'year';
}

/** The chart's default window: the years the curated data covers, up to this year. */
export function defaultWindow(now: Date): { from: string; to: string } {
  return { from: '2010', to: String(now.getUTCFullYear()) };
}

export interface SeriesPeriodLike {
  readonly label: string;
  readonly start: number;
  readonly end: number;
  readonly count: number | null;
}

export interface SignedMark {
  readonly label: string;
  readonly signed: string;
}

/** The period label holding an agreement's signing date (its earliest instant), or null outside the series. */
export function periodOfDate(periods: readonly SeriesPeriodLike[], edtf: string): string | null {
  let instant: number;
  try {
    instant = parseUncertainDate(edtf).earliest;
  } catch {
    return null;
  }
  return periods.find((p) => instant >= p.start && instant < p.end)?.label ?? null;
}

const round = (n: number): number => Math.round(n * 100) / 100;

/**
 * Bars of incidents per period with each agreement's signing marked by a vertical line at its
 * period. Periods outside the data's coverage (count null) stay gaps, not zeros.
 */
export function dyadSeriesOption(periods: readonly SeriesPeriodLike[], marks: readonly SignedMark[], title: string): EChartsCoreOption {
  // Agreements signed in the same period share one line (their labels would overprint); the
  // table alternative names each of them.
  const byPeriod = new Map<string, string[]>();
  for (const m of marks) {
    const at = periodOfDate(periods, m.signed);
    if (at !== null) byPeriod.set(at, [...(byPeriod.get(at) ?? []), m.label]);
  }
  const lines = [...byPeriod].map(([at, names]) => {
    const name = names.length === 1 ? (names[0] as string) : `${names.length} agreements`;
    return { xAxis: at, name, label: { formatter: name } };
  });
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 28, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: periods.map((p) => p.label), axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', name: 'incidents', minInterval: 1 },
    series: [
      {
        name: title,
        type: 'bar',
        data: periods.map((p) => (p.count === null ? null : round(p.count))),
        itemStyle: { color: SERIES_COLOURS[0] },
        markLine: { symbol: 'none', lineStyle: { type: 'dashed', color: '#000000' }, label: { position: 'insideEndTop', fontSize: 11 }, data: lines },
      },
    ],
  };
}

/** The chart's table alternative: one row per period, with the agreements signed in it. */
export function dyadSeriesTable(periods: readonly SeriesPeriodLike[], marks: readonly SignedMark[]): ChartTable {
  return {
    columns: ['Period', 'Incidents', 'Agreements signed'],
    rows: periods.map((p) => [
      p.label,
      p.count === null ? 'no data' : round(p.count),
      marks
        .filter((m) => periodOfDate([p], m.signed) !== null)
        .map((m) => m.label)
        .join('; '),
    ]),
  };
}
