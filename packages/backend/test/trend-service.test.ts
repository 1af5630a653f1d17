import { isMethodFailure } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { AGREEMENT_YAML, incidentYaml, workspace } from './helpers.js';

function monthly(ws: ReturnType<typeof workspace>, perMonth: (month: number) => number): void {
  for (let m = 0; m < 48; m += 1) {
    const date = new Date(Date.UTC(2013, 9 + m, 1)).toISOString().slice(0, 7);
    for (let k = 0; k < perMonth(m); k += 1) ws.write(`incidents/i-${m}-${k}.yaml`, incidentYaml(`i-${m}-${k}`, { start: date }));
  }
}

describe('trend service', () => {
  it('counts an agreement\'s in-scope incidents around its date, including those before it took effect', async () => {
    const ws = workspace();
    ws.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
    monthly(ws, (m) => (m < 23 ? 4 : 1));
    ws.write('incidents/humint.yaml', incidentYaml('humint', { start: '2016-02', means: 'humint' }));
    const app = await ws.open({ now: () => new Date('2026-11-22T00:00:00Z') });
    await app.dataset.load();
    const report = await app.trends.trend({ agreementId: 'us-cn-test', methods: ['rate-ratio', 'its', 'changepoints'], from: '2013-10', to: '2017-09' });
    expect(report.series.items).toBe(23 * 4 + 25);
    expect(report.series.total).toBe(117);
    expect(report.analysis.breakLabel).toBe('2015-09');
    const rr = report.analysis.rateRatio;
    if (rr === undefined || isMethodFailure(rr)) throw new Error('no rate ratio');
    expect(rr.before).toMatchObject({ count: 92, exposure: 23 });
    expect(rr.after).toMatchObject({ count: 25, exposure: 25 });
    expect(rr.result.rateRatio).toBeCloseTo((25 / 25) / (92 / 23), 10);
    expect(report.analysis.reading).toContain('rate ratio 0.25');
  });

  it('builds a series for any filter and never reads the future as zeros', async () => {
    const ws = workspace();
    ws.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
    ws.write('incidents/a.yaml', incidentYaml('a', { start: '2016-03' }));
    ws.write('incidents/b.yaml', incidentYaml('b', { start: '2016-03/2016-04' }));
    const app = await ws.open({ now: () => new Date('2016-05-15T00:00:00Z') });
    await app.dataset.load();
    const series = await app.trends.series({ by: 'month', from: '2016-02', to: '2016-07', dateBy: 'start', uncertain: 'spread', sponsors: ['CN'], victims: ['US'], coverageTo: '2016-05-15' });
    expect(series.periods.map((p) => p.count)).toEqual([0, 1 + 31 / 61, 30 / 61, 0, null, null]);
    expect(series.periods[3]?.exposure).toBeCloseTo(15 / 31, 10);
    const none = await app.trends.series({ by: 'month', from: '2016-02', to: '2016-07', dateBy: 'disclosure', uncertain: 'spread' });
    expect(none.excluded.undated).toBe(2);
    await expect(app.trends.trend({ agreementId: 'nope', methods: ['its'] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
