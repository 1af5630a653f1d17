import { describe, expect, it } from 'vitest';
import { AGREEMENT_YAML, incidentYaml, workspace } from './helpers.js';

// Start dates of the CN → US incidents: exact, month, year, approximate and a span of years.
const STARTS = ['2013-05-02', '2014-11', '2015', '2015-09~', '2014/2016', '2016-03', '2017-12-31', '2018'];

describe('dyad detail', () => {
  it("builds its per-year chart from the pair's start dates, equal to the full series of the pair, with and without a window", async () => {
    const ws = workspace();
    ws.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
    STARTS.forEach((start, i) => ws.write(`incidents/cn-us-${i}.yaml`, incidentYaml(`cn-us-${i}`, { start })));
    // Another pair's incident must not count.
    ws.write('incidents/ru-us.yaml', incidentYaml('ru-us', { start: '2015-01' }).replace('sponsor: CN', 'sponsor: RU'));
    const app = await ws.open({ now: () => new Date('2026-11-22T00:00:00Z') });
    await app.dataset.load();
    await app.evaluation.evaluate();

    const whole = await app.dyads.detail('CN', 'US');
    expect(whole.incidents).toBe(STARTS.length);
    const expected = await app.trends.series({ by: 'year', from: '2013', to: '2018', dateBy: 'start', uncertain: 'spread', sponsors: ['CN'], victims: ['US'] });
    expect(whole.perYear).toEqual(expected);
    expect(whole.perYear?.periods.map((p) => p.label)).toEqual(['2013', '2014', '2015', '2016', '2017', '2018']);
    expect(whole.perYear?.total).toBeCloseTo(STARTS.length, 10);

    // A window: only incidents possibly active in it are counted as the pair's, but the chart
    // spreads every incident of the pair over the window's years, as `pactwatch series` does.
    const windowed = await app.dyads.detail('CN', 'US', { from: '2015', to: '2016' });
    const expectedWindow = await app.trends.series({ by: 'year', from: '2015', to: '2016', dateBy: 'start', uncertain: 'spread', sponsors: ['CN'], victims: ['US'] });
    expect(windowed.perYear).toEqual(expectedWindow);
    expect(windowed.perYear?.items).toBe(STARTS.length);
    expect(windowed.perYear?.excluded.outsideWindow).toBeGreaterThan(0);
  });

  it('has no chart for a pair without incidents', async () => {
    const ws = workspace();
    ws.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
    ws.write('incidents/cn-us.yaml', incidentYaml('cn-us'));
    const app = await ws.open();
    await app.dataset.load();
    const detail = await app.dyads.detail('US', 'CN');
    expect(detail).toMatchObject({ incidents: 0, perYear: null });
  });
});
