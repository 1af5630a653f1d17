import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { apiWorld, type ApiWorld } from './api-harness.js';
import { CFR_CSV } from './cfr-fixture.js';

// Issue 8 (security): path traversal through upload file names. Uploads are kept in the store
// (job_upload rows), never written to disk under the name given; the name is only shown and
// stored after cleaning to its last segment. These tests aim names at a real folder and check
// nothing lands there, and that the stored name is one harmless segment.

const sentinels: string[] = [];
afterEach(() => {
  while (sentinels.length > 0) rmSync(sentinels.pop() ?? '', { recursive: true, force: true });
});

function multipartWithRawName(rawName: Buffer, content: string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----pactwatch-security-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="format"\r\n\r\ncsv\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="mapping"\r\n\r\ncfr\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="`),
    rawName,
    Buffer.from(`"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function uploadNamed(world: ApiWorld, name: string): Promise<{ status: number; fileName: string | undefined; id: string | undefined; body: string }> {
  const body = multipartWithRawName(Buffer.from(name, 'utf8'), CFR_CSV);
  const response = await world.request({ method: 'POST', url: '/api/v1/imports', as: 'admin', headers: body.headers, payload: body.payload });
  const job = response.statusCode === 202 ? (response.json() as { id: string; payload: { fileName: string } }) : undefined;
  return { status: response.statusCode, fileName: job?.payload.fileName, id: job?.id, body: response.body };
}

/** One path segment, printable, not "." or "..": safe to show, and harmless were it ever joined to a folder. */
function expectSafeName(name: string | undefined, given: string): void {
  expect(name, given).toBeDefined();
  expect(name, given).not.toMatch(/[/\\]/);
  // eslint-disable-next-line no-control-regex
  expect(name, given).not.toMatch(/[\u0000-\u001f\u007f]/);
  expect(['', '.', '..']).not.toContain(name);
  expect((name ?? '').length).toBeLessThanOrEqual(255);
}

describe('upload file names cannot traverse paths', () => {
  it('stores only a cleaned last segment for hostile names, and writes nothing where they point', async () => {
    const world = await apiWorld({ dataset: false });
    const target = mkdtempSync(join(tmpdir(), 'pactwatch-traversal-'));
    sentinels.push(target);
    const names = [
      '../../etc/passwd',
      '..\\..\\windows\\win.ini',
      `../../../../../../../../..${target}/relative.csv`,
      `${target}/absolute.csv`,
      'C:\\Windows\\System32\\evil.csv',
      '....//....//nested.csv',
      'ok\u0000.csv/../../x.csv',
      'nul\u0000byte.csv',
      'line\r\nbreak.csv',
      `${'a'.repeat(400)}.csv`,
      '%2e%2e%2f%2e%2e%2fencoded.csv',
    ];
    const accepted: string[] = [];
    for (const name of names) {
      const result = await uploadNamed(world, name);
      // A name with nothing left after cleaning is refused as a bad request; anything else is queued.
      if (result.status === 400) {
        expect((JSON.parse(result.body) as { code: string }).code, name).toBe('USAGE');
        continue;
      }
      expect(result.status, `${JSON.stringify(name)}: ${result.body}`).toBe(202);
      expectSafeName(result.fileName, JSON.stringify(name));
      accepted.push(result.id ?? '');
    }
    expect(accepted.length).toBeGreaterThanOrEqual(names.length - 2);

    // The imports run; the batch names the cleaned file, and nothing was written where the names pointed.
    await world.core.jobs.startWorker({ concurrency: 1, pollIntervalMs: 20 });
    try {
      for (const id of accepted) {
        let state = '';
        for (let i = 0; i < 800 && state !== 'completed' && state !== 'failed'; i += 1) {
          state = ((await world.request({ method: 'GET', url: `/api/v1/jobs/${id}`, as: 'analyst' })).json() as { state: string }).state;
          if (state !== 'completed' && state !== 'failed') await new Promise((r) => setTimeout(r, 25));
        }
        expect(state, `job ${id}`).toBe('completed');
      }
    } finally {
      await world.core.jobs.stop();
    }
    expect(readdirSync(target)).toEqual([]);
    expect(existsSync(join(process.cwd(), 'x.csv'))).toBe(false);
  });

  it('refuses names that clean to nothing', async () => {
    const world = await apiWorld({ dataset: false });
    for (const name of ['..', '.', '../', '\u0000']) {
      const result = await uploadNamed(world, name);
      expect(result.status, JSON.stringify(name)).toBe(400);
    }
  });

  it('cleans the name in the job service too, whatever transport hands it over (defence in depth)', async () => {
    const world = await apiWorld({ dataset: false });
    const principal = { kind: 'user' as const, id: null, name: 'tester', role: 'admin' as const };
    for (const name of ['../../etc/passwd', '..\\..\\x.csv', '/etc/shadow', 'a/b\u0000c.csv', 'C:\\evil\\d.csv']) {
      const job = await world.core.jobs.enqueueImport({ fileName: name, content: Buffer.from(CFR_CSV), format: 'csv', mapping: 'cfr', principal });
      expectSafeName((job.payload as { fileName: string }).fileName, JSON.stringify(name));
    }
    for (const name of ['..', '../..', '/', '\\', '\u0000\u0001']) {
      await expect(world.core.jobs.enqueueImport({ fileName: name, content: Buffer.from(CFR_CSV), format: 'csv', mapping: 'cfr', principal }), JSON.stringify(name)).rejects.toMatchObject({ code: 'USAGE' });
    }
  });
});
