import { excludingDimensions, type ItsFitJson } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { effectiveVerdict, gapCounts, gapList, groupByVerdict, incidentPeriodOf } from '../src/pages/agreement/findings-shape.js';
import { relevantEvents } from '../src/pages/agreement/agreement-page.js';
import { buildTimeline, timelinePoints } from '../src/pages/agreement/timeline.js';
import { buildTrendChart, counterfactualBand, coveredPeriods } from '../src/pages/agreement/trend-chart.js';
import { formatRatio, preExistingTrend, rateRatioText, trendVerdict } from '../src/pages/agreement/trend-summary.js';
import { AGREEMENT, EVENTS, FINDINGS, OPM, TREND_FITTED, TREND_UNFITTED } from './agreement-fixtures.js';

describe('findings shaping', () => {
  it('groups by the effective verdict (overrides win), most serious first', () => {
    const groups = groupByVerdict(FINDINGS);
    expect(groups.map((g) => g.verdict)).toEqual(['breach', 'possible-breach', 'outside-scope', 'before-in-force']);
    expect(groups[0]?.findings.map((f) => f.incident)).toEqual(['cn-us-overridden-2016']);
    expect(effectiveVerdict(FINDINGS[3]!)).toBe('breach');
  });

  it('lists the OPM breach as a gap on targets (and activity) although it predates the agreement', () => {
    expect(excludingDimensions(OPM.checks)).toEqual(['activity', 'target']);
    const gaps = gapList(FINDINGS);
    expect(gaps.map((g) => g.incident)).toEqual(['cn-us-claiborne-humint-2017', 'cn-us-opm-2015']);
    const opm = gaps.find((g) => g.incident === 'cn-us-opm-2015');
    expect(opm?.dimensions).toEqual(['activity', 'target']);
    expect(opm?.verdict).toBe('before-in-force');
    expect(opm?.reasons.find((r) => r.dimension === 'target')?.reason).toBe('government, not covered (covers private-sector)');
    // timing and confidence are not scope: a finding excluded only by timing is no gap
    expect(gaps.some((g) => g.incident === 'cn-us-early-2014')).toBe(false);
    expect(gapCounts(gaps)).toEqual([
      { dimension: 'activity', count: 2 },
      { dimension: 'target', count: 2 },
      { dimension: 'means', count: 1 },
    ]);
  });

  it('reads the incident period from the timing check', () => {
    expect(incidentPeriodOf(OPM)).toBe('2014-03/2015-06');
    expect(incidentPeriodOf({ ...OPM, checks: [] })).toBeUndefined();
  });
});

describe('timeline', () => {
  it('plots in-scope incidents only, one per incident, split at the agreement', () => {
    const points = timelinePoints(FINDINGS, '2015-09-25');
    expect(points.map((p) => [p.incident, p.verdict, p.side])).toEqual([
      ['cn-us-early-2014', 'before-in-force', 'before'],
      ['cn-us-crowdstrike-post-accord-2015', 'possible-breach', 'after'],
      ['cn-us-overridden-2016', 'breach', 'after'],
    ]);
    expect(points[0]?.earliest).toBe(Date.UTC(2014, 1, 1));
  });

  it('keeps an incident’s most serious verdict across commitments', () => {
    const other = { ...FINDINGS[1]!, commitment: 'us-cn-2015/other', verdict: 'breach' as const };
    expect(timelinePoints([FINDINGS[1]!, other], '2015-09-25').map((p) => p.verdict)).toEqual(['breach']);
  });

  it('marks context events and the agreement, with a dated table alternative', () => {
    const { option, table } = buildTimeline(FINDINGS, EVENTS.slice(0, 2), '2015-09-25');
    const series = (option as { series: Array<{ name: string; data: unknown[]; markLine?: { data: Array<{ xAxis: number }> } }> }).series;
    expect(series[0]?.name).toBe('Context events');
    expect(series[0]?.data).toHaveLength(2);
    expect(series[0]?.markLine?.data[0]?.xAxis).toBe(Date.UTC(2015, 8, 25));
    const xAxis = (option as { xAxis: { min: number; max: number } }).xAxis;
    expect(xAxis.min).toBe(Date.UTC(2014, 1, 1) - 45 * 86_400_000);
    expect(xAxis.max).toBe(Date.UTC(2016, 4, 1) + 45 * 86_400_000);
    expect(table.rows.map((r) => r[1])).toEqual(['cn-us-early-2014', 'US indicts five PLA officers', 'cn-us-crowdstrike-post-accord-2015', 'First dialogue on cybercrime', 'cn-us-overridden-2016']);
    expect(table.rows[1]).toEqual(['2014-05-19', 'US indicts five PLA officers', 'context: indictment', 'before']);
  });

  it('keeps context events linked to the agreement or involving a party', () => {
    expect(relevantEvents(AGREEMENT, EVENTS).map((e) => e.id)).toEqual(['us-pla-indictment-2014', 'us-cn-dialogue-1']);
  });
});

describe('trend', () => {
  it('prefers the ITS level change and reads its interval', () => {
    const v = trendVerdict(TREND_FITTED);
    expect(v.measure).toBe('its-level');
    expect(v.direction).toBe('fewer');
    expect(v.label).toBe('Fewer incidents after');
    expect(v.detail).toContain('×0.3 (95% CI 0.17–0.54)');
  });

  it('falls back to the rate ratio, reading JSON null as an unbounded limit', () => {
    const v = trendVerdict(TREND_UNFITTED);
    expect(v.measure).toBe('rate-ratio');
    expect(v.direction).toBe('no-clear-change');
    expect(v.detail).toBe('rate ratio ∞ (95% CI 0.18–∞), 0 before and 2 after');
    expect(formatRatio(null)).toBe('∞');
    expect(rateRatioText(TREND_UNFITTED)).toContain('2 incident(s) in 37 period(s) after, 0 in 36 before');
    expect(preExistingTrend(TREND_UNFITTED)).toBeUndefined();
  });

  it('says when nothing could be computed', () => {
    const v = trendVerdict({ ...TREND_UNFITTED, analysis: { ...TREND_UNFITTED.analysis, rateRatio: { error: { code: 'STATS_INSUFFICIENT_DATA', message: 'no data' } }, verdict: { direction: 'not-computable', measure: null, ratio: null, interval: null, preTrend: null, reason: 'no data' } } });
    expect(v.direction).toBe('not-computable');
    expect(v.detail).toBe('no data');
    const { verdict: _dropped, ...cachedBefore } = TREND_UNFITTED.analysis;
    expect(trendVerdict({ ...TREND_UNFITTED, analysis: cachedBefore }).detail).toContain('refresh the statistics');
  });

  it('states the pre-existing trend from the time coefficient', () => {
    expect(preExistingTrend(TREND_FITTED)).toBe('Before the agreement incidents were already rising by about 10.5% per year (95% CI ×1.02–×1.2 per year).');
  });

  it('derives the counterfactual band from the intercept and time covariance, after the break only', () => {
    const its = TREND_FITTED.analysis.its as ItsFitJson;
    const band = counterfactualBand(its);
    expect(band.slice(0, 3)).toEqual([undefined, undefined, undefined]);
    // t = 4: var = 0.25 + 2·4·(−0.02) + 16·0.04 = 0.73
    const half = 1.959963984540054 * Math.sqrt(0.73);
    expect(band[3]?.lower).toBeCloseTo(1.8 * Math.exp(-half), 10);
    expect(band[3]?.upper).toBeCloseTo(1.8 * Math.exp(half), 10);
  });

  it('builds the chart over covered periods: observed, fitted, projection and band, with a table', () => {
    expect(coveredPeriods(TREND_FITTED)).toHaveLength(6);
    const { option, table, fitted, yMax } = buildTrendChart(TREND_FITTED);
    expect(fitted).toBe(true);
    // twice the largest of counts and lines (observed 3)
    expect(yMax).toBe(6);
    const series = (option as { series: Array<{ name: string; data: Array<number | null | string> }> }).series;
    expect(series.map((s) => s.name)).toEqual(['Observed', 'Fitted', 'No-agreement projection', 'band-lower', '95% interval']);
    expect(series[2]?.data.slice(0, 4)).toEqual([null, null, null, 1.8]);
    expect(table.columns).toEqual(['Period', 'Observed', 'Fitted', 'No-agreement projection', '95% lower', '95% upper']);
    expect(table.rows[0]).toEqual(['2012', 1, 1.3, '', '', '']);
    expect(table.rows[3]?.[3]).toBe(1.8);
  });

  it('draws only the observed counts when the model failed', () => {
    const { option, table, fitted } = buildTrendChart(TREND_UNFITTED);
    expect(fitted).toBe(false);
    expect((option as { series: unknown[] }).series).toHaveLength(1);
    expect(table.columns).toEqual(['Period', 'Observed']);
  });
});
