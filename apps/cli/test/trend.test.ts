import { describe, expect, it } from 'vitest';
import { AGREEMENT_YAML, incidentYaml } from '../../../packages/backend/test/helpers.js';
import { sandbox } from './cli-harness.js';

describe('pactwatch series and trend (end to end)', () => {
  it('prints a series as CSV that `stats its` can read, and a trend with chart and reading', () => {
    const s = sandbox();
    s.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
    for (let m = 0; m < 24; m += 1) {
      const month = new Date(Date.UTC(2014, 9 + m, 1)).toISOString().slice(0, 7);
      for (let k = 0; k < (m < 11 ? 3 : 1); k += 1) s.write(`incidents/i-${m}-${k}.yaml`, incidentYaml(`i-${m}-${k}`, { start: month }));
    }
    expect(s.run(['--db', s.db, '--data', s.data, 'init']).status).toBe(0);

    const csv = s.run(['--db', s.db, 'series', '--sponsor', 'China', '--victim', 'US', '--from', '2014-10', '--to', '2016-09', '--format', 'csv']);
    expect(csv.status, csv.stderr).toBe(0);
    const lines = csv.stdout.trim().split('\r\n');
    expect(lines[0]).toBe('period,start,count,exposure');
    expect(lines[1]).toBe('2014-10,2014-10-01,3,1');
    expect(lines).toHaveLength(25);

    const trend = s.run(['--db', s.db, 'trend', '--agreement', 'us-cn-test', '--from', '2014-10', '--to', '2016-09']);
    expect(trend.status, trend.stderr).toBe(0);
    expect(trend.stdout).toContain('┃ = 2015-09');
    expect(trend.stdout).toContain('rate ratio (after/before, exact): 0.333');
    expect(trend.stdout).toContain('cannot show that the agreement caused a change');

    const json = JSON.parse(s.run(['--db', s.db, 'trend', '--agreement', 'us-cn-test', '--from', '2014-10', '--to', '2016-09', '--method', 'rate-ratio', '--json']).stdout) as {
      series: { total: number };
      analysis: { breakLabel: string; rateRatio: { before: { count: number }; after: { count: number } }; its?: unknown };
    };
    expect(json.series.total).toBe(46);
    expect(json.analysis.breakLabel).toBe('2015-09');
    expect(json.analysis.rateRatio.before.count).toBe(33);
    expect(json.analysis.rateRatio.after.count).toBe(13);
    expect(json.analysis.its).toBeUndefined();
  });

  it('rejects bad options with usage errors', () => {
    const s = sandbox();
    expect(s.run(['--db', s.db, 'series', '--from', '2014', '--to', '2015', '--by', 'week']).status).toBe(2);
    expect(s.run(['--db', s.db, 'series', '--from', '2014', '--to', '2015', '--sponsor', 'Atlantis']).status).toBe(2);
    expect(s.run(['--db', s.db, 'trend', '--agreement', 'nope']).status).toBe(4);
  });
});
