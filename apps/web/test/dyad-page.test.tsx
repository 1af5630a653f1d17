import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DyadPage } from '../src/pages/dyad/dyad-page.js';
import { DYAD, SCORECARDS, SERIES } from './dyad-fixtures.js';
import { fakeApi, ME, renderAt, type FakeApi, type FakeRoute } from './render.js';

// happy-dom has no canvas: a minimal ECharts stand-in records the options ChartPanel sets.
const options: unknown[] = [];
vi.mock('../src/charts/echarts.js', () => ({
  echarts: {
    init: () => ({ setOption: (o: unknown) => options.push(o), dispose: () => undefined, on: () => undefined, off: () => undefined, resize: () => undefined, getDataURL: () => 'data:,', renderToSVGString: () => '<svg/>' }),
  },
}));

let fake: FakeApi | null = null;
afterEach(() => {
  cleanup();
  fake?.restore();
  fake = null;
  options.length = 0;
});

function serve(dyad: FakeRoute = { body: DYAD }): FakeApi {
  fake = fakeApi({
    'GET /api/v1/auth/me': { body: ME.viewer },
    'GET /api/v1/dyads/CN-US': dyad,
    'GET /api/v1/series': { body: SERIES },
    'GET /api/v1/scorecards': { body: SCORECARDS },
    'GET /api/v1/states': { body: { items: [], nextCursor: null } },
  });
  return fake;
}
const page = (dyad: string) => <DyadPage params={{ dyad }} />;
const year = new Date().getUTCFullYear();

describe('the dyad page', () => {
  it('shows the pair, verdict counts, agreements with scorecard numbers, and the related links', async () => {
    serve();
    renderAt('/dyads/CN-US', page('CN-US'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('CN → US');
    await screen.findByRole('heading', { name: 'Agreements between CN and US' });
    expect(screen.getByRole('list', { name: 'Findings by verdict' }).textContent).toContain('Outside scope (gap) 5');
    const row = screen.getByRole('rowheader', { name: 'US–China 2015' }).closest('tr') as HTMLElement;
    await waitFor(() => expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['25 Sep 2015', '2', '6', '9', '11', 'No clear change']));
    const g20 = screen.getByRole('rowheader', { name: 'G20 Antalya' }).closest('tr') as HTMLElement;
    expect(within(g20).getAllByRole('cell').at(-1)?.textContent).toBe('Not computable');
    expect(within(row).getByRole('link').getAttribute('href')).toBe('/agreements/us-cn-2015');
    const related = screen.getByRole('navigation', { name: 'Related views' });
    expect(within(related).getByRole('link', { name: 'Reverse: US → CN' }).getAttribute('href')).toBe('/dyads/US-CN');
    expect(within(related).getByRole('link', { name: 'Incidents CN → US' }).getAttribute('href')).toBe('/incidents?sponsor=CN&victim=US');
  });

  it('gives each agreement its plain reading, intervals, pre-existing trend and changepoints, or why they are missing', async () => {
    serve();
    renderAt('/dyads/CN-US', page('CN-US'));
    const card = (await screen.findByRole('heading', { name: 'US–China 2015', level: 3 })).closest('article') as HTMLElement;
    expect(card.textContent).toContain('Comparing 2 event(s) in 3 period(s) after with 0 in 1 before');
    expect(card.textContent).toContain('Rate ratio after/before ∞ (95% CI 0.17–∞)');
    expect(card.textContent).toContain('No clear change: level change ×1.22 (95% CI 0.7–2.1) against the pre-agreement trend');
    expect(card.textContent).toContain('already falling by about 10% per quarter');
    expect(card.textContent).toContain('Detected changepoint(s): 2016-Q1 (2 period(s) after the agreement; nearest recorded event: Xi state visit)');
    const failed = screen.getByRole('heading', { name: 'G20 Antalya', level: 3 }).closest('article') as HTMLElement;
    expect(within(failed).getByRole('alert').textContent).toContain('the agreement date must fall inside the series');
    expect(within(failed).getByRole('alert').textContent).toContain('STATS_INSUFFICIENT_DATA');
  });

  it('charts the series per year by default and per quarter from the URL, with a table alternative', async () => {
    const api = serve();
    renderAt('/dyads/CN-US', page('CN-US'));
    await screen.findByRole('img', { name: 'Incidents CN → US per year' });
    expect(api.calls).toContain(`GET /api/v1/series?sponsor=CN&victim=US&by=year&from=2010&to=${year}`);
    const marks = JSON.stringify(options.at(-1));
    expect(marks).toContain('"xAxis":"2015"');
    fireEvent.click(screen.getByRole('button', { name: 'Show table' }));
    const table = screen.getByRole('table', { name: 'Incidents CN → US per year' });
    expect(within(table).getAllByRole('row')[2]?.textContent).toBe('20151.5US–China 2015; G20 Antalya');

    fireEvent.change(screen.getByLabelText('Per'), { target: { value: 'quarter' } });
    await waitFor(() => expect(window.location.search).toBe('?by=quarter'));
    await waitFor(() => expect(api.calls).toContain(`GET /api/v1/series?sponsor=CN&victim=US&by=quarter&from=2010&to=${year}`));
  });

  it('shows the series error in its own section and keeps the rest', async () => {
    serve();
    fake?.restore();
    fake = fakeApi({ 'GET /api/v1/auth/me': { body: ME.viewer }, 'GET /api/v1/dyads/CN-US': { body: DYAD }, 'GET /api/v1/scorecards': { body: SCORECARDS } });
    renderAt('/dyads/CN-US?by=quarter', page('CN-US'));
    const series = await screen.findByRole('region', { name: 'Incidents over time' });
    const alert = await within(series).findByRole('alert');
    expect(alert.textContent).toContain('NOT_FOUND');
    expect(within(series).getByLabelText('Per')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Did behaviour change after each agreement?' })).toBeTruthy();
  });

  it('shows loading, then the API error of the dyad', async () => {
    serve({ status: 400, body: { code: 'USAGE', detail: 'dyad must be SPONSOR-VICTIM' } });
    renderAt('/dyads/CN-US', page('CN-US'));
    expect(screen.getByRole('status').textContent).toContain('Loading the dyad');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('dyad must be SPONSOR-VICTIM');
    expect(alert.textContent).toContain('USAGE');
    expect(screen.getByRole('link', { name: 'Reverse: US → CN' })).toBeTruthy();
  });

  it('explains a malformed pair instead of asking the API', async () => {
    const api = serve();
    renderAt('/dyads/CN', page('CN'));
    expect(screen.getByRole('alert').textContent).toContain('“CN” is not a dyad');
    expect(api.calls.some((c) => c.includes('/dyads/'))).toBe(false);
  });
});
