import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_DATA, sandbox } from './cli-harness.js';

const hasChromium = existsSync('/usr/bin/chromium');
if (!hasChromium) console.warn('[report] PDF test skipped: /usr/bin/chromium is not installed (apt-get install -y chromium)');

function seeded(): ReturnType<typeof sandbox> {
  const s = sandbox();
  const init = s.run(['--db', s.db, '--data', REPO_DATA, 'init']);
  expect(init.status, init.stderr).toBe(0);
  return s;
}

// Each case spawns the binary several times (init, then reports): slow on a shared two-core machine.
describe('pactwatch report', { timeout: 120_000 }, () => {
  it('writes the US–China report as Markdown with the commitment quote and the OPM gap, the same bytes twice', () => {
    const s = seeded();
    const md = s.run(['--db', s.db, 'report', '--agreement', 'us-cn-2015', '--format', 'md']);
    expect(md.status, md.stderr).toBe(0);
    expect(md.stdout).toContain("neither country's government will conduct or knowingly support cyber-enabled theft of intellectual property");
    expect(md.stdout).toMatch(/## Gaps[\s\S]*### target[\s\S]*`cn-us-opm-2015`/);
    expect(md.stdout).toContain('## Methods and data provenance');
    expect(md.stdout).toMatch(/## References\n\n1\. /);
    expect(md.stdout).not.toContain('As of');
    expect(s.run(['--db', s.db, 'report', '--agreement', 'us-cn-2015', '--format', 'md']).stdout).toBe(md.stdout);
  });

  it('writes HTML to --out atomically, prints JSON that parses, and refuses a folder or a binary PDF on stdout', () => {
    const s = seeded();
    const out = join(s.dir, 'us-cn.html');
    const html = s.run(['--db', s.db, 'report', '--agreement', 'us-cn-2015', '--format', 'html', '--out', out, '--as-of', '2026-12-01']);
    expect(html.status, html.stderr).toBe(0);
    expect(html.stderr).toContain('wrote html report');
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('As of 2026-12-01.');
    expect(text).toContain('<svg');
    expect(text).not.toMatch(/src="http/);
    expect(readdirSync(s.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const json = s.run(['--db', s.db, 'report', '--dyad', 'CN:US', '--format', 'json']);
    expect(json.status, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout) as { format: string; scope: unknown; agreements: Array<{ id: string }> };
    expect(report.format).toBe('pactwatch-report');
    expect(report.scope).toEqual({ kind: 'dyad', sponsor: 'CN', victim: 'US' });
    expect(report.agreements.map((a) => a.id)).toContain('us-cn-2015');

    const folder = join(s.dir, 'reports');
    mkdirSync(folder);
    const refused = s.run(['--db', s.db, 'report', '--agreement', 'us-cn-2015', '--format', 'html', '--out', folder]);
    expect(refused.status).toBe(8);
    expect(refused.stderr).toContain('is a folder');
    const pdfToStdout = s.run(['--db', s.db, 'report', '--agreement', 'us-cn-2015', '--format', 'pdf']);
    expect(pdfToStdout.status).toBe(2);
    expect(pdfToStdout.stderr).toContain('--out');
  });

  it('names the problem: unknown agreement or state, bad dyad, --from after --to', () => {
    const s = seeded();
    const unknown = s.run(['--db', s.db, 'report', '--agreement', 'no-such-accord']);
    expect(unknown.status).toBe(4);
    expect(unknown.stderr).toContain('no agreement "no-such-accord"');
    const state = s.run(['--db', s.db, 'report', '--state', 'Atlantis']);
    expect(state.status).toBe(2);
    expect(state.stderr).toContain('--state');
    const dyad = s.run(['--db', s.db, 'report', '--dyad', 'CN-US']);
    expect(dyad.status).toBe(2);
    expect(dyad.stderr).toContain('SPONSOR:VICTIM');
    const dates = s.run(['--db', s.db, 'report', '--state', 'CN', '--from', '2018', '--to', '2016']);
    expect(dates.status).toBe(2);
    expect(dates.stderr).toContain('--from 2018 is after --to 2016');
    const both = s.run(['--db', s.db, 'report', '--state', 'CN', '--agreement', 'us-cn-2015']);
    expect(both.status).toBe(2);
  });

  it.skipIf(!hasChromium)('prints a PDF with Chromium', () => {
    const s = seeded();
    const out = join(s.dir, 'us-cn.pdf');
    const pdf = s.run(['--db', s.db, 'report', '--agreement', 'us-cn-2015', '--format', 'pdf', '--out', out]);
    expect(pdf.status, pdf.stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 4).toString('latin1')).toBe('%PDF');
  });
});
