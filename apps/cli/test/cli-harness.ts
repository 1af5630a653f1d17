import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

/** End-to-end tier: runs the built `pactwatch` binary (npm test builds first) in a child process. */
export const CLI = fileURLToPath(new URL('../dist/main.js', import.meta.url));
export const REPO_DATA = fileURLToPath(new URL('../../../data', import.meta.url));

export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length > 0) rmSync(dirs.pop() ?? '', { recursive: true, force: true });
});

export function sandbox(): { dir: string; db: string; data: string; write(path: string, text: string): void; run(args: readonly string[], env?: Record<string, string>): RunResult } {
  const dir = mkdtempSync(join(tmpdir(), 'pactwatch-cli-'));
  dirs.push(dir);
  const data = join(dir, 'data');
  mkdirSync(data);
  const db = join(dir, 'store.db');
  return {
    dir,
    db,
    data,
    write(path, text) {
      const full = join(data, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text);
    },
    run(args, env = {}) {
      const result = spawnSync(process.execPath, [CLI, ...args], {
        encoding: 'utf8',
        env: { PATH: process.env['PATH'] ?? '', HOME: dir, PACTWATCH_LOG_LEVEL: 'silent', ...env },
        timeout: 60_000,
      });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    },
  };
}
