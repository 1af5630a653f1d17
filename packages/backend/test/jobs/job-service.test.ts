import type { ImportReport, JobService } from '@pactwatch/backend';
import { cliPrincipal, SYSTEM_PRINCIPAL, type Principal } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { AGREEMENT_YAML, incidentYaml, workspace } from '../helpers.js';
import { onPostgres } from '../test-store.js';
import { waitFor, waitForState } from './job-test-support.js';

const ANALYST: Principal = { kind: 'user', id: 'u-1', name: 'alice', role: 'admin' };
const WORKER = { concurrency: 2, pollIntervalMs: 10 };

const CFR_HEADER = 'Title,Date,Affiliations,Description,Response,Victims,Sponsor,Type,Category,Sources_1,Sources_2,Sources_3';
const CFR_CSV = [
  CFR_HEADER,
  'Cloud Hopper,12/20/2018,APT 10,Text.,,"United States, Japan",China,Espionage,Private sector,https://www.justice.gov/opa/pr/x,,',
  'Shamoon,8/15/2012,,Text.,,Saudi Arabia,Iran (Islamic Republic of),Data destruction,Private sector,https://www.nytimes.com/shamoon,,',
  'Unknown sponsor,1/5/2020,,Text.,,France,Atlantis,Espionage,Government,,,',
].join('\r\n');

async function finished(jobs: JobService, id: string) {
  return waitForState(jobs, id, ['completed', 'failed']);
}

describe(`job service (${onPostgres ? 'pg-boss' : 'SQLite'})`, () => {
  it('imports an upload in the background: the reconciliation report is the result, the upload is then removed', async () => {
    const app = await workspace().open();
    const job = await app.jobs.enqueueImport({ fileName: '/home/alice/exports/cfr.csv', content: Buffer.from(CFR_CSV), format: 'csv', mapping: 'cfr', principal: ANALYST });
    expect(job).toMatchObject({ name: 'import', state: 'created', createdBy: 'alice', payload: { fileName: 'cfr.csv', format: 'csv', mapping: 'cfr', dryRun: false, byteSize: CFR_CSV.length } });
    expect(JSON.stringify(job.payload)).not.toContain('Cloud Hopper');
    expect(await app.db.selectFrom('job_upload').select('file_name').execute()).toEqual([{ file_name: 'cfr.csv' }]);

    await app.jobs.startWorker(WORKER);
    const done = await finished(app.jobs, job.id);
    // State and error together, so a failure shows why the job failed.
    expect({ state: done.state, error: done.error }).toEqual({ state: 'completed', error: null });
    const report = done.result as ImportReport;
    expect(report).toMatchObject({ file: 'cfr.csv', dataset: 'cfr', read: 3, stored: 2, quarantined: 1, dryRun: false });
    expect(report.problems.map((p) => p.path)).toEqual(['row 4 Sponsor']);
    expect((await app.query.incident('cfr-cloud-hopper')).attributions[0]?.sponsor).toBe('CN');
    expect(await app.db.selectFrom('job_upload').select('id').execute()).toEqual([]);
    // New records make the cached statistics stale: a refresh follows on its own.
    const refresh = await waitFor(async () => (await app.jobs.list({ name: 'stats-refresh' })).jobs, (jobs) => jobs.length === 1, 'a statistics refresh');
    expect(refresh[0]?.createdBy).toBe('pactwatch');
  });

  it('runs a dry-run import with a mapping YAML sent as text and a dataset name, writing nothing', async () => {
    const app = await workspace().open();
    const mappingText = 'dataset: team\nrecordId: ID\ntitle: Title\nstart: Start\nsponsors: Sponsor\nvictims: Victim\n';
    const csv = 'ID,Title,Start,Sponsor,Victim\r\nr1,First,2020-01-02,China,United States\r\n';
    const job = await app.jobs.enqueueImport({ fileName: 'acme.csv', content: Buffer.from(csv), format: 'csv', mappingText, dataset: 'acme-2024', dryRun: true, principal: ANALYST });
    await app.jobs.startWorker(WORKER);
    const done = await finished(app.jobs, job.id);
    expect(done.error).toBeNull();
    expect(done.result).toMatchObject({ dataset: 'acme-2024', dryRun: true, read: 1, stored: 1, batchId: null });
    expect(await app.query.incidents()).toEqual([]);
  });

  it('refuses bad import requests before storing anything', async () => {
    const app = await workspace().open();
    const base = { fileName: 'x.csv', content: Buffer.from('a,b\n'), principal: ANALYST };
    await expect(app.jobs.enqueueImport({ ...base, format: 'pdf' })).rejects.toMatchObject({ code: 'USAGE' });
    // A mapping path would read a file on the server: only preset names or YAML text.
    await expect(app.jobs.enqueueImport({ ...base, format: 'csv', mapping: '/etc/passwd.yaml' })).rejects.toMatchObject({ code: 'USAGE' });
    await expect(app.jobs.enqueueImport({ ...base, fileName: '..', format: 'csv' })).rejects.toMatchObject({ code: 'USAGE' });
    expect(await app.db.selectFrom('job_upload').select('id').execute()).toEqual([]);
    expect((await app.jobs.list()).jobs).toEqual([]);
  });

  it('keeps a failed import with its error in the dead letters once its retries are spent', async () => {
    const app = await workspace().open();
    const job = await app.jobs.enqueueImport({ fileName: 'broken.json', content: Buffer.from('{ not json'), format: 'json', principal: ANALYST });
    await app.jobs.startWorker(WORKER);
    // Imports get one retry, 10 s later; rather than wait, cancel the waiting job and queue it again now.
    const waiting = await waitForState(app.jobs, job.id, ['retry']);
    expect(waiting).toMatchObject({ attempts: 1, error: { code: 'VALIDATION_FAILED' } });
    expect((await app.jobs.cancel(job.id)).state).toBe('cancelled');
    await app.jobs.retry(job.id);
    const dead = await waitForState(app.jobs, job.id, ['failed']);
    expect(dead).toMatchObject({ attempts: 2, error: { code: 'VALIDATION_FAILED' } });
    expect((await app.jobs.deadLetters()).jobs.map((j) => j.id)).toEqual([job.id]);
    // The upload stays for as long as the job may still be retried.
    expect(await app.db.selectFrom('job_upload').select('file_name').execute()).toEqual([{ file_name: 'broken.json' }]);
    await expect(app.jobs.get('missing')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('coalesces evaluation requests into one waiting job', async () => {
    const app = await workspace().open();
    const first = await app.jobs.enqueueEvaluation(ANALYST, 'incident a changed');
    const second = await app.jobs.enqueueEvaluation(cliPrincipal('bob'), 'incident b changed');
    const full = await app.jobs.enqueueEvaluation(ANALYST, 'threshold changed', { full: true });
    expect(second.id).toBe(first.id);
    expect(second.payload).toEqual({ reason: 'incident a changed', full: false });
    expect(full.id).not.toBe(first.id);
    expect((await app.jobs.list({ name: 'evaluate' })).jobs).toHaveLength(2);
  });

  it('re-evaluates findings after a change, then refreshes the cached trend statistics', async () => {
    const ws = workspace();
    ws.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
    ws.write('incidents/a.yaml', incidentYaml('a', { confidence: 85 }));
    const app = await ws.open();
    await app.dataset.load();
    expect(await app.query.findings()).toEqual([]);
    await app.jobs.startWorker(WORKER);

    const first = await finished(app.jobs, (await app.jobs.enqueueEvaluation(SYSTEM_PRINCIPAL, 'dataset loaded')).id);
    expect(first.result).toMatchObject({ reason: 'dataset loaded', mode: 'full', incidentsEvaluated: 1 });
    expect((await app.query.findings()).map((f) => [f.incidentId, f.verdict])).toEqual([['a', 'breach']]);
    // The evaluation queued a statistics refresh, which evaluates too: let it finish first, or it
    // could pick up the change below before the explicit evaluation job does (and leave it nothing).
    await waitFor(async () => (await app.jobs.list({ name: 'stats-refresh', state: 'completed' })).jobs, (jobs) => jobs.length >= 1, 'the first statistics refresh');

    ws.write('incidents/a.yaml', incidentYaml('a', { confidence: 40 }));
    await app.dataset.load();
    const second = await finished(app.jobs, (await app.jobs.enqueueEvaluation(ANALYST, 'incident a changed')).id);
    expect(second.result).toMatchObject({ mode: 'incremental', incidentsEvaluated: 1 });
    expect((await app.query.findings()).map((f) => [f.incidentId, f.verdict])).toEqual([['a', 'possible-breach']]);

    const refreshes = await waitFor(async () => (await app.jobs.list({ name: 'stats-refresh', state: 'completed' })).jobs, (jobs) => jobs.length >= 2, 'the statistics refresh after the change');
    expect(refreshes[0]?.result).toMatchObject({ agreements: 1 });
    const cached = await app.jobs.cachedTrend('us-cn-test');
    expect(cached).toMatchObject({ agreementId: 'us-cn-test', error: null });
    expect(cached?.report?.agreement.id).toBe('us-cn-test');
    expect(cached?.report?.analysis).toBeDefined();
    expect(await app.jobs.cachedTrend('no-such-agreement')).toBeUndefined();
  });
});
