import { analyseTrend, buildCountSeries, isMethodFailure, parseUncertainDate, type DatedItem } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';

/** Monthly items with a known falling trend and a drop at 2015-09: deterministic, no randomness. */
function items(): DatedItem[] {
  const out: DatedItem[] = [];
  for (let m = 0; m < 72; m += 1) {
    const date = new Date(Date.UTC(2012, 9 + m, 1));
    const before = date < new Date(Date.UTC(2015, 8, 1));
    const mean = 40 * Math.exp(-0.02 * m) * (before ? 1 : 0.5);
    const count = Math.round(mean + 3 * Math.sin(m));
    for (let k = 0; k < count; k += 1) out.push({ id: `${m}-${k}`, date: parseUncertainDate(date.toISOString().slice(0, 10)) });
  }
  return out;
}

describe('trend analysis', () => {
  const series = buildCountSeries(items(), { granularity: 'month', from: Date.UTC(2012, 9, 1), to: Date.UTC(2018, 8, 30), uncertain: 'spread' });
  const analysis = analyseTrend(series, {
    methods: ['rate-ratio', 'its', 'changepoints'],
    breakAt: Date.parse('2015-09-25'),
    events: [{ id: 'accord', date: '2015-09-25', label: 'US–China accord' }],
  });

  it('puts the break in the first period on or after the agreement date', () => {
    expect(analysis.breakLabel).toBe('2015-09');
    expect(analysis.breakIndex).toBe(35);
  });

  it('reports a lower rate after, and says the ratio alone is not causal', () => {
    if (analysis.rateRatio === undefined || isMethodFailure(analysis.rateRatio)) throw new Error('rate ratio missing');
    expect(analysis.rateRatio.result.rateRatio).toBeLessThan(0.6);
    expect(analysis.rateRatio.result.confInt[1]).toBeLessThan(1);
    expect(analysis.reading).toContain('cannot show that the agreement caused a change');
  });

  it('finds the pre-existing decline and the level drop in the ITS fit, and says so', () => {
    if (analysis.its === undefined || isMethodFailure(analysis.its)) throw new Error('its missing');
    const time = analysis.its.coefficients.find((c) => c.name === 'time');
    const level = analysis.its.coefficients.find((c) => c.name === 'level');
    expect(time?.estimate).toBeCloseTo(-0.02, 2);
    expect(level?.rateRatio).toBeGreaterThan(0.4);
    expect(level?.rateRatio).toBeLessThan(0.6);
    expect(analysis.reading).toMatch(/already falling by about (1\.9|2)% per period \(95% CI 1\.\d%–2\.\d%\)/);
    expect(analysis.reading).toContain("exact p < 0.001");
  });

  it('detects a changepoint near the agreement and names the nearest event', () => {
    if (analysis.changepoints === undefined || isMethodFailure(analysis.changepoints) || isMethodFailure(analysis.changepoints.pelt)) throw new Error('changepoints missing');
    expect(analysis.changepoints.pelt.changepoints).toContain(35);
    expect(analysis.changepoints.context[0]?.nearestEvents[0]?.event.id).toBe('accord');
    expect(analysis.reading).toContain('US–China accord');
  });

  it('reports a method that cannot run instead of failing the analysis', () => {
    const empty = buildCountSeries([], { granularity: 'month', from: Date.UTC(2014, 0, 1), to: Date.UTC(2016, 11, 31), uncertain: 'spread' });
    const result = analyseTrend(empty, { methods: ['rate-ratio', 'its', 'changepoints'], breakAt: Date.parse('2015-09-25') });
    expect(isMethodFailure(result.its)).toBe(true);
    expect(isMethodFailure(result.rateRatio)).toBe(true);
    expect(result.reading).toContain('could not');
    expect(result.reading).toContain('With only 0 event(s)');
  });

  it('refuses a before/after comparison when the agreement is outside the series', () => {
    const result = analyseTrend(series, { methods: ['rate-ratio'], breakAt: Date.parse('2030-01-01') });
    expect(result.rateRatio).toMatchObject({ error: { code: 'STATS_INSUFFICIENT_DATA' } });
  });
});
