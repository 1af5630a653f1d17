import { buildReport, canonicalReportJson, renderReportHtml, renderReportMarkdown } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { agreement, ipTheftCommitment } from '../builders.js';
import { reportInput } from './report-fixtures.js';

describe('report renderers', () => {
  it('writes Markdown with quotes, scorecard, evidence, gaps, methods and numbered references', () => {
    const md = renderReportMarkdown(buildReport(reportInput({ trend: true })));
    expect(md).toContain('# Compliance report: Test accord');
    expect(md).toContain("> neither country's government will conduct or knowingly support cyber-enabled theft of intellectual property [1]");
    expect(md).toContain('| Breach | 1 | 1 |');
    expect(md).toContain('basis: indictment; confidence 85 of 100 (threshold 70) [2]');
    expect(md).toContain('### target');
    expect(md).toContain('## Methods and data provenance');
    expect(md).toContain('## Trends');
    expect(md).toMatch(/Before the agreement/);
    // Markup in data is escaped, links are printed for web addresses only.
    expect(md).toContain('3. Press \\| Agency. Report on \\*things\\*. <https://press.example/a>');
    // Sections come in a fixed order, and no date is printed without an as-of.
    const order = ['## Agreements', '## Breaches', '## Possible breaches', '## Gaps', '## Trends', '## Methods', '## References'].map((h) => md.indexOf(h));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(md).not.toMatch(/As of/);
  });

  it('cites in increasing order the first time each number appears', () => {
    const md = renderReportMarkdown(buildReport(reportInput()));
    const body = md.slice(0, md.indexOf('## References'));
    const firstSeen: number[] = [];
    for (const match of body.matchAll(/\[(\d+)\]/g)) {
      const n = Number(match[1]);
      if (!firstSeen.includes(n)) firstSeen.push(n);
    }
    expect(firstSeen).toEqual([...firstSeen].sort((a, b) => a - b));
  });

  it('prints the as-of date only when asked', () => {
    expect(renderReportMarkdown(buildReport(reportInput({ asOf: '2026-02-01' })))).toContain('As of 2026-02-01.');
    expect(renderReportHtml(buildReport(reportInput({ asOf: '2026-02-01' })))).toContain('As of 2026-02-01.');
  });

  it('writes one self-contained, escaped HTML document with the charts it is given', () => {
    const hostile = agreement({ title: '<script>alert(1)</script>' }, [ipTheftCommitment()]);
    const report = buildReport(reportInput({ agreements: [hostile], trend: true }));
    const html = renderReportHtml(report, { [report.trends[0]?.chartId ?? '']: '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>' });
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<figure><svg');
    expect(html).not.toMatch(/src="http/);
    expect(html).not.toMatch(/<link[^>]+href="?http/);
    expect(html).toContain('<a href="https://press.example/a" rel="noreferrer">');
  });

  it('links only web addresses', () => {
    const report = buildReport(reportInput());
    const tampered = { ...report, citations: [...report.citations, { number: 99, publisher: 'X', title: 'Y', date: null, url: 'javascript:alert(1)' }] };
    const html = renderReportHtml(tampered);
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('<li id="ref-99">X. Y. javascript:alert(1)</li>');
    expect(renderReportMarkdown(tampered)).toContain('99. X. Y.\n');
  });

  it('writes canonical JSON: sorted keys, no Infinity, the same bytes for the same report', () => {
    const report = buildReport(reportInput({ trend: true }));
    const json = canonicalReportJson(report);
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(report)));
    expect(Object.keys(JSON.parse(json) as object)).toEqual([...Object.keys(report)].sort());
    expect(canonicalReportJson(buildReport(reportInput({ trend: true })))).toBe(json);
  });
});
