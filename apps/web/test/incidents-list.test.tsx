import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IncidentsPage } from '../src/pages/lists/incidents-page.js';
import { OPM, STATES, US_CN } from './list-fixtures.js';
import { fakeApi, ME, renderAt, type FakeApi, type FakeRoute } from './render.js';

let fake: FakeApi | null = null;
afterEach(() => {
  cleanup();
  fake?.restore();
  fake = null;
  vi.restoreAllMocks();
});

function serve(role: keyof typeof ME = 'viewer', incidents: FakeRoute = { body: { items: [OPM], nextCursor: 'next-1' } }): FakeApi {
  fake = fakeApi({
    'GET /api/v1/auth/me': { body: ME[role] },
    'GET /api/v1/states': { body: STATES },
    'GET /api/v1/agreements': { body: { items: [US_CN], nextCursor: null } },
    'GET /api/v1/incidents': incidents,
  });
  return fake;
}

const incidentCalls = (api: FakeApi) => api.calls.filter((c) => c.startsWith('GET /api/v1/incidents'));
const page = () => <IncidentsPage params={{}} />;

describe('the incidents list', () => {
  it('asks the API for exactly the filters, sort and cursor in the URL and shows the rows in words', async () => {
    const api = serve();
    renderAt('/incidents?q=opm&sponsor=CN&victim=US&from=2014&minConfidence=50&verdict=outside-scope&agreement=us-cn-2015&sort=-start&cursor=abc', page());
    await screen.findByRole('link', { name: OPM.title });
    expect(incidentCalls(api)).toEqual(['GET /api/v1/incidents?q=opm&sponsor=CN&victim=US&from=2014&agreement=us-cn-2015&verdict=outside-scope&minConfidence=50&sort=-start&cursor=abc&limit=50']);
    const row = screen.getByRole('link', { name: OPM.title }).closest('tr') as HTMLElement;
    expect(screen.getByRole('link', { name: OPM.title }).getAttribute('href')).toBe('/incidents/cn-us-opm-2015');
    expect(row.textContent).toContain('from Mar 2014 to Apr 2015');
    expect(row.textContent).toContain('Personal-data theft');
    expect(row.textContent).toContain('85%');
    expect(within(row).getAllByRole('cell')[2]?.textContent).toBe('CN');
    expect(within(row).getAllByRole('cell')[3]?.textContent).toBe('US');
    // The filter controls show the URL's values.
    expect((screen.getByLabelText('Sponsor') as HTMLInputElement).value).toBe('CN');
    expect((screen.getByLabelText('Search') as HTMLInputElement).value).toBe('opm');
  });

  it('writes a changed filter to the URL and resets the cursor; back restores the earlier view', async () => {
    const api = serve();
    renderAt('/incidents?sponsor=CN&cursor=abc', page());
    await screen.findByRole('link', { name: OPM.title });
    fireEvent.change(screen.getByLabelText('Activity'), { target: { value: 'sabotage' } });
    await waitFor(() => expect(window.location.search).toBe('?activity=sabotage&sponsor=CN'));
    await waitFor(() => expect(incidentCalls(api).at(-1)).toBe('GET /api/v1/incidents?sponsor=CN&activity=sabotage&limit=50'));

    const victim = screen.getByLabelText('Victim') as HTMLInputElement;
    fireEvent.change(victim, { target: { value: 'u' } });
    fireEvent.blur(victim);
    // Half a code is not sent (the API would refuse it), and it is marked invalid.
    expect(window.location.search).toBe('?activity=sabotage&sponsor=CN');
    expect(victim.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(victim, { target: { value: 'us' } });
    fireEvent.keyDown(victim, { key: 'Enter' });
    await waitFor(() => expect(window.location.search).toBe('?activity=sabotage&sponsor=CN&victim=US'));

    window.history.replaceState(null, '', '/incidents?sponsor=CN&cursor=abc');
    fireEvent(window, new PopStateEvent('popstate'));
    await waitFor(() => expect(incidentCalls(api).at(-1)).toBe('GET /api/v1/incidents?sponsor=CN&cursor=abc&limit=50'));
    expect((screen.getByLabelText('Victim') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('Activity') as HTMLSelectElement).value).toBe('');
  });

  it('debounces the search box and writes it with replace, not a history entry per letter', async () => {
    const api = serve();
    renderAt('/incidents?cursor=abc', page());
    await screen.findByRole('link', { name: OPM.title });
    const replace = vi.spyOn(window.history, 'replaceState');
    const push = vi.spyOn(window.history, 'pushState');
    const search = screen.getByLabelText('Search');
    fireEvent.change(search, { target: { value: 'o' } });
    fireEvent.change(search, { target: { value: 'op' } });
    fireEvent.change(search, { target: { value: 'opm' } });
    expect(window.location.search).toBe('?cursor=abc');
    await waitFor(() => expect(window.location.search).toBe('?q=opm'));
    expect(replace).toHaveBeenCalledTimes(1);
    expect(push).not.toHaveBeenCalled();
    await waitFor(() => expect(incidentCalls(api).at(-1)).toBe('GET /api/v1/incidents?q=opm&limit=50'));
    expect(incidentCalls(api).some((c) => c.includes('q=o&') || c.includes('q=op&'))).toBe(false);
  });

  it('sorts by a column header button, flips on a second click and announces it with aria-sort', async () => {
    const api = serve();
    renderAt('/incidents?cursor=abc', page());
    await screen.findByRole('link', { name: OPM.title });
    const period = () => screen.getByRole('columnheader', { name: /Period/ });
    expect(period().getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(within(period()).getByRole('button'));
    await waitFor(() => expect(window.location.search).toBe('?sort=-start'));
    await screen.findByRole('link', { name: OPM.title });
    expect(period().getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(within(period()).getByRole('button'));
    await waitFor(() => expect(window.location.search).toBe(''));
    await screen.findByRole('link', { name: OPM.title });
    fireEvent.click(within(screen.getByRole('columnheader', { name: /Incident/ })).getByRole('button'));
    await waitFor(() => expect(window.location.search).toBe('?sort=title'));
    await waitFor(() => expect(incidentCalls(api).at(-1)).toBe('GET /api/v1/incidents?sort=title&limit=50'));
    expect(screen.getByRole('columnheader', { name: /Incident/ }).getAttribute('aria-sort')).toBe('ascending');
  });

  it('pages with the server cursor', async () => {
    serve();
    renderAt('/incidents?sponsor=CN', page());
    await screen.findByRole('link', { name: OPM.title });
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(window.location.search).toBe('?cursor=next-1&sponsor=CN'));
  });

  it('offers CSV, STIX and JSON downloads of the same selection', async () => {
    serve();
    renderAt('/incidents?sponsor=CN&victim=US&q=opm&sort=-start&cursor=abc', page());
    await screen.findByRole('link', { name: OPM.title });
    const exports = screen.getByRole('navigation', { name: 'Export' });
    const csv = within(exports).getByRole('link', { name: 'CSV' });
    expect(csv.getAttribute('href')).toBe('/api/v1/exports/csv?q=opm&sponsor=CN&victim=US');
    expect(csv.hasAttribute('download')).toBe(true);
    expect(within(exports).getByRole('link', { name: 'STIX 2.1' }).getAttribute('href')).toBe('/api/v1/exports/stix?q=opm&sponsor=CN&victim=US');
    expect(within(exports).getByRole('link', { name: 'JSON (native)' }).getAttribute('href')).toBe('/api/v1/exports/json?q=opm&sponsor=CN&victim=US');
  });

  it('shows "New incident" to analysts and not to viewers', async () => {
    serve('analyst');
    renderAt('/incidents', page());
    expect((await screen.findByRole('link', { name: 'New incident' })).getAttribute('href')).toBe('/incidents/new');
    cleanup();
    fake?.restore();
    serve('viewer');
    renderAt('/incidents', page());
    await screen.findByRole('link', { name: OPM.title });
    await waitFor(() => expect(fake?.calls).toContain('GET /api/v1/auth/me'));
    expect(screen.queryByRole('link', { name: 'New incident' })).toBeNull();
  });

  it('shows loading, then the API error with its message and code', async () => {
    serve('viewer', { status: 400, body: { code: 'USAGE', detail: 'sponsor must be an ISO 3166-1 alpha-2 code', requestId: 'r-9' } });
    renderAt('/incidents?sponsor=ZZ', page());
    expect(screen.getByRole('status').textContent).toContain('Loading incidents');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('sponsor must be an ISO 3166-1 alpha-2 code');
    expect(alert.textContent).toContain('USAGE');
  });

  it('says so when nothing matches', async () => {
    serve('viewer', { body: { items: [], nextCursor: null } });
    renderAt('/incidents?sponsor=CN', page());
    await screen.findByText('No incidents match these filters.');
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(window.location.search).toBe(''));
  });
});
