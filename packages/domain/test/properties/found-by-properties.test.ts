import {
  bayesianOnlineChangepoints,
  detectChangepoints,
  eventsNearChangepoints,
  exactPoissonRate,
  exactPoissonRateRatio,
  findStateCode,
  getState,
  parseUncertainDate,
  stateName,
  toIsoDay,
} from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';

/** Plain regression tests for the bugs the property-based tests found (docs/RELIABILITY.md). */
describe('regressions found by property-based tests', () => {
  it('reads years 0000–0099 as themselves, not as 1900–1999', () => {
    const year = parseUncertainDate('0015');
    expect([toIsoDay(year.earliest), toIsoDay(year.latest)]).toEqual(['0015-01-01', '0015-12-31']);
    expect(toIsoDay(parseUncertainDate('0096-02-29').earliest)).toBe('0096-02-29');
  });

  it('accepts an interval whose two ends start on the same day ("2013/2013")', () => {
    expect(parseUncertainDate('2013/2013')).toMatchObject({ earliest: Date.UTC(2013, 0, 1), latest: Date.UTC(2014, 0, 1) - 1 });
    expect(parseUncertainDate('2013-01-01/2013')).toMatchObject({ earliest: Date.UTC(2013, 0, 1), latest: Date.UTC(2014, 0, 1) - 1 });
    expect(() => parseUncertainDate('2016/2015')).toThrow(/not a valid EDTF date/);
  });

  it('gives the DR Congo a name that resolves back to it ("Congo" alone is the Republic of the Congo)', () => {
    expect(stateName('CD')).toBe('Democratic Republic of the Congo');
    expect(findStateCode(stateName('CD'))).toBe('CD');
    expect(findStateCode('Congo')).toBe('CG');
    expect(getState('CD')?.aliases).not.toContain('Congo');
  });

  it('rejects a calendar day that does not exist in event dates instead of rolling it over', () => {
    const dates = ['2015-01-01', '2015-02-01', '2015-03-01'];
    expect(() => eventsNearChangepoints([1], dates, [{ id: 'x', date: '2015-02-30', label: 'x' }])).toThrow(expect.objectContaining({ code: 'STATS_INVALID_INPUT' }));
    expect(() => eventsNearChangepoints([1], dates, [{ id: 'x', date: '2015-02-30T10:00Z', label: 'x' }])).toThrow(expect.objectContaining({ code: 'STATS_INVALID_INPUT' }));
    expect(eventsNearChangepoints([1], dates, [{ id: 'x', date: '2016-02-29', label: 'leap' }])[0]?.nearestEvents).toHaveLength(1);
  });

  it('gives a finite rate ratio when both rates overflow (extreme exposures)', () => {
    const result = exactPoissonRateRatio({ countBefore: 1e9, exposureBefore: 5e-324, countAfter: 1e9, exposureAfter: 5e-324 });
    expect(result.rateRatio).toBe(1);
    expect(result.confInt.some(Number.isNaN)).toBe(false);
  });

  it('refuses counts too large for an exact test instead of hanging', () => {
    expect(() => exactPoissonRate(2 ** 53 - 1)).toThrow(expect.objectContaining({ code: 'STATS_INVALID_INPUT' }));
    expect(() => exactPoissonRate(0, 1, { nullRate: 1e300 })).toThrow(expect.objectContaining({ code: 'STATS_INVALID_INPUT' }));
    expect(() => exactPoissonRateRatio({ countBefore: 2 ** 53 - 1, exposureBefore: 1, countAfter: 2 ** 53 - 1, exposureAfter: 1 })).toThrow(
      expect.objectContaining({ code: 'STATS_INVALID_INPUT' }),
    );
    expect(exactPoissonRate(1e9).confInt[0]).toBeGreaterThan(0);
  });

  it('gives a finite null expectation when the exposures overflow their sum', () => {
    const result = exactPoissonRateRatio({ countBefore: 0, exposureBefore: 1e9, countAfter: 1e9, exposureAfter: Number.MAX_VALUE }, { nullRatio: 1.0000000000000002 });
    expect(result.expectedCountAfter).toBe(1e9);
    expect(Number.isNaN(result.pValue)).toBe(false);
  });

  it('binary segmentation with a zero penalty never reports index 0 (an empty first segment)', () => {
    const result = detectChangepoints([0, 0, 0, 0], { method: 'BinSeg', penalty: 'None', maxChangepoints: 1 });
    expect(result.changepoints).toEqual([]);
    expect(result.segments).toEqual([{ start: 0, end: 4, mean: 0 }]);
  });

  it('refuses a BOCPD prior so large that the predictive would be NaN', () => {
    expect(() => bayesianOnlineChangepoints([0, 1], { prior: { shape: Number.MAX_VALUE, rate: 0.1 } })).toThrow(expect.objectContaining({ code: 'STATS_INVALID_INPUT' }));
    expect(bayesianOnlineChangepoints([0, 1], { prior: { shape: 1e6, rate: 1e6 } }).changepoints).toEqual([]);
  });

  it('BOCPD never reports a changepoint at the series length; an expected change after the data is a flag', () => {
    // ocp's traceback ends with n + 1 here: its most probable run length after the last count is 0.
    const result = bayesianOnlineChangepoints([0, 2, 0], { hazard: 0.5 });
    expect(result.changepoints.every((cp) => cp > 0 && cp < 3)).toBe(true);
    expect(result.segmentStarts[0]).toBe(0);
    expect(result.segmentStarts.every((start) => start < 3)).toBe(true);
    expect(result.nextStartsNewSegment).toBe(true);
    // A series with a clear step and a calm end: no such flag.
    expect(bayesianOnlineChangepoints([1, 1, 1, 1, 1, 20, 20, 20, 20, 20]).nextStartsNewSegment).toBe(false);
  });
});
