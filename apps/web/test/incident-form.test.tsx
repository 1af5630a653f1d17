import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { IncidentFormPage } from '../src/pages/entry/incident-form-page.js';
import { slugify } from '../src/pages/entry/incident-form-model.js';
import { pick, recordHeaders, STATES, type } from './entry-helpers.js';
import { fakeApi, ME, renderAt, type FakeApi } from './render.js';

let fake: FakeApi | null = null;
afterEach(() => {
  cleanup();
  fake?.restore();
  fake = null;
  localStorage.clear();
});

const STORED = {
  id: 'cn-gb-test-2016',
  title: 'Test intrusion',
  summary: 'Intruders took files.',
  period: { start: '2016-01/2016-07' },
  activities: [{ type: 'commercial-espionage', certainty: 'confirmed' }],
  means: ['cyber'],
  attributions: [{ sponsor: 'CN', relation: 'state-organ', confidence: 80, basis: 'vendor-report', attributedBy: 'Mandiant', sources: [] }],
  victims: [{ state: 'GB', category: 'private-sector' }],
  sources: [{ publisher: 'Example', title: 'Report', url: 'https://example.org/r', quoteStatus: 'verbatim' }],
  provenance: { origin: 'added', note: 'Entered through the dashboard by ana.' },
  disputes: [{ field: 'period', note: 'dates differ', status: 'disagree' }],
};

describe('the incident form', () => {
  it('suggests the id from the title and refuses to send an incomplete record, naming each field', async () => {
    fake = fakeApi({ 'GET /api/v1/auth/me': { body: ME.analyst }, 'GET /api/v1/states': { body: STATES } });
    renderAt('/incidents/new', <IncidentFormPage params={{}} />);
    await screen.findByLabelText(/^Title/);
    type(/^Title/, 'Théft at the Ministry (2016)');
    expect((screen.getByLabelText(/^Id \(slug\)/) as HTMLInputElement).value).toBe('theft-at-the-ministry-2016');
    type(/^Start date \(EDTF\)/, '2016-13');
    expect(await screen.findByText(/is not a valid EDTF date/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save incident' }));
    const summary = await screen.findByText('The incident cannot be saved yet:');
    const text = summary.closest('[role=alert]')?.textContent ?? '';
    expect(text).toContain('summary: required');
    expect(text).toContain('attributions.0.sponsor');
    expect(text).toContain('attributions.0.confidence: required');
    expect(text).toContain('victims.0.state');
    expect(text).toContain('sources.0.publisher: required');
    expect(text).toContain('period.start');
    // The message also sits beside its field.
    const confidence = screen.getByLabelText(/^Confidence/);
    expect(confidence.getAttribute('aria-invalid')).toBe('true');
    expect(fake.calls.some((c) => c.startsWith('POST'))).toBe(false);
    expect(slugify('  --A  b--')).toBe('a-b');
  });

  it('posts the minimum incident with the CSRF token and opens its page', async () => {
    localStorage.setItem('pactwatch.csrf', 'csrf-9');
    fake = fakeApi({
      'GET /api/v1/auth/me': { body: ME.analyst },
      'GET /api/v1/states': { body: STATES },
      'POST /api/v1/incidents': (_url, body) => ({ status: 201, body }),
    });
    const headers = recordHeaders();
    renderAt('/incidents/new', <IncidentFormPage params={{}} />);
    await screen.findByLabelText(/^Title/);
    type(/^Title/, 'Ministry intrusion');
    type(/^Summary/, 'Intruders took files from a ministry.');
    type(/^Start date \(EDTF\)/, '2016-01/2016-07');
    expect(await screen.findByText('Reads as: sometime between Jan 2016 and Jul 2016')).toBeTruthy();
    await pick('Sponsor', 'prc', /China \(CN\)/);
    type(/^Confidence/, '80');
    type(/^Attributed by/, 'NCSC');
    await pick('Victim', 'Britain', /UK \(GB\)/);
    fireEvent.change(screen.getByLabelText('Target category'), { target: { value: 'government' } });
    fireEvent.click(screen.getByLabelText('Political-military espionage'));
    type(/^Publisher/, 'NCSC');
    type(/^Source title/, 'Advisory');
    type(/^Link \(URL\)/, 'https://example.org/a');
    fireEvent.click(screen.getByRole('button', { name: 'Save incident' }));
    await waitFor(() => expect(window.location.pathname).toBe('/incidents/ministry-intrusion'));
    const post = fake.calls.indexOf('POST /api/v1/incidents');
    expect(fake.bodies[post]).toEqual({
      id: 'ministry-intrusion',
      title: 'Ministry intrusion',
      summary: 'Intruders took files from a ministry.',
      period: { start: '2016-01/2016-07' },
      activities: [{ type: 'political-military-espionage', certainty: 'confirmed' }],
      means: [],
      attributions: [{ sponsor: 'CN', relation: 'unknown', confidence: 80, basis: 'government-attribution', attributedBy: 'NCSC' }],
      victims: [{ state: 'GB', category: 'government' }],
      sources: [{ publisher: 'NCSC', title: 'Advisory', url: 'https://example.org/a' }],
      provenance: { origin: 'added', note: 'Entered through the dashboard by ana.' },
    });
    expect(headers.find((h) => h.call === 'POST /api/v1/incidents')?.headers['x-csrf-token']).toBe('csrf-9');
  });

  it('proposes a new incident for review instead of storing it, and offers no such button when editing', async () => {
    fake = fakeApi({
      'GET /api/v1/auth/me': { body: ME.analyst },
      'GET /api/v1/states': { body: STATES },
      'POST /api/v1/drafts': (_url, body) => ({ status: 201, body: { id: 'd-1', state: 'pending', ...(body as object) } }),
    });
    renderAt('/incidents/new', <IncidentFormPage params={{}} />);
    await screen.findByLabelText(/^Title/);
    fireEvent.click(screen.getByRole('button', { name: 'Submit for review' }));
    expect(await screen.findByText('The incident cannot be saved yet:')).toBeTruthy();
    expect(fake.calls.some((c) => c.startsWith('POST'))).toBe(false);
    type(/^Title/, 'Ministry intrusion');
    type(/^Summary/, 'Intruders took files from a ministry.');
    type(/^Start date \(EDTF\)/, '2016-03');
    await pick('Sponsor', 'prc', /China \(CN\)/);
    type(/^Confidence/, '60');
    type(/^Attributed by/, 'NCSC');
    await pick('Victim', 'Britain', /UK \(GB\)/);
    type(/^Publisher/, 'NCSC');
    type(/^Source title/, 'Advisory');
    fireEvent.click(screen.getByRole('button', { name: 'Submit for review' }));
    await waitFor(() => expect(window.location.pathname).toBe('/review'));
    const post = fake.calls.indexOf('POST /api/v1/drafts');
    expect(fake.bodies[post]).toMatchObject({ origin: 'hand-entered', record: { id: 'ministry-intrusion', title: 'Ministry intrusion', period: { start: '2016-03' } } });
    expect(fake.calls).not.toContain('POST /api/v1/incidents');
    cleanup();

    fake.restore();
    fake = fakeApi({ 'GET /api/v1/auth/me': { body: ME.analyst }, 'GET /api/v1/states': { body: STATES }, 'GET /api/v1/incidents/cn-gb-test-2016': { body: STORED, headers: { etag: '"v1"', 'x-record-origin': 'user' } } });
    renderAt('/incidents/cn-gb-test-2016/edit', <IncidentFormPage params={{ id: 'cn-gb-test-2016' }} />);
    await screen.findByRole('button', { name: 'Save incident' });
    expect(screen.queryByRole('button', { name: 'Submit for review' })).toBeNull();
  });

  it('shows the server\'s 422 problems beside their fields', async () => {
    fake = fakeApi({
      'GET /api/v1/auth/me': { body: ME.analyst },
      'GET /api/v1/states': { body: STATES },
      'GET /api/v1/incidents/cn-gb-test-2016': { body: STORED, headers: { etag: '"v1"' } },
      'PUT /api/v1/incidents/cn-gb-test-2016': { status: 422, body: { code: 'VALIDATION_FAILED', detail: 'the incident is not valid', problems: [{ path: 'body/title', reason: 'clashes with an existing title' }, { path: '/attributions/0/confidence', reason: 'too high' }] } },
    });
    renderAt('/incidents/cn-gb-test-2016/edit', <IncidentFormPage params={{ id: 'cn-gb-test-2016' }} />);
    await screen.findByDisplayValue('Test intrusion');
    fireEvent.click(screen.getByRole('button', { name: 'Save incident' }));
    const titleError = await screen.findAllByText('clashes with an existing title');
    expect(titleError.length).toBeGreaterThan(0);
    expect(screen.getByLabelText(/^Title/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText(/^Confidence/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('the incident is not valid')).toBeTruthy();
  });

  it('edits with If-Match, keeping fields the form does not show, and explains a 412', async () => {
    fake = fakeApi({
      'GET /api/v1/auth/me': { body: ME.analyst },
      'GET /api/v1/states': { body: STATES },
      'GET /api/v1/incidents/cn-gb-test-2016': { body: STORED, headers: { etag: '"v1"' } },
      'PUT /api/v1/incidents/cn-gb-test-2016': { status: 412, body: { code: 'PRECONDITION_FAILED', detail: 'changed since you read it' } },
    });
    const headers = recordHeaders();
    renderAt('/incidents/cn-gb-test-2016/edit', <IncidentFormPage params={{ id: 'cn-gb-test-2016' }} />);
    await screen.findByDisplayValue('Test intrusion');
    expect(screen.getByText('Reads as: sometime between Jan 2016 and Jul 2016')).toBeTruthy();
    await waitFor(() => expect((screen.getByRole('combobox', { name: /^Sponsor/ }) as HTMLInputElement).value).toBe('China (CN)'));
    type(/^Title/, 'Test intrusion, revised');
    fireEvent.click(screen.getByRole('button', { name: 'Save incident' }));
    expect(await screen.findByText(/Someone changed this record since you opened it/)).toBeTruthy();
    const put = fake.calls.indexOf('PUT /api/v1/incidents/cn-gb-test-2016');
    expect(fake.bodies[put]).toEqual({ ...STORED, title: 'Test intrusion, revised' });
    expect(headers.find((h) => h.call.startsWith('PUT'))?.headers['if-match']).toBe('"v1"');
    expect(window.location.pathname).toBe('/incidents/cn-gb-test-2016/edit');
  });

  it('does not offer to edit a curated incident', async () => {
    fake = fakeApi({
      'GET /api/v1/auth/me': { body: ME.analyst },
      'GET /api/v1/incidents/cn-us-opm-2015': { body: { ...STORED, id: 'cn-us-opm-2015', provenance: { origin: 'seed-article', seeds: ['burgess-2017'] } }, headers: { etag: '"v1"' } },
    });
    renderAt('/incidents/cn-us-opm-2015/edit', <IncidentFormPage params={{ id: 'cn-us-opm-2015' }} />);
    expect(await screen.findByText(/comes from the curated dataset and is read-only/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save incident' })).toBeNull();
  });
});
