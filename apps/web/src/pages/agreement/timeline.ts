import { parseUncertainDate, type ContextEvent, type FindingContract, type Verdict } from '@pactwatch/domain';
import type { EChartsCoreOption } from '../../charts/echarts.js';
import type { ChartTable } from '../../components/chart-panel.js';
import { VERDICT_COLOURS, VERDICT_LABELS } from '../../theme/palette.js';
import { effectiveVerdict, incidentPeriodOf, isInScope, VERDICT_ORDER } from './findings-shape.js';

export interface TimelinePoint {
  readonly incident: string;
  readonly period: string;
  readonly earliest: number;
  readonly latest: number;
  readonly verdict: Verdict;
  readonly side: 'before' | 'after';
}

const CONTEXT_ROW = 'Context events';

function bounds(edtf: string): { earliest: number; latest: number } | undefined {
  try {
    const d = parseUncertainDate(edtf);
    return Number.isFinite(d.earliest) ? { earliest: d.earliest, latest: Number.isFinite(d.latest) ? d.latest : d.earliest } : undefined;
  } catch {
    return undefined;
  }
}

/** One point per in-scope incident (its most serious verdict across commitments), dated by its start. */
export function timelinePoints(findings: readonly FindingContract[], effective: string): TimelinePoint[] {
  const breakAt = bounds(effective)?.earliest ?? Number.NaN;
  const byIncident = new Map<string, TimelinePoint>();
  for (const f of findings) {
    if (!isInScope(f)) continue;
    const period = incidentPeriodOf(f);
    const b = period === undefined ? undefined : bounds(period);
    if (period === undefined || b === undefined) continue;
    const verdict = effectiveVerdict(f);
    const known = byIncident.get(f.incident);
    if (known !== undefined && VERDICT_ORDER.indexOf(known.verdict) <= VERDICT_ORDER.indexOf(verdict)) continue;
    byIncident.set(f.incident, { incident: f.incident, period, ...b, verdict, side: b.earliest < breakAt ? 'before' : 'after' });
  }
  return [...byIncident.values()].sort((a, b) => a.earliest - b.earliest || a.incident.localeCompare(b.incident));
}

/** The timeline chart: in-scope incidents by verdict over time, context events on their own row, the agreement as a line. */
export function buildTimeline(findings: readonly FindingContract[], events: readonly ContextEvent[], effective: string): { option: EChartsCoreOption; table: ChartTable; points: TimelinePoint[] } {
  const points = timelinePoints(findings, effective);
  const breakAt = bounds(effective)?.earliest;
  const rows = [CONTEXT_ROW, ...VERDICT_ORDER.map((v) => VERDICT_LABELS[v])];
  const dated = events.flatMap((e) => {
    const b = bounds(e.date);
    return b === undefined ? [] : [{ event: e, at: b.earliest }];
  });
  // A margin either side so the first and last points do not sit on the axis.
  const times = [...points.map((p) => p.earliest), ...dated.map((d) => d.at), ...(breakAt === undefined ? [] : [breakAt])];
  const margin = 45 * 86_400_000;
  const option: EChartsCoreOption = {
    animation: false,
    tooltip: { trigger: 'item' },
    grid: { left: 150, right: 24, top: 24, bottom: 56 },
    xAxis: times.length === 0 ? { type: 'time' } : { type: 'time', min: Math.min(...times) - margin, max: Math.max(...times) + margin },
    yAxis: { type: 'category', data: rows, inverse: true },
    dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
    series: [
      {
        name: CONTEXT_ROW,
        type: 'scatter',
        symbol: 'diamond',
        symbolSize: 12,
        itemStyle: { color: '#000' },
        data: dated.map(({ event, at }) => ({ value: [at, CONTEXT_ROW], name: `${event.title} (${event.kind}, ${event.date})`, id: event.id })),
        markLine: breakAt === undefined ? undefined : { symbol: 'none', label: { formatter: `agreement ${effective}`, position: 'insideEndTop' }, lineStyle: { color: '#000', type: 'solid' }, data: [{ xAxis: breakAt }] },
      },
      ...VERDICT_ORDER.map((verdict) => ({
        name: VERDICT_LABELS[verdict],
        type: 'scatter',
        symbolSize: 14,
        itemStyle: { color: VERDICT_COLOURS[verdict], borderColor: '#000', borderWidth: 1 },
        data: points.filter((p) => p.verdict === verdict).map((p) => ({ value: [p.earliest, VERDICT_LABELS[verdict]], name: `${p.incident} (${p.period})`, incident: p.incident })),
      })),
    ],
  };
  const table: ChartTable = {
    columns: ['Date', 'What', 'Kind', 'Before or after the agreement'],
    rows: [
      ...points.map((p) => ({ at: p.earliest, row: [p.period, p.incident, VERDICT_LABELS[p.verdict], p.side] })),
      ...dated.map(({ event, at }) => ({ at, row: [event.date, event.title, `context: ${event.kind}`, breakAt === undefined || at >= breakAt ? 'after' : 'before'] })),
    ]
      .sort((a, b) => a.at - b.at)
      .map((r) => r.row),
  };
  return { option, table, points };
}
