import type { ScorecardContract } from '@pactwatch/domain';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import atlasUrl from 'world-atlas/countries-110m.json?url';
import { OverviewPage } from '../src/pages/overview/overview-page.js';
import { AGREEMENT, FINDINGS, TREND_FITTED, TREND_UNFITTED } from './agreement-fixtures.js';
import { charts, registeredMaps, resetCharts } from './overview-fake-echarts.js';
import { fakeApi, ME, renderAt, type FakeApi, type FakeRoute } from './render.js';

vi.mock('../src/charts/echarts.js', () => import('./overview-fake-echarts.js'));

let fake: FakeApi | null = null;
afterEach(() => {
  cleanup();
  fake?.restore();
  fake = null;
  resetCharts();
});

const counts = (breach: number, possible: number, gaps: number) => ({ breach, 'possible-breach': possible, 'outside-scope': gaps, 'before-in-force': 0 });
const card = (id: string, title: string, signed: string, c: ReturnType<typeof counts>): ScorecardContract => ({ agreementId: id, title, signed, counts: c, countsWithOverrides: c, overrides: 0, commitments: [], gaps: [], cooperation: [] });

/** A tiny TopoJSON: the United States and China as squares (arcs in plain coordinates). */
const TOPOLOGY = {
  type: 'Topology',
  objects: {
    countries: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', id: '840', properties: { name: 'United States of America' }, arcs: [[0]] },
        { type: 'Polygon', id: '156', properties: { name: 'China' }, arcs: [[1]] },
      ],
    },
  },
  arcs: [
    [[-110, 30], [-90, 30], [-90, 50], [-110, 50], [-110, 30]],
    [[100, 30], [110, 30], [110, 40], [100, 40], [100, 30]],
  ],
};

function routes(extra: Record<string, FakeRoute | ((url: URL) => FakeRoute)> = {}) {
  return {
    'GET /api/v1/auth/me': { body: ME.viewer },
    'GET /api/v1/scorecards': { body: { items: [card('us-cn-2015', 'US–China', '2015-09-25', counts(0, 2, 4)), card('g20-antalya-2015', 'G20 Antalya', '2015-11-16', counts(1, 0, 3))], nextCursor: null } },
    'GET /api/v1/agreements': { body: { items: [AGREEMENT], nextCursor: null } },
    'GET /api/v1/agreements/us-cn-2015/trend': { body: TREND_UNFITTED },
    'GET /api/v1/agreements/g20-antalya-2015/trend': { body: TREND_FITTED },
    'GET /api/v1/dyads': { body: { items: [{ sponsor: 'CN', victim: 'US', incidents: 7, breach: 0, possibleBreach: 2 }, { sponsor: 'RU', victim: 'UA', incidents: 3, breach: 1, possibleBreach: 0 }], nextCursor: null } },
    'GET /api/v1/findings': { body: { items: FINDINGS.slice(0, 2), nextCursor: null } },
    [`GET ${new URL(atlasUrl, 'http://localhost').pathname}`]: { body: TOPOLOGY },
    ...extra,
  };
}

const open = () => renderAt('/', <OverviewPage params={{}} />);

describe('the overview page', () => {
  // First: the atlas is loaded once per page load and cached, so its failure must be seen before any success.
  it('keeps the pair table when the world map cannot load', async () => {
    fake = fakeApi(routes({ [`GET ${new URL(atlasUrl, 'http://localhost').pathname}`]: { status: 500, body: { code: 'X', detail: 'x' } } }));
    renderAt('/', <OverviewPage params={{}} />);
    const section = await screen.findByRole('region', { name: 'Who targets whom' });
    expect((await within(section).findByText(/The world map could not be shown \(the world map did not load \(HTTP 500\)\)/)).textContent).toContain('the table lists every pair');
    expect(within(section).getByRole('link', { name: 'CN → US' }).getAttribute('href')).toBe('/dyads/CN-US');
  });

  it('lists agreements with their scorecard and each row’s trend verdict, linking to the agreement', async () => {
    fake = fakeApi(routes());
    open();
    const section = await screen.findByRole('region', { name: 'Agreements and their record' });
    const link = await within(section).findByRole('link', { name: 'US–China cyber commitments (2015)' });
    expect(link.getAttribute('href')).toBe('/agreements/us-cn-2015');
    const row = link.closest('tr') as HTMLElement;
    const cells = [...row.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells.slice(0, 5)).toEqual(['US, CN', '2015-09-25', '0', '2', '4']);
    await within(row).findByText('No clear change');
    expect(row.textContent).toContain('rate ratio ∞ (95% CI 0.18–∞)');
    const g20 = within(section).getByRole('link', { name: 'G20 Antalya' }).closest('tr') as HTMLElement;
    await within(g20).findByText('Fewer incidents after');
    // newest first
    expect(within(section).getAllByRole('row')[1]?.textContent).toContain('G20 Antalya');
  });

  it('never holds the table up for a failing trend', async () => {
    fake = fakeApi(routes({ 'GET /api/v1/agreements/us-cn-2015/trend': { status: 500, body: { code: 'INTERNAL', detail: 'boom' } } }));
    open();
    const link = await screen.findByRole('link', { name: 'US–China cyber commitments (2015)' });
    await within(link.closest('tr') as HTMLElement).findByText('unavailable (INTERNAL)');
  });

  it('draws the dyads on the world map and opens a pair when its arc is clicked', async () => {
    fake = fakeApi(routes());
    open();
    const section = await screen.findByRole('region', { name: 'Who targets whom' });
    await waitFor(() => expect(charts.some((c) => c.handlers.has('click'))).toBe(true));
    expect(registeredMaps).toContain('pactwatch-world');
    const chart = charts.find((c) => c.handlers.has('click'));
    const option = chart?.options.at(-1) as { series: Array<{ type: string; data: Array<{ dyad: string }> }> };
    // RU and UA are not on the tiny test map: only CN → US gets an arc, the table keeps both.
    expect(option.series[0]?.data.map((d) => d.dyad)).toEqual(['CN-US']);
    const ruUa = within(section).getByRole('link', { name: 'RU → UA' });
    expect(ruUa.getAttribute('href')).toBe('/dyads/RU-UA');
    expect([...(ruUa.closest('tr')?.querySelectorAll('td') ?? [])].map((td) => td.textContent)).toEqual(['3', '1', '0']);
    expect(fake.calls).toContain('GET /api/v1/dyads');
    fireEvent.click(within(section).getByRole('button', { name: 'Show table' }));
    expect(within(section).getAllByRole('table')[0]?.textContent).toContain('Breaches');
    chart?.handlers.get('click')?.({ seriesType: 'lines', data: { dyad: 'CN-US' } });
    await waitFor(() => expect(window.location.pathname).toBe('/dyads/CN-US'));
  });

  it('derives the pairs from incidents and findings when the server has no /dyads', async () => {
    const incident = { id: 'i-1', attributions: [{ sponsor: 'KP' }], victims: [{ state: 'KR' }] };
    fake = fakeApi(routes({ 'GET /api/v1/dyads': { status: 404, body: { code: 'NOT_FOUND', detail: 'no route' } }, 'GET /api/v1/incidents': { body: { items: [incident], nextCursor: null } } }));
    open();
    const pair = await screen.findByRole('link', { name: 'KP → KR' });
    expect(pair.getAttribute('href')).toBe('/dyads/KP-KR');
    expect(screen.getByText(/Counted here from incidents and findings/)).toBeTruthy();
  });

  it('shows the latest findings with verdict badges linking to the incident', async () => {
    fake = fakeApi(routes());
    open();
    const latest = await screen.findByRole('region', { name: 'Latest findings' });
    const link = await within(latest).findByRole('link', { name: 'cn-us-opm-2015' });
    expect(link.getAttribute('href')).toBe('/incidents/cn-us-opm-2015');
    expect(link.closest('li')?.textContent).toContain('Before in force');
    expect(fake.calls).toContain('GET /api/v1/findings?sort=recent&limit=10');
  });

  it('shows API errors with their code instead of blank sections', async () => {
    fake = fakeApi(routes({ 'GET /api/v1/scorecards': { status: 503, body: { code: 'STORE_UNAVAILABLE', detail: 'the database is not reachable' } }, 'GET /api/v1/findings': { status: 400, body: { code: 'USAGE', detail: 'bad sort' } } }));
    open();
    const agreements = await screen.findByRole('region', { name: 'Agreements and their record' });
    expect((await within(agreements).findByRole('alert')).textContent).toContain('STORE_UNAVAILABLE');
    const latest = screen.getByRole('region', { name: 'Latest findings' });
    expect((await within(latest).findByRole('alert')).textContent).toContain('USAGE');
  });

});
