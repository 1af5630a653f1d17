import { describe, expect, it } from 'vitest';
import { trendReading } from '../../src/reports/report-readings.js';

const base = { measure: 'its-level' as const, granularity: 'month', events: 120, reason: null, preTrend: null, preTrendRatio: null, preTrendInterval: null };

describe('trend readings', () => {
  it('states the estimate with its interval and the trend already under way', () => {
    const text = trendReading({ ...base, direction: 'fewer', ratio: 0.5, interval: [0.3, 0.8], preTrend: 'falling', preTrendRatio: 0.98, preTrendInterval: [0.97, 0.99] });
    expect(text).toContain('factor of 0.5 (95% CI 0.3–0.8)');
    expect(text).toContain('fewer incidents than expected');
    expect(text).toContain('already falling by about 2% per month');
    expect(text).not.toContain('caused a');
  });

  it('says when the interval includes no change, and warns on small counts', () => {
    const text = trendReading({ ...base, direction: 'no-clear-change', measure: 'rate-ratio', ratio: 1.4, interval: [0.6, null], events: 3 });
    expect(text).toContain('(95% CI 0.6–∞)');
    expect(text).toContain('cannot tell a change from chance');
    expect(text).toContain('No model of the pre-existing trend could be fitted');
    expect(text).toContain('With only 3 incident(s)');
  });

  it('says nothing either way when no estimate exists', () => {
    expect(trendReading({ ...base, direction: 'not-computable', measure: null, ratio: null, interval: null, reason: 'empty series' })).toMatch(/^No before\/after estimate could be computed \(empty series\)/);
  });
});
