import type { IncidentDraft } from '@pactwatch/domain';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ReviewPage } from '../src/pages/review/review-page.js';
import { fakeApi, ME, renderAt, type FakeApi } from './render.js';

let fake: FakeApi | null = null;
afterEach(() => {
  cleanup();
  fake?.restore();
  fake = null;
  localStorage.clear();
});

const record: IncidentDraft['record'] = {
  id: 'cn-us-test-2016',
  title: 'Intrusion into a test agency',
  summary: 'A proposed incident for the review tests.',
  period: { start: '2016-03', end: '2016-09' },
  activities: [{ type: 'political-military-espionage', certainty: 'confirmed' }],
  means: [],
  attributions: [{ sponsor: 'CN', actorName: 'APT Test', relation: 'unknown', confidence: 60, basis: 'vendor-report', attributedBy: 'Test Lab', sources: [] }],
  victims: [{ state: 'US', category: 'government', entity: 'Test Agency' }],
  sources: [{ publisher: 'Example News', title: 'Agency breached', url: 'https://example.org/a' }],
  provenance: { origin: 'added', note: 'test' },
  disputes: [],
};

const pending: IncidentDraft = {
  id: 'd1',
  state: 'pending',
  origin: 'import:cfr',
  confidence: 70,
  notes: 'Check the second source',
  record,
  reason: null,
  incidentId: null,
  createdBy: 'importer',
  createdAt: '2026-01-02T10:00:00Z',
  decidedBy: null,
  decidedAt: null,
};
const rejected: IncidentDraft = { ...pending, id: 'd2', state: 'rejected', reason: 'Duplicate of the OPM breach', decidedBy: 'ana', decidedAt: '2026-01-03T09:00:00Z' };
const accepted: IncidentDraft = { ...pending, id: 'd3', state: 'accepted', incidentId: 'cn-us-test-2016', decidedBy: 'ana', decidedAt: '2026-01-03T09:00:00Z' };

/** The request headers of every write, which fakeApi does not keep. */
function captureHeaders(): Headers[] {
  const seen: Headers[] = [];
  const inner = globalThis.fetch;
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    seen.push(new Headers(init?.headers));
    return inner(input, init);
  }) as typeof fetch;
  return seen;
}

describe('review queue', () => {
  it('lists pending drafts with the proposed incident, its origin and proposer, and explains where drafts come from', async () => {
    fake = fakeApi({ 'GET /api/v1/auth/me': { body: ME.analyst }, 'GET /api/v1/drafts': { body: { items: [pending], nextCursor: null } } });
    renderAt('/review', <ReviewPage params={{}} />);
    const card = await screen.findByRole('article', { name: 'Intrusion into a test agency' });
    expect(fake.calls).toContain('GET /api/v1/drafts?state=pending&limit=20');
    const text = card.textContent ?? '';
    expect(text).toContain('from Mar 2016 to Sep 2016');
    expect(text).toContain('CN (APT Test) — confidence 60/100, Vendor report, attributed by Test Lab');
    expect(text).toContain('US — Government: Test Agency');
    expect(text).toContain('Political-military espionage');
    expect(text).toContain('Agency breached');
    expect(text).toContain('Import of the dataset cfr');
    expect(text).toContain('importer');
    expect(text).toContain('70/100');
    expect(text).toContain('Check the second source');
    expect(screen.getByText('Where drafts come from')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'new incident form' }).getAttribute('href')).toBe('/incidents/new');
    expect(screen.getByRole('button', { name: 'Pending' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('keeps the state filter in the URL and shows who decided, when and the outcome', async () => {
    fake = fakeApi({
      'GET /api/v1/auth/me': { body: ME.analyst },
      'GET /api/v1/drafts': (url) => ({ body: { items: url.searchParams.get('state') === 'rejected' ? [rejected] : url.searchParams.get('state') === 'accepted' ? [accepted] : [pending], nextCursor: null } }),
    });
    renderAt('/review', <ReviewPage params={{}} />);
    await screen.findByRole('button', { name: 'Accept' });
    fireEvent.click(screen.getByRole('button', { name: 'Rejected' }));
    await screen.findByText('Duplicate of the OPM breach');
    expect(window.location.search).toBe('?state=rejected');
    expect(fake.calls).toContain('GET /api/v1/drafts?state=rejected&limit=20');
    expect(screen.getByText(/Rejected by/).textContent).toContain('ana');
    expect(screen.queryByRole('button', { name: 'Accept' })).toBeNull();

    fireEvent.change(screen.getByLabelText('Origin'), { target: { value: 'import:cfr' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filter' }));
    await waitFor(() => expect(fake?.calls).toContain('GET /api/v1/drafts?state=rejected&origin=import%3Acfr&limit=20'));
    expect(window.location.search).toBe('?origin=import%3Acfr&state=rejected');

    fireEvent.click(screen.getByRole('button', { name: 'Accepted' }));
    const link = await screen.findByRole('link', { name: 'cn-us-test-2016' });
    expect(link.getAttribute('href')).toBe('/incidents/cn-us-test-2016');
    expect(link.parentElement?.textContent).toContain('Accepted by ana');
  });

  it('accepts a draft with the CSRF header and links to the new incident', async () => {
    let decided = false;
    fake = fakeApi({
      'GET /api/v1/auth/me': { body: ME.analyst },
      'GET /api/v1/drafts': () => ({ body: { items: decided ? [] : [pending], nextCursor: null } }),
      'POST /api/v1/drafts/d1/accept': () => {
        decided = true;
        return { status: 201, body: { draft: { ...pending, state: 'accepted' }, incident: record } };
      },
    });
    const headers = captureHeaders();
    localStorage.setItem('pactwatch.csrf', 'csrf-9');
    renderAt('/review', <ReviewPage params={{}} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Accept' }));
    const status = await screen.findByRole('status');
    await waitFor(() => expect(status.textContent).toContain('is now the incident'));
    expect(within(status).getByRole('link', { name: 'cn-us-test-2016' }).getAttribute('href')).toBe('/incidents/cn-us-test-2016');
    expect(headers.find((h) => h.get('x-csrf-token') !== null)?.get('x-csrf-token')).toBe('csrf-9');
    await screen.findByText('No pending drafts.');
  });

  it('will not reject without a reason, then sends the reason', async () => {
    fake = fakeApi({
      'GET /api/v1/auth/me': { body: ME.analyst },
      'GET /api/v1/drafts': { body: { items: [pending], nextCursor: null } },
      'POST /api/v1/drafts/d1/reject': { body: rejected },
    });
    renderAt('/review', <ReviewPage params={{}} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Reject…' }));
    fireEvent.change(screen.getByLabelText('Reason for rejecting (required)'), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Reject draft' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Give a reason');
    expect(fake.calls.filter((c) => c.startsWith('POST'))).toEqual([]);
    fireEvent.change(screen.getByLabelText('Reason for rejecting (required)'), { target: { value: ' Duplicate of the OPM breach ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Reject draft' }));
    await screen.findByText(/was rejected/);
    expect(fake.calls).toContain('POST /api/v1/drafts/d1/reject');
    expect(fake.bodies[fake.calls.indexOf('POST /api/v1/drafts/d1/reject')]).toEqual({ reason: 'Duplicate of the OPM breach' });
  });

  it('merges into an incident picked by search, and shows the 409 of a read-only target', async () => {
    const target = { ...record, id: 'cn-us-opm-2015', title: 'OPM breach', provenance: { origin: 'seed-article', seeds: ['x'] } };
    const own = { ...record, id: 'my-incident', title: 'My incident' };
    fake = fakeApi({
      'GET /api/v1/auth/me': { body: ME.analyst },
      'GET /api/v1/drafts': { body: { items: [pending], nextCursor: null } },
      'GET /api/v1/incidents': { body: { items: [target, own], nextCursor: null } },
      'POST /api/v1/drafts/d1/merge': (_url, body) =>
        (body as { incidentId: string }).incidentId === 'cn-us-opm-2015'
          ? { status: 409, body: { code: 'READ_ONLY', detail: 'the incident cn-us-opm-2015 is curated and cannot be changed' } }
          : { body: { draft: { ...pending, state: 'merged' }, incident: own } },
    });
    renderAt('/review', <ReviewPage params={{}} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Merge into an incident…' }));
    fireEvent.change(screen.getByLabelText('Search incidents to merge into'), { target: { value: 'opm' } });
    fireEvent.click(await screen.findByRole('radio', { name: /OPM breach/ }));
    expect(fake.calls).toContain('GET /api/v1/incidents?q=opm&limit=10');
    fireEvent.click(screen.getByRole('button', { name: 'Merge into cn-us-opm-2015' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('is curated and cannot be changed');
    expect(alert.textContent).toContain('HTTP 409');
    expect(fake.bodies[fake.calls.indexOf('POST /api/v1/drafts/d1/merge')]).toEqual({ incidentId: 'cn-us-opm-2015' });

    fireEvent.click(screen.getByRole('radio', { name: /My incident/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Merge into my-incident' }));
    const status = await screen.findByRole('status');
    expect(within(status).getByRole('link', { name: 'my-incident' }).getAttribute('href')).toBe('/incidents/my-incident');
  });

  it('shows the API error of the queue instead of a blank page', async () => {
    fake = fakeApi({ 'GET /api/v1/auth/me': { body: ME.analyst }, 'GET /api/v1/drafts': { status: 503, body: { code: 'STORE_UNAVAILABLE', detail: 'the database is not reachable' } } });
    renderAt('/review', <ReviewPage params={{}} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('the database is not reachable');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('shows viewers no decision controls and loads nothing for them', async () => {
    fake = fakeApi({ 'GET /api/v1/auth/me': { body: ME.viewer }, 'GET /api/v1/drafts': { body: { items: [pending], nextCursor: null } } });
    renderAt('/review', <ReviewPage params={{}} />);
    await screen.findByText(/open to analysts and admins only/);
    expect(screen.queryByRole('button', { name: 'Accept' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reject…' })).toBeNull();
    expect(fake.calls.some((c) => c.includes('/drafts'))).toBe(false);
  });
});
