import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, REPO_DATA, sandbox } from './cli-harness.js';

/** Collects a child's stderr until `pattern` appears (or the child exits). */
function waitFor(stream: NodeJS.ReadableStream, pattern: RegExp, seen: { text: string }): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      seen.text += chunk.toString('utf8');
      const match = pattern.exec(seen.text);
      if (match !== null) {
        stream.off('data', onData);
        resolve(match);
      }
    };
    stream.on('data', onData);
    stream.on('end', () => reject(new Error(`stream ended before ${pattern}; got:\n${seen.text}`)));
  });
}

describe('pactwatch serve', () => {
  it('loads a new store, creates the first admin, answers on loopback, and stops cleanly on SIGTERM', async () => {
    const box = sandbox();
    const server = spawn(process.execPath, [CLI, '--db', box.db, '--data', REPO_DATA, 'serve', '--port', '0'], {
      env: { PATH: process.env['PATH'] ?? '', HOME: box.dir, PACTWATCH_LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
    const seen = { text: '' };
    try {
      const [, url] = await waitFor(server.stderr, /listening on (http:\/\/127\.0\.0\.1:\d+)/, seen);
      expect(seen.text).toContain('New store: loaded the curated dataset');
      const password = /One-time password[^\n]*\n\n\s+(\S+)/.exec(seen.text)?.[1];
      expect(password).toBeDefined();
      const health = await fetch(`${url}/health`);
      expect(await health.json()).toMatchObject({ status: 'ok', database: 'sqlite' });
      expect((await fetch(`${url}/api/v1/agreements`)).status).toBe(401);
      const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/pw_session=[^;]+; .*HttpOnly/i);
      const scorecard = await fetch(`${url}/api/v1/agreements/us-cn-2015/scorecard`, { headers: { cookie: cookie.split(';')[0] ?? '' } });
      expect(scorecard.status).toBe(200);
      expect(await scorecard.json()).toMatchObject({ agreementId: 'us-cn-2015' });
    } finally {
      server.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('refuses a bad port with a usage error', () => {
    const box = sandbox();
    const result = box.run(['--db', box.db, 'serve', '--port', 'eighty']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--port must be a whole number');
  });
});
