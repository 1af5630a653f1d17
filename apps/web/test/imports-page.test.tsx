import type { ImportReport, JobRecord } from '@pactwatch/domain';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportsPage } from '../src/pages/imports/imports-page.js';
import { suggestFormat } from '../src/pages/imports/import-types.js';
import { fakeApi, ME, renderAt, type FakeApi } from './render.js';

let fake: FakeApi | null = null;
afterEach(() => {
  cleanup();
  fake?.restore();
  fake = null;
  vi.useRealTimers();
  localStorage.clear();
});

const job = (over: Partial<JobRecord>): JobRecord => ({
  id: 'j1',
  name: 'import',
  state: 'created',
  payload: { fileName: 'events.csv', format: 'csv' },
  result: null,
  error: null,
  attempts: 0,
  retryLimit: 2,
  createdAt: '2026-01-02T10:00:00Z',
  startedAt: null,
  completedAt: null,
  startAfter: '2026-01-02T10:00:00Z',
  createdBy: 'adam',
  ...over,
});

const report: ImportReport = {
  batchId: 4,
  file: 'events.csv',
  format: 'csv',
  dataset: 'cfr',
  version: null,
  fileHash: 'a'.repeat(64),
  dryRun: false,
  read: 10,
  stored: 6,
  updated: 1,
  unchanged: 1,
  quarantined: 2,
  drafted: 0,
  alreadyDrafted: 0,
  asDrafts: false,
  draftOrigin: null,
  records: { incidents: 8, actors: 0 },
  changes: [],
  problems: [
    { file: 'events.csv', path: 'row 4', reason: 'sponsor "Narnia" is not a known state' },
    { file: 'events.csv', path: 'row 9', reason: 'the date "spring" is not EDTF' },
  ],
  warnings: ['mapping "cfr" recognised from the header (no --mapping given)'],
  notes: [],
  evaluation: { mode: 'incremental', incidentsEvaluated: 7, findings: 21, durationMs: 30 },
};

const quarantine = {
  items: [{ id: 7, batchId: 4, sourceFile: 'events.csv', locator: 'row 4', recordKind: 'incident', recordId: null, reason: 'sponsor "Narnia" is not a known state', raw: '{"Sponsor":"Narnia"}', createdAt: '2026-01-02T10:00:03Z' }],
  nextCursor: null,
};
const empty = { items: [], nextCursor: null };

/** The lists every admin view loads, with the given watched-job answers in order (the last repeats). */
function routes(answers: JobRecord[], extra: Parameters<typeof fakeApi>[0] = {}): Parameters<typeof fakeApi>[0] {
  let polls = 0;
  return {
    'GET /api/v1/auth/me': { body: ME.admin },
    'GET /api/v1/jobs': { body: empty },
    'GET /api/v1/jobs/dead': { body: empty },
    'GET /api/v1/quarantine': { body: quarantine },
    'GET /api/v1/jobs/j1': () => ({ body: answers[Math.min(polls++, answers.length - 1)] }),
    ...extra,
  };
}

const pollsOf = (f: FakeApi, id = 'j1') => f.calls.filter((c) => c === `GET /api/v1/jobs/${id}`).length;

describe('imports page', () => {
  it('suggests the format from the file name', () => {
    expect(suggestFormat('Events.CSV')).toBe('csv');
    expect(suggestFormat('book.xlsx')).toBe('xlsx');
    expect(suggestFormat('apt.stix.json')).toBe('stix');
    expect(suggestFormat('threat-actor-galaxy.json')).toBe('misp-galaxy');
    expect(suggestFormat('dataset.json')).toBe('json');
    expect(suggestFormat('notes.txt')).toBeNull();
  });

  it('uploads the file as multipart fields, watches the job in the URL until it completes, then shows the report', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    fake = fakeApi(
      routes([job({ state: 'created' }), job({ state: 'active', attempts: 1 }), job({ state: 'completed', attempts: 1, result: report, completedAt: '2026-01-02T10:00:05Z' })], {
        'POST /api/v1/imports': { status: 202, body: job({}) },
      }),
    );
    renderAt('/imports', <ImportsPage params={{}} />);
    const file = new File(['Sponsor,Victim\nCN,US\n'], 'events.csv', { type: 'text/csv' });
    fireEvent.change(await screen.findByLabelText('File to import'), { target: { files: [file] } });
    expect((screen.getByLabelText('Format') as HTMLSelectElement).value).toBe('csv');
    fireEvent.change(screen.getByLabelText('Mapping preset'), { target: { value: 'cfr' } });
    fireEvent.change(screen.getByLabelText(/Mapping YAML/), { target: { value: 'columns: {}' } });
    fireEvent.change(screen.getByLabelText(/Dataset name/), { target: { value: 'my-events' } });
    fireEvent.click(screen.getByLabelText(/Dry run/));
    fireEvent.click(screen.getByRole('button', { name: 'Upload and import' }));

    await waitFor(() => expect(window.location.search).toBe('?job=j1'));
    const form = fake.bodies[fake.calls.indexOf('POST /api/v1/imports')] as FormData;
    expect(form).toBeInstanceOf(FormData);
    expect(form.get('format')).toBe('csv');
    expect(form.get('mapping')).toBe('cfr');
    expect(form.get('mappingText')).toBe('columns: {}');
    expect(form.get('dataset')).toBe('my-events');
    expect(form.get('dryRun')).toBe('true');
    expect((form.get('file') as File).name).toBe('events.csv');

    await screen.findByText(/waiting for a worker/);
    await act(() => vi.advanceTimersByTimeAsync(1000));
    await screen.findByText(/running/);
    await act(() => vi.advanceTimersByTimeAsync(1000));
    await screen.findByRole('heading', { name: 'Reconciliation report' });
    expect(screen.getByText('read 10 = 6 stored + 1 updated + 1 unchanged + 2 quarantined ✓')).toBeTruthy();
    const problems = screen.getByRole('heading', { name: 'Problems (2)' }).nextElementSibling as HTMLElement;
    expect(within(problems).getByText('row 4')).toBeTruthy();
    expect(problems.textContent).toContain('the date "spring" is not EDTF');
    expect(screen.getByText(/recognised from the header/)).toBeTruthy();
    // Polling stopped at "completed", and the lists were reloaded for the new rows.
    const seen = pollsOf(fake);
    expect(seen).toBe(3);
    await act(() => vi.advanceTimersByTimeAsync(3000));
    expect(pollsOf(fake)).toBe(seen);
    expect(fake.calls.filter((c) => c.startsWith('GET /api/v1/quarantine')).length).toBeGreaterThan(1);
    expect(fake.calls).toContain('GET /api/v1/jobs?name=import&limit=20');
  });

  it('proposes the records as drafts when asked, and the report counts the drafted units and links to their review', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const drafted: ImportReport = { ...report, stored: 0, updated: 0, unchanged: 0, drafted: 5, alreadyDrafted: 3, asDrafts: true, draftOrigin: 'import:cfr', evaluation: null };
    fake = fakeApi(routes([job({ state: 'completed', attempts: 1, result: drafted })], { 'POST /api/v1/imports': { status: 202, body: job({}) } }));
    renderAt('/imports', <ImportsPage params={{}} />);
    fireEvent.change(await screen.findByLabelText('File to import'), { target: { files: [new File(['Title\nX\n'], 'events.csv')] } });
    fireEvent.click(screen.getByLabelText('Propose as drafts for review'));
    fireEvent.click(screen.getByRole('button', { name: 'Upload and import' }));

    await waitFor(() => expect(window.location.search).toBe('?job=j1'));
    const form = fake.bodies[fake.calls.indexOf('POST /api/v1/imports')] as FormData;
    expect(form.get('asDrafts')).toBe('true');
    expect(form.get('dryRun')).toBeNull();
    await screen.findByRole('heading', { name: 'Reconciliation report' });
    expect(screen.getByText('read 10 = 0 stored + 0 updated + 0 unchanged + 2 quarantined + 5 drafted + 3 already drafted ✓')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Drafted' })).toBeTruthy();
    expect(screen.queryByText(/do not add up/)).toBeNull();
    const link = screen.getByRole('link', { name: 'Open the review queue for import:cfr' });
    expect(new URL(link.getAttribute('href') ?? '', 'http://x').searchParams.get('origin')).toBe('import:cfr');
    expect(link.getAttribute('href')?.startsWith('/review?')).toBe(true);
    expect(link.closest('p')?.textContent).toContain('5 records proposed for review, 3 already in the queue');
  });

  it('says out loud when a drafted report does not add up, and shows no drafts columns for a plain import', async () => {
    const wrong: ImportReport = { ...report, stored: 0, updated: 0, unchanged: 0, drafted: 5, alreadyDrafted: 0, asDrafts: true, draftOrigin: 'import:cfr' };
    fake = fakeApi(routes([job({ state: 'completed', result: wrong })]));
    renderAt('/imports?job=j1', <ImportsPage params={{}} />);
    expect((await screen.findByRole('alert')).textContent).toContain('7 accounted for, 10 read');
    cleanup();
    fake.restore();
    fake = fakeApi(routes([job({ state: 'completed', result: report })]));
    renderAt('/imports?job=j1', <ImportsPage params={{}} />);
    await screen.findByRole('heading', { name: 'Reconciliation report' });
    expect(screen.queryByRole('columnheader', { name: 'Drafted' })).toBeNull();
    expect(screen.queryByRole('link', { name: /review queue/ })).toBeNull();
  });

  it('resumes watching the job named in the URL, shows a failure, and stops polling when unmounted', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    fake = fakeApi(routes([job({ state: 'retry', attempts: 1, error: { message: 'the upload is not UTF-8', code: 'FILE_ERROR' } })]));
    const view = renderAt('/imports?job=j1', <ImportsPage params={{}} />);
    const alert = await screen.findByText(/The last attempt failed/);
    expect(alert.textContent).toContain('the upload is not UTF-8');
    expect(alert.textContent).toContain('FILE_ERROR');
    expect(screen.getByText('1 of 3')).toBeTruthy();
    await act(() => vi.advanceTimersByTimeAsync(1000));
    await waitFor(() => expect(pollsOf(fake as FakeApi)).toBe(2));
    view.unmount();
    await vi.advanceTimersByTimeAsync(3000);
    expect(pollsOf(fake)).toBe(2);
  });

  it('cancels a job no worker has taken yet, and polls on until it shows cancelled', async () => {
    let cancelled = false;
    fake = fakeApi({
      ...routes([job({ state: 'created' })]),
      'GET /api/v1/jobs/j1': () => ({ body: job({ state: cancelled ? 'cancelled' : 'created' }) }),
      'POST /api/v1/jobs/j1/cancel': () => {
        cancelled = true;
        return { body: job({ state: 'cancelled' }) };
      },
    });
    renderAt('/imports?job=j1', <ImportsPage params={{}} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel this job' }));
    await waitFor(() => expect(fake?.calls).toContain('POST /api/v1/jobs/j1/cancel'));
    expect(await screen.findByText('cancelled', {}, { timeout: 4000 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Cancel this job' })).toBeNull();
  });

  it('sends the mapping only for tables and shows a 413 and a 422 with their messages', async () => {
    let answer = 0;
    fake = fakeApi(
      routes([], {
        'POST /api/v1/imports': () =>
          answer++ === 0
            ? { status: 413, body: { code: 'PAYLOAD_TOO_LARGE', detail: 'the file is larger than 50 MiB (PACTWATCH_MAX_UPLOAD_MB)' } }
            : { status: 422, body: { code: 'VALIDATION', detail: 'the upload was refused', problems: [{ path: 'dataset', message: 'must be a lower-case slug' }] } },
      }),
    );
    renderAt('/imports', <ImportsPage params={{}} />);
    fireEvent.change(await screen.findByLabelText('File to import'), { target: { files: [new File(['{}'], 'data.csv')] } });
    fireEvent.change(screen.getByLabelText('Mapping preset'), { target: { value: 'dcid' } });
    fireEvent.change(screen.getByLabelText('File to import'), { target: { files: [new File(['{}'], 'apt.stix.json')] } });
    expect((screen.getByLabelText('Format') as HTMLSelectElement).value).toBe('stix');
    expect(screen.queryByLabelText('Mapping preset')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Upload and import' }));
    const tooLarge = await screen.findByRole('alert');
    expect(tooLarge.textContent).toContain('larger than 50 MiB');
    expect(tooLarge.textContent).toContain('HTTP 413');
    const form = fake.bodies[fake.calls.indexOf('POST /api/v1/imports')] as FormData;
    expect(form.get('format')).toBe('stix');
    expect(form.get('mapping')).toBeNull();
    expect(form.get('dryRun')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Upload and import' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('must be a lower-case slug'));
    expect(screen.getByRole('alert').textContent).toContain('dataset');
    expect(window.location.search).toBe('');
  });

  it('lists recent imports and dead letters, and retries a dead letter into the watch', async () => {
    const dead = job({ id: 'j9', state: 'failed', attempts: 3, error: { message: 'worker crashed', code: 'INTERNAL' }, completedAt: '2026-01-02T11:00:00Z' });
    let retried = false;
    fake = fakeApi(
      routes([], {
        'GET /api/v1/jobs': { body: { items: [job({ state: 'completed' })], nextCursor: 'next-1' } },
        'GET /api/v1/jobs/dead': { body: { items: [dead], nextCursor: null } },
        'POST /api/v1/jobs/j9/retry': () => {
          retried = true;
          return { body: { ...dead, state: 'created', error: null } };
        },
        'GET /api/v1/jobs/j9': () => ({ body: retried ? { ...dead, state: 'created', error: null } : dead }),
      }),
    );
    // The dead job is already being watched: a retry keeps its id, so watching must start again.
    renderAt('/imports?job=j9', <ImportsPage params={{}} />);
    await screen.findByText(/failed after all retries/);
    const recent = screen.getByRole('heading', { name: 'Recent imports' }).parentElement as HTMLElement;
    expect(within(recent).getByText('completed')).toBeTruthy();
    fireEvent.click(within(recent).getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(fake?.calls).toContain('GET /api/v1/jobs?name=import&limit=20&cursor=next-1'));
    expect(new URLSearchParams(window.location.search).get('jcursor')).toBe('next-1');

    fireEvent.click(screen.getByRole('button', { name: 'Retry job j9' }));
    await screen.findByText(/waiting for a worker/);
    expect(fake.calls).toContain('POST /api/v1/jobs/j9/retry');
    expect(new URLSearchParams(window.location.search).get('job')).toBe('j9');
    expect(pollsOf(fake, 'j9')).toBeGreaterThanOrEqual(2);
  });

  it('shows the quarantine with file, location and reason, and one record with its raw text from the URL', async () => {
    fake = fakeApi(routes([], { 'GET /api/v1/quarantine/7': { body: quarantine.items[0] } }));
    renderAt('/imports', <ImportsPage params={{}} />);
    const show = await screen.findByRole('button', { name: 'Show record row 4 of events.csv' });
    const row = show.closest('tr') as HTMLElement;
    expect(row.textContent).toContain('events.csv');
    expect(row.textContent).toContain('sponsor "Narnia" is not a known state');
    fireEvent.click(show);
    expect(window.location.search).toBe('?record=7');
    const raw = await screen.findByLabelText('The record as read');
    expect(raw.textContent).toContain('"Sponsor": "Narnia"');

    fireEvent.change(screen.getByLabelText('File name contains'), { target: { value: 'events' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filter' }));
    await waitFor(() => expect(fake?.calls).toContain('GET /api/v1/quarantine?file=events&limit=50'));
    expect(window.location.search).toBe('?qfile=events');
  });

  it('gives viewers and analysts no upload or retry controls and loads nothing for them', async () => {
    for (const who of [ME.viewer, ME.analyst]) {
      fake = fakeApi({ 'GET /api/v1/auth/me': { body: who } });
      renderAt('/imports', <ImportsPage params={{}} />);
      await screen.findByText('Imports are open to admins only.');
      expect(screen.queryByLabelText('File to import')).toBeNull();
      expect(screen.queryByRole('button', { name: /Retry/ })).toBeNull();
      expect(fake.calls).toEqual(['GET /api/v1/auth/me']);
      cleanup();
      fake.restore();
    }
    fake = null;
  });
});
