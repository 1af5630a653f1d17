import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AgreementPage } from '../src/pages/agreement/agreement-page.js';
import { AGREEMENT, EVENTS, FINDINGS, TREND_FITTED } from './agreement-fixtures.js';
import { charts, resetCharts } from './overview-fake-echarts.js';
import { fakeApi, ME, renderAt, type FakeApi, type FakeRoute } from './render.js';

vi.mock('../src/charts/echarts.js', () => import('./overview-fake-echarts.js'));

let fake: FakeApi | null = null;
afterEach(() => {
  cleanup();
  fake?.restore();
  fake = null;
  resetCharts();
});

function routes(me: object, overrides: Record<string, FakeRoute | ((url: URL) => FakeRoute)> = {}) {
  return {
    'GET /api/v1/auth/me': { body: me },
    'GET /api/v1/agreements/us-cn-2015': { body: AGREEMENT },
    'GET /api/v1/findings': (url: URL): FakeRoute =>
      // Two pages, to check the page follows nextCursor.
      url.searchParams.get('cursor') === null ? { body: { items: FINDINGS.slice(0, 2), nextCursor: 'c2' } } : { body: { items: FINDINGS.slice(2), nextCursor: null } },
    'GET /api/v1/context-events': { body: { items: EVENTS, nextCursor: null } },
    'GET /api/v1/agreements/us-cn-2015/trend': { body: TREND_FITTED },
    ...overrides,
  };
}

const open = () => renderAt('/agreements/us-cn-2015', <AgreementPage params={{ id: 'us-cn-2015' }} />);

describe('the agreement page', () => {
  it('shows parties, dates and each commitment with its quoted text, source and scope', async () => {
    fake = fakeApi(routes(ME.viewer));
    open();
    expect(await screen.findByRole('heading', { level: 1, name: 'US–China cyber commitments (2015)' })).toBeTruthy();
    const facts = screen.getByRole('region', { name: 'About the agreement' });
    expect(facts.textContent).toContain('US, CN');
    expect(facts.textContent).toContain('2015-09-25');
    expect(facts.textContent).toContain('announced');
    const commitments = screen.getByRole('region', { name: 'Commitments (1)' });
    expect(commitments.textContent).toContain('neither country’s government will conduct');
    expect(within(commitments).getByRole('link', { name: /Sputnik: US–China agreement/ }).getAttribute('href')).toBe('https://example.org/sputnik');
    for (const text of ['commercial-espionage', 'private-sector', 'cyber-enabled', 'conducted-or-supported', 'mutual']) expect(commitments.textContent).toContain(text);
  });

  it('lists the OPM breach under the gaps as outside scope on targets', async () => {
    fake = fakeApi(routes(ME.viewer));
    open();
    const gaps = await screen.findByRole('region', { name: /Gaps: incidents outside scope/ });
    const row = within(gaps).getByRole('link', { name: 'cn-us-opm-2015' }).closest('tr');
    expect(row?.textContent).toContain('activity, targets');
    expect(row?.textContent).toContain('government, not covered (covers private-sector)');
    expect(fake.calls).toContain('GET /api/v1/findings?agreement=us-cn-2015&limit=500&cursor=c2');
  });

  it('groups findings by verdict and opens each to its check-by-check trace, with overrides and their note', async () => {
    fake = fakeApi(routes(ME.viewer));
    open();
    const findings = await screen.findByRole('region', { name: 'Findings by verdict (5)' });
    expect(within(findings).getByRole('heading', { name: /Breach 1 Breach findings/ })).toBeTruthy();
    const overridden = within(findings).getByText('cn-us-overridden-2016').closest('details');
    expect(overridden).not.toBeNull();
    fireEvent.click(overridden!.querySelector('summary')!);
    expect(overridden!.textContent).toContain('Confirmed by the indictment');
    expect(overridden!.textContent).toContain('ana');
    const trace = within(overridden as HTMLElement).getByRole('table');
    expect(within(trace).getByRole('rowheader', { name: 'target' })).toBeTruthy();
    expect(trace.textContent).toContain('incidentPeriod');
  });

  it('shows the trend reading, rate ratio, pre-existing trend and the ITS chart with its band', async () => {
    fake = fakeApi(routes(ME.viewer));
    open();
    const trend = await screen.findByRole('region', { name: /Did behaviour change/ });
    await within(trend).findByText('Fewer incidents after');
    expect(trend.textContent).toContain('the level after the break changed by a factor of 0.3');
    expect(trend.textContent).toContain('Rate ratio after/before 1 (95% CI 0.19–5.3)');
    expect(trend.textContent).toContain('already rising by about 10.5%');
    await waitFor(() => expect(charts.length).toBe(2));
    const names = charts.flatMap((c) => ((c.options.at(-1) as { series?: Array<{ name: string }> }).series ?? []).map((s) => s.name));
    expect(names).toContain('No-agreement projection');
    expect(names).toContain('Context events');
  });

  it('shows the timeline table alternative and opens an incident from the chart', async () => {
    fake = fakeApi(routes(ME.viewer));
    open();
    const timeline = await screen.findByRole('region', { name: 'Timeline' });
    expect(timeline.textContent).toContain('3 in-scope incident(s): 1 before and 2 after');
    fireEvent.click(within(timeline).getByRole('button', { name: 'Show table' }));
    expect(within(timeline).getByRole('table').textContent).toContain('US indicts five PLA officers');
    const chart = charts.find((c) => c.handlers.has('click'));
    chart?.handlers.get('click')?.({ data: { incident: 'cn-us-crowdstrike-post-accord-2015' } });
    await waitFor(() => expect(window.location.pathname).toBe('/incidents/cn-us-crowdstrike-post-accord-2015'));
  });

  it('offers "Edit agreement" to admins only', async () => {
    fake = fakeApi(routes(ME.admin));
    open();
    const edit = await screen.findByRole('link', { name: 'Edit agreement' });
    expect(edit.getAttribute('href')).toBe('/agreements/us-cn-2015/edit');
    cleanup();
    fake.restore();
    for (const me of [ME.viewer, ME.analyst]) {
      fake = fakeApi(routes(me));
      open();
      await screen.findByRole('heading', { level: 1 });
      expect(screen.queryByRole('link', { name: 'Edit agreement' })).toBeNull();
      cleanup();
      fake.restore();
    }
    fake = null;
  });

  it('shows API errors with their code: a missing agreement, and a failed trend beside the rest', async () => {
    fake = fakeApi({ 'GET /api/v1/auth/me': { body: ME.viewer } });
    renderAt('/agreements/nope', <AgreementPage params={{ id: 'nope' }} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('NOT_FOUND');
    cleanup();
    fake.restore();
    fake = fakeApi(routes(ME.viewer, { 'GET /api/v1/agreements/us-cn-2015/trend': { status: 503, body: { code: 'STORE_UNAVAILABLE', detail: 'the database is not reachable' } } }));
    open();
    const trend = await screen.findByRole('region', { name: /Did behaviour change/ });
    expect((await within(trend).findByRole('alert')).textContent).toContain('STORE_UNAVAILABLE');
    expect(screen.getByRole('region', { name: /Gaps/ })).toBeTruthy();
  });
});
