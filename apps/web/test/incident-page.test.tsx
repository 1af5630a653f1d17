import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IncidentPage } from '../src/pages/incident/incident-page.js';
import { recordHeaders, STATES, type } from './entry-helpers.js';
import { fakeApi, ME, renderAt, type FakeApi } from './render.js';

let fake: FakeApi | null = null;
afterEach(() => {
  cleanup();
  fake?.restore();
  fake = null;
  localStorage.clear();
  vi.restoreAllMocks();
});

const INCIDENT = {
  id: 'cn-gb-test-2016',
  title: 'Ministry intrusion',
  summary: 'Intruders took files from a ministry.',
  period: { start: '2016-01/2016-07' },
  disclosed: '2016-09-12',
  activities: [{ type: 'political-military-espionage', certainty: 'confirmed' }],
  means: ['cyber'],
  attributions: [{ sponsor: 'CN', actorName: 'APT3', relation: 'state-organ', confidence: 80, basis: 'vendor-report', attributedBy: 'Mandiant', sources: [] }],
  victims: [{ state: 'GB', category: 'government', entity: 'Ministry' }],
  sources: [{ publisher: 'NCSC', title: 'Advisory', url: 'https://example.org/a', quote: 'we assess', date: '2016-09' }],
  provenance: { origin: 'added', note: 'Entered through the dashboard by ana.' },
  disputes: [],
};
const CURATED = { ...INCIDENT, provenance: { origin: 'seed-article', seeds: ['burgess-2017'] } };

const FINDING = {
  agreement: 'uk-cn-2015',
  commitment: 'uk-cn-2015/no-ip-theft',
  incident: 'cn-gb-test-2016',
  verdict: 'outside-scope',
  rule: 'V2-outside-scope',
  summary: 'target: government, not covered (covers private-sector)',
  sponsor: 'CN',
  victim: 'GB',
  checks: [
    { dimension: 'timing', value: 'true', reason: 'began after the agreement took effect', facts: { effectiveFrom: '2015-10-21' } },
    { dimension: 'target', value: 'false', reason: 'government, not covered (covers private-sector)', facts: { covers: ['private-sector'], categories: ['government'] } },
  ],
  alternatives: [],
};
const OVERRIDE = { verdict: 'breach', note: 'The ministry runs a state-owned firm.', author: 'ana', createdAt: '2026-12-05T10:00:00Z' };

function routes(me: (typeof ME)[keyof typeof ME], incident: unknown, extra: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    'GET /api/v1/auth/me': { body: me },
    'GET /api/v1/incidents/cn-gb-test-2016': { body: incident, headers: { etag: '"i1"' } },
    'GET /api/v1/findings': { body: { items: [FINDING], nextCursor: null } },
    'GET /api/v1/audit': { body: { items: [], nextCursor: null } },
    'GET /api/v1/states': { body: STATES },
    ...extra,
  });
}

const open = () => renderAt('/incidents/cn-gb-test-2016', <IncidentPage params={{ id: 'cn-gb-test-2016' }} />);

describe('the incident page', () => {
  it('shows a viewer the record, its findings and traces, and no edit controls', async () => {
    fake = routes(ME.viewer, INCIDENT);
    open();
    await screen.findByRole('heading', { level: 1, name: 'Ministry intrusion' });
    expect(screen.getByText('(sometime between Jan 2016 and Jul 2016)')).toBeTruthy();
    expect(screen.getByText('(12 Sep 2016)')).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Advisory' });
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(screen.getByText('APT3')).toBeTruthy();
    const finding = await screen.findByRole('article', { name: 'uk-cn-2015/no-ip-theft' });
    expect(within(finding).getByText('Outside scope (gap)')).toBeTruthy();
    fireEvent.click(within(finding).getByText('Check-by-check trace', { selector: 'summary' }));
    const row = within(finding).getByRole('rowheader', { name: 'target' }).closest('tr');
    expect(row?.textContent).toContain('does not hold');
    expect(row?.textContent).toContain('private-sector');
    expect(fake.calls).toContain('GET /api/v1/findings?incident=cn-gb-test-2016&limit=500');
    for (const name of ['Override verdict', 'Edit incident', 'Delete incident', 'Add attribution', 'Add source']) {
      expect(screen.queryByRole('button', { name })).toBeNull();
      expect(screen.queryByRole('link', { name })).toBeNull();
    }
    expect(screen.queryByRole('heading', { name: 'Edit history' })).toBeNull();
    expect(fake.calls.some((c) => c.startsWith('GET /api/v1/audit'))).toBe(false);
  });

  it('lets an analyst override a verdict with a note, sending the finding\'s ETag', async () => {
    localStorage.setItem('pactwatch.csrf', 'csrf-2');
    let overridden = false;
    fake = routes(ME.analyst, CURATED, {
      'GET /api/v1/findings': () => ({ body: { items: [overridden ? { ...FINDING, override: OVERRIDE } : FINDING], nextCursor: null } }),
      'GET /api/v1/findings/detail': { body: FINDING, headers: { etag: '"f1"' } },
      'PUT /api/v1/findings/override': () => {
        overridden = true;
        return { body: OVERRIDE };
      },
    });
    const headers = recordHeaders();
    open();
    const finding = await screen.findByRole('article', { name: 'uk-cn-2015/no-ip-theft' });
    // A curated record: no edit controls, and the page says why.
    expect(screen.getByText(/no edit controls: This record comes from the curated dataset/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Edit incident' })).toBeNull();
    fireEvent.click(within(finding).getByRole('button', { name: 'Override verdict' }));
    const note = await within(finding).findByLabelText('Note');
    expect(fake.calls).toContain('GET /api/v1/findings/detail?commitment=uk-cn-2015%2Fno-ip-theft&incident=cn-gb-test-2016');
    fireEvent.change(within(finding).getByLabelText('Verdict'), { target: { value: 'breach' } });
    fireEvent.click(within(finding).getByRole('button', { name: 'Save override' }));
    expect(within(finding).getByText(/A note is required/)).toBeTruthy();
    fireEvent.change(note, { target: { value: 'The ministry runs a state-owned firm.' } });
    fireEvent.click(within(finding).getByRole('button', { name: 'Save override' }));
    const updated = await screen.findByText(/Overridden by/);
    expect(updated.textContent).toContain('ana');
    expect(updated.textContent).toContain('The ministry runs a state-owned firm.');
    const put = fake.calls.indexOf('PUT /api/v1/findings/override');
    expect(fake.bodies[put]).toEqual({ commitment: 'uk-cn-2015/no-ip-theft', incident: 'cn-gb-test-2016', verdict: 'breach', note: 'The ministry runs a state-owned firm.' });
    const sent = headers.find((h) => h.call === 'PUT /api/v1/findings/override')?.headers;
    expect(sent?.['if-match']).toBe('"f1"');
    expect(sent?.['x-csrf-token']).toBe('csrf-2');
    expect(screen.getByText('Breach')).toBeTruthy();
    // The edit history is read again, so the override shows there too.
    await waitFor(() => expect(fake?.calls.filter((c) => c.startsWith('GET /api/v1/audit?incident=cn-gb-test-2016'))).toHaveLength(2));
  });

  it('says plainly when someone changed the finding since the form opened (412)', async () => {
    fake = routes(ME.analyst, INCIDENT, {
      'GET /api/v1/findings/detail': { body: FINDING, headers: { etag: '"f1"' } },
      'PUT /api/v1/findings/override': { status: 412, body: { code: 'PRECONDITION_FAILED', detail: 'changed' } },
    });
    open();
    const finding = await screen.findByRole('article', { name: 'uk-cn-2015/no-ip-theft' });
    fireEvent.click(within(finding).getByRole('button', { name: 'Override verdict' }));
    fireEvent.change(await within(finding).findByLabelText('Note'), { target: { value: 'why' } });
    fireEvent.click(within(finding).getByRole('button', { name: 'Save override' }));
    expect(await within(finding).findByText(/Someone changed this since you opened it; reload/)).toBeTruthy();
  });

  it('removes an override with the finding\'s ETag', async () => {
    fake = routes(ME.analyst, INCIDENT, {
      'GET /api/v1/findings': { body: { items: [{ ...FINDING, override: OVERRIDE }], nextCursor: null } },
      'GET /api/v1/findings/detail': { body: FINDING, headers: { etag: '"f2"' } },
      'DELETE /api/v1/findings/override': { status: 204, body: null },
    });
    const headers = recordHeaders();
    open();
    const finding = await screen.findByRole('article', { name: 'uk-cn-2015/no-ip-theft' });
    fireEvent.click(within(finding).getByRole('button', { name: 'Remove override' }));
    await waitFor(() => expect(headers.find((h) => h.call.startsWith('DELETE'))?.headers['if-match']).toBe('"f2"'));
    expect(fake.calls).toContain('DELETE /api/v1/findings/override?commitment=uk-cn-2015%2Fno-ip-theft&incident=cn-gb-test-2016');
  });

  it('lets an analyst add a source to an editable incident with its ETag, and delete it after confirming', async () => {
    fake = routes(ME.analyst, INCIDENT, {
      'POST /api/v1/incidents/cn-gb-test-2016/sources': (_u, body) => ({ body: { ...INCIDENT, sources: [...INCIDENT.sources, body] } }),
      'DELETE /api/v1/incidents/cn-gb-test-2016': { status: 204, body: null },
    });
    const headers = recordHeaders();
    open();
    await screen.findByRole('link', { name: 'Edit incident' });
    fireEvent.click(screen.getByRole('button', { name: 'Add source' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save source' }));
    expect((await screen.findByText('The source cannot be added yet:')).closest('[role=alert]')?.textContent).toContain('publisher: required');
    type(/^Publisher/, 'Reuters');
    type(/^Source title/, 'Officials say');
    type(/^Link \(URL\)/, 'https://example.org/r');
    fireEvent.click(screen.getByRole('button', { name: 'Save source' }));
    await waitFor(() => expect(fake?.calls).toContain('POST /api/v1/incidents/cn-gb-test-2016/sources'));
    const post = fake.calls.indexOf('POST /api/v1/incidents/cn-gb-test-2016/sources');
    expect(fake.bodies[post]).toEqual({ publisher: 'Reuters', title: 'Officials say', url: 'https://example.org/r' });
    expect(headers.find((h) => h.call.startsWith('POST'))?.headers['if-match']).toBe('"i1"');

    // Adding a source reloads the incident (new ETag): wait for it, or the delete button clicked
    // below may be the one the reload is about to replace.
    await waitFor(() => expect(fake?.calls.filter((c) => c === 'GET /api/v1/incidents/cn-gb-test-2016')).toHaveLength(2));
    window.confirm = vi.fn().mockReturnValueOnce(false).mockReturnValueOnce(true);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete incident' }));
    expect(fake.calls.some((c) => c.startsWith('DELETE'))).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Delete incident' }));
    await waitFor(() => expect(window.location.pathname).toBe('/incidents'));
    expect(headers.find((h) => h.call.startsWith('DELETE'))?.headers['if-match']).toBe('"i1"');
  });

  it('shows analysts the edit history with what changed', async () => {
    fake = routes(ME.analyst, INCIDENT, {
      'GET /api/v1/audit': {
        body: {
          items: [
            { id: 2, at: '2026-12-05T10:00:00.000Z', principal: { kind: 'user', id: 'u-a', name: 'ana', role: 'analyst' }, action: 'incident.update', entityType: 'incident', entityId: 'cn-gb-test-2016', before: { ...INCIDENT, title: 'Old title' }, after: INCIDENT, note: null, requestId: null },
            { id: 1, at: '2026-12-04T09:00:00.000Z', principal: { kind: 'user', id: 'u-a', name: 'ana', role: 'analyst' }, action: 'incident.create', entityType: 'incident', entityId: 'cn-gb-test-2016', before: null, after: INCIDENT, note: null, requestId: null },
          ],
          nextCursor: null,
        },
      },
    });
    open();
    await screen.findByRole('heading', { name: 'Edit history' });
    const field = await screen.findByRole('rowheader', { name: 'title' });
    expect(field.closest('tr')?.textContent).toContain('Old title');
    expect(field.closest('tr')?.textContent).toContain('Ministry intrusion');
    expect(screen.getByText('Created.')).toBeTruthy();
    expect(fake.calls).toContain('GET /api/v1/audit?incident=cn-gb-test-2016&limit=100');
  });

  it('shows the API\'s error instead of a blank page', async () => {
    fake = fakeApi({ 'GET /api/v1/auth/me': { body: ME.viewer }, 'GET /api/v1/incidents/nope': { status: 404, body: { code: 'NOT_FOUND', detail: 'no incident "nope"' } } });
    renderAt('/incidents/nope', <IncidentPage params={{ id: 'nope' }} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('no incident "nope"');
    expect(alert.textContent).toContain('NOT_FOUND');
  });
});
