import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AgreementsPage } from '../src/pages/lists/agreements-page.js';
import { STATES, US_CN } from './list-fixtures.js';
import { fakeApi, ME, renderAt, type FakeApi, type FakeRoute } from './render.js';

let fake: FakeApi | null = null;
afterEach(() => {
  cleanup();
  fake?.restore();
  fake = null;
});

const G20 = { ...US_CN, id: 'g20-antalya-2015', title: 'G20 Antalya communiqué', shortTitle: undefined, parties: [{ group: 'g20' }], signed: '2015-11', status: 'in-force', commitments: [{ id: 'g20-antalya-2015/ip' }] };

function serve(role: keyof typeof ME = 'viewer', agreements: FakeRoute = { body: { items: [US_CN, G20], nextCursor: null } }): FakeApi {
  fake = fakeApi({ 'GET /api/v1/auth/me': { body: ME[role] }, 'GET /api/v1/states': { body: STATES }, 'GET /api/v1/agreements': agreements });
  return fake;
}
const calls = (api: FakeApi) => api.calls.filter((c) => c.startsWith('GET /api/v1/agreements'));
const page = () => <AgreementsPage params={{}} />;

describe('the agreements list', () => {
  it('asks the API for the URL filters and shows name, parties, signing date, status and commitments', async () => {
    const api = serve();
    renderAt('/agreements?party=CN&from=2015&to=2016&q=cyber&sort=-title&cursor=c1', page());
    const link = await screen.findByRole('link', { name: 'US–China 2015' });
    expect(calls(api)).toEqual(['GET /api/v1/agreements?q=cyber&party=CN&from=2015&to=2016&sort=-title&cursor=c1&limit=50']);
    expect(link.getAttribute('href')).toBe('/agreements/us-cn-2015');
    const cells = within(link.closest('tr') as HTMLElement).getAllByRole('cell').map((c) => c.textContent);
    expect(cells.slice(1)).toEqual(['US, CN', '25 Sep 2015', 'Announced', '2']);
    const g20 = within(screen.getByRole('link', { name: 'G20 Antalya communiqué' }).closest('tr') as HTMLElement).getAllByRole('cell').map((c) => c.textContent);
    expect(g20.slice(1)).toEqual(['g20 (group)', 'Nov 2015', 'In force', '1']);
  });

  it('resets the cursor when a filter changes and sorts by signing date both ways', async () => {
    const api = serve();
    renderAt('/agreements?cursor=c1', page());
    await screen.findByRole('link', { name: 'US–China 2015' });
    const party = screen.getByLabelText('Party');
    fireEvent.change(party, { target: { value: 'cn' } });
    fireEvent.blur(party);
    await waitFor(() => expect(window.location.search).toBe('?party=CN'));
    await waitFor(() => expect(calls(api).at(-1)).toBe('GET /api/v1/agreements?party=CN&limit=50'));
    await screen.findByRole('link', { name: 'US–China 2015' });
    const signed = () => screen.getByRole('columnheader', { name: /Signed/ });
    expect(signed().getAttribute('aria-sort')).toBe('ascending');
    expect(screen.getByRole('columnheader', { name: /Agreement/ }).getAttribute('aria-sort')).toBe('none');
    fireEvent.click(within(signed()).getByRole('button'));
    await waitFor(() => expect(window.location.search).toBe('?party=CN&sort=-signed'));
    await screen.findByRole('link', { name: 'US–China 2015' });
    expect(signed().getAttribute('aria-sort')).toBe('descending');
  });

  it('shows "New agreement" to admins only', async () => {
    serve('analyst');
    renderAt('/agreements', page());
    await screen.findByRole('link', { name: 'US–China 2015' });
    await waitFor(() => expect(fake?.calls).toContain('GET /api/v1/auth/me'));
    expect(screen.queryByRole('link', { name: 'New agreement' })).toBeNull();
    cleanup();
    fake?.restore();
    serve('admin');
    renderAt('/agreements', page());
    expect((await screen.findByRole('link', { name: 'New agreement' })).getAttribute('href')).toBe('/agreements/new');
  });

  it('shows the API error instead of the table', async () => {
    serve('viewer', { status: 503, body: { code: 'STORE_UNAVAILABLE', detail: 'the database is not reachable' } });
    renderAt('/agreements', page());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('the database is not reachable');
    expect(alert.textContent).toContain('STORE_UNAVAILABLE');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
