import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AgreementFormPage } from '../src/pages/entry/agreement-form-page.js';
import { pick, recordHeaders, STATES, type } from './entry-helpers.js';
import { fakeApi, ME, renderAt, type FakeApi } from './render.js';

let fake: FakeApi | null = null;
afterEach(() => {
  cleanup();
  fake?.restore();
  fake = null;
  localStorage.clear();
});

const SOURCE = { publisher: 'White House', title: 'Fact sheet', url: 'https://example.org/f', quoteStatus: 'verbatim' };
const STORED = {
  id: 'cn-gb-pact-2016',
  title: 'China–UK pact',
  kind: 'joint-statement',
  parties: [{ state: 'CN' }, { state: 'GB' }],
  signed: '2016-03',
  status: 'announced',
  summary: 'Both sides agree not to steal trade secrets.',
  sources: [SOURCE],
  provenance: { origin: 'added', note: 'Entered through the dashboard by adam.' },
  disputes: [],
  commitments: [
    {
      id: 'cn-gb-pact-2016/no-ip-theft',
      localId: 'no-ip-theft',
      agreementId: 'cn-gb-pact-2016',
      title: 'No IP theft',
      obligation: 'refrain',
      text: 'neither government will conduct…',
      source: SOURCE,
      scope: { activities: ['commercial-espionage'], targets: ['private-sector'], means: 'cyber-enabled', actor: 'conducted-or-supported', direction: 'mutual', rationale: 'commercial only' },
      disputes: [],
    },
  ],
};

describe('the agreement form', () => {
  it('validates with the domain schema and names each problem, sending nothing', async () => {
    fake = fakeApi({ 'GET /api/v1/auth/me': { body: ME.admin }, 'GET /api/v1/states': { body: STATES } });
    renderAt('/agreements/new', <AgreementFormPage params={{}} />);
    await screen.findByLabelText(/^Name/);
    fireEvent.click(screen.getByRole('button', { name: 'Add commitment' }));
    type(/^Signed \(EDTF\)/, '2015-09-25');
    expect(screen.getByText('Reads as: 25 Sep 2015')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save agreement' }));
    const text = (await screen.findByText('The agreement cannot be saved yet:')).closest('[role=alert]')?.textContent ?? '';
    expect(text).toContain('title: required');
    expect(text).toContain('parties.0.state');
    expect(text).toContain('commitments.0.scope.activities: add at least one');
    expect(text).toContain('commitments.0.scope.rationale: required');
    expect(fake.calls.some((c) => c.startsWith('POST'))).toBe(false);
  });

  it('posts a new agreement with a scoped commitment', async () => {
    localStorage.setItem('pactwatch.csrf', 'csrf-a');
    fake = fakeApi({ 'GET /api/v1/auth/me': { body: ME.admin }, 'GET /api/v1/states': { body: STATES }, 'POST /api/v1/agreements': (_u, body) => ({ status: 201, body }) });
    const headers = recordHeaders();
    renderAt('/agreements/new', <AgreementFormPage params={{}} />);
    await screen.findByLabelText(/^Name/);
    type(/^Name/, 'China–UK pact');
    type(/^Summary/, 'Both sides agree.');
    await pick('Party 1', 'China', /China \(CN\)/);
    await pick('Party 2', 'Britain', /UK \(GB\)/);
    type(/^Signed \(EDTF\)/, '2016-03');
    type(/^Publisher/, 'FCO');
    type(/^Source title/, 'Statement');
    fireEvent.click(screen.getByRole('button', { name: 'Add commitment' }));
    type(/^Commitment id/, 'no-ip-theft');
    type(/^Commitment title/, 'No IP theft');
    type(/^Text \(quoted\)/, 'neither will conduct');
    type(/^Publisher/, 'FCO', 1);
    type(/^Source title/, 'Statement', 1);
    fireEvent.click(screen.getAllByLabelText('Commercial espionage')[0] as HTMLElement);
    fireEvent.click(screen.getByLabelText('Private sector'));
    type(/^Rationale/, 'commercial only');
    fireEvent.click(screen.getByRole('button', { name: 'Save agreement' }));
    await waitFor(() => expect(window.location.pathname).toBe('/agreements/china-uk-pact'));
    const body = fake.bodies[fake.calls.indexOf('POST /api/v1/agreements')] as Record<string, unknown>;
    expect(body['parties']).toEqual([{ state: 'CN' }, { state: 'GB' }]);
    expect(body['commitments']).toEqual([
      { id: 'no-ip-theft', title: 'No IP theft', obligation: 'refrain', text: 'neither will conduct', source: { publisher: 'FCO', title: 'Statement' }, scope: { activities: ['commercial-espionage'], targets: ['private-sector'], means: 'cyber-enabled', actor: 'conducted', direction: 'mutual', rationale: 'commercial only' } },
    ]);
    expect(headers.find((h) => h.call.startsWith('POST'))?.headers['x-csrf-token']).toBe('csrf-a');
  });

  it('puts an edited agreement back with If-Match and local commitment ids, and explains a 412', async () => {
    fake = fakeApi({
      'GET /api/v1/auth/me': { body: ME.admin },
      'GET /api/v1/states': { body: STATES },
      'GET /api/v1/agreements/cn-gb-pact-2016': { body: STORED, headers: { etag: '"a1"' } },
      'PUT /api/v1/agreements/cn-gb-pact-2016': { status: 412, body: { code: 'PRECONDITION_FAILED', detail: 'changed' } },
    });
    const headers = recordHeaders();
    renderAt('/agreements/cn-gb-pact-2016/edit', <AgreementFormPage params={{ id: 'cn-gb-pact-2016' }} />);
    await screen.findByDisplayValue('China–UK pact');
    fireEvent.click(screen.getByRole('button', { name: 'Save agreement' }));
    expect(await screen.findByText(/Someone changed this record since you opened it/)).toBeTruthy();
    const body = fake.bodies[fake.calls.indexOf('PUT /api/v1/agreements/cn-gb-pact-2016')] as Record<string, unknown>;
    const { commitments, ...rest } = STORED;
    expect(body).toEqual({ ...rest, commitments: commitments.map(({ localId, agreementId: _a, ...c }) => ({ ...c, id: localId })) });
    expect(headers.find((h) => h.call.startsWith('PUT'))?.headers['if-match']).toBe('"a1"');
  });
});
