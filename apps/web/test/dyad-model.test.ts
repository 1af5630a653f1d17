import type { TrendReportJson } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { dyadSeriesOption, dyadSeriesTable, granularityOf, parseDyad, periodOfDate } from '../src/pages/dyad/dyad-model.js';
import { changepointsText } from '../src/pages/dyad/trend-changepoints.js';
import { REPORT, SERIES } from './dyad-fixtures.js';

const report = REPORT as unknown as TrendReportJson;

describe('dyad helpers', () => {
  it('reads a pair of different state codes', () => {
    expect(parseDyad('CN-US')).toEqual({ sponsor: 'CN', victim: 'US' });
    expect(parseDyad('ru-gb')).toEqual({ sponsor: 'RU', victim: 'GB' });
    expect(parseDyad('CN-CN')).toBeNull();
    expect(parseDyad('CNUS')).toBeNull();
    expect(parseDyad(undefined)).toBeNull();
    expect(granularityOf('quarter')).toBe('quarter');
    expect(granularityOf('month')).toBe('year');
  });

  it('finds the period of a signing date', () => {
    expect(periodOfDate(SERIES.periods, '2015-09-25')).toBe('2015');
    expect(periodOfDate(SERIES.periods, '2015')).toBe('2015');
    expect(periodOfDate(SERIES.periods, '2020-01-01')).toBeNull();
    expect(periodOfDate(SERIES.periods, 'nonsense')).toBeNull();
  });

  it('builds bars with gaps for missing data and a dashed line per agreement inside the window', () => {
    const periods = [...SERIES.periods, { label: '2017', start: Date.UTC(2017, 0, 1), end: Date.UTC(2018, 0, 1), count: null, exposure: 0 }];
    const option = dyadSeriesOption(periods, [{ label: 'US–China 2015', signed: '2015-09-25' }, { label: 'Later', signed: '2030' }, { label: 'G20', signed: '2014-11' }, { label: 'UN GGE', signed: '2014-07' }], 'Incidents') as { xAxis: { data: string[] }; series: Array<{ data: Array<number | null>; markLine: { data: Array<{ xAxis: string; name: string }> } }> };
    expect(option.xAxis.data).toEqual(['2014', '2015', '2016', '2017']);
    expect(option.series[0]?.data).toEqual([2, 1.5, 0, null]);
    expect(option.series[0]?.markLine.data.map((d) => [d.xAxis, d.name])).toEqual([['2015', 'US–China 2015'], ['2014', '2 agreements']]);
    expect(dyadSeriesTable(periods, [{ label: 'US–China 2015', signed: '2015-09-25' }]).rows).toEqual([
      ['2014', 2, ''],
      ['2015', 1.5, 'US–China 2015'],
      ['2016', 0, ''],
      ['2017', 'no data', ''],
    ]);
  });

  it('puts changepoints in words, or says why there are none', () => {
    expect(changepointsText(report)).toBe('Detected changepoint(s): 2016-Q1 (2 period(s) after the agreement; nearest recorded event: Xi state visit).');
    // Trimmed like REPORT: only the fields the text reads.
    const none = { ...report, analysis: { ...report.analysis, changepoints: { pelt: { changepoints: [] }, context: [] } } } as unknown as TrendReportJson;
    expect(changepointsText(none)).toContain('No changepoint was detected');
    const failed = { ...report, analysis: { ...report.analysis, changepoints: { error: { code: 'STATS_INSUFFICIENT_DATA', message: 'too short' } } } };
    expect(changepointsText(failed)).toBe('Changepoints could not be computed: too short');
    expect(changepointsText({ ...report, analysis: { ...report.analysis, changepoints: undefined } })).toBe('Changepoints were not computed.');
  });
});
