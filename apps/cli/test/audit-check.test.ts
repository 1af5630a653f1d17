import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

// Issue 8 (security): the CI dependency-audit gate (scripts/audit-check.js), fed saved
// `npm audit --json` reports so it runs without the network.

const SCRIPT = fileURLToPath(new URL('../../../scripts/audit-check.js', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  while (dirs.length > 0) rmSync(dirs.pop() ?? '', { recursive: true, force: true });
});

const REPORT = {
  auditReportVersion: 2,
  vulnerabilities: {
    foo: { name: 'foo', severity: 'high', via: [{ source: 1099999, name: 'foo', dependency: 'foo', title: 'Prototype pollution', url: 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc', severity: 'high', range: '<1.2.3' }] },
    bar: { name: 'bar', severity: 'high', via: ['foo'] },
    baz: { name: 'baz', severity: 'moderate', via: [{ source: 5, name: 'baz', title: 'ReDoS', url: 'https://github.com/advisories/GHSA-zzzz-yyyy-xxxx', severity: 'moderate', range: '*' }] },
  },
  metadata: { vulnerabilities: { critical: 0, high: 2, moderate: 1, low: 0 }, dependencies: { prod: 100 } },
};

function check(report: unknown, allowList: unknown): { status: number | null; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pactwatch-audit-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'report.json'), JSON.stringify(report));
  writeFileSync(join(dir, 'allow.json'), JSON.stringify(allowList));
  const run = spawnSync(process.execPath, [SCRIPT, '--input', join(dir, 'report.json'), '--allowlist', join(dir, 'allow.json')], { encoding: 'utf8' });
  return { status: run.status, out: run.stdout + run.stderr };
}

describe('scripts/audit-check.js', { timeout: 60_000 }, () => {
  it('fails on a high advisory that is not allow-listed, naming it; moderate ones are only printed', () => {
    const result = check(REPORT, []);
    expect(result.status).toBe(1);
    expect(result.out).toContain('GHSA-aaaa-bbbb-cccc (foo, high)');
    expect(result.out).toContain('[note] moderate GHSA-zzzz-yyyy-xxxx');
  });

  it('passes when every high or critical advisory is explained', () => {
    const result = check(REPORT, [{ id: 'GHSA-aaaa-bbbb-cccc', package: 'foo', reason: 'only the unused x() is affected', reviewed: '2026-12-05' }]);
    expect(result.status, result.out).toBe(0);
    expect(result.out).toContain('[allow-listed] high GHSA-aaaa-bbbb-cccc');
  });

  it('refuses allow-list entries without a reason or review date', () => {
    const result = check(REPORT, [{ id: 'GHSA-aaaa-bbbb-cccc', package: 'foo', reviewed: '2026-12-05' }]);
    expect(result.status).toBe(1);
    expect(result.out).toContain('"reason" is required');
  });

  it('says clearly, with its own exit status, when the audit could not run (registry unreachable or endpoint refused)', () => {
    const result = check({ message: '405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk', statusCode: 405 }, []);
    expect(result.status).toBe(3);
    expect(result.out).toContain('NOT RUN');
    expect(result.out).not.toContain('OK');
    expect(result.out).toContain('npm audit could not check the dependencies');
    expect(result.out).toContain('405');
  });
});
