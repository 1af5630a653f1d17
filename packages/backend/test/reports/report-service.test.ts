import { createLogger, ReportService, trendChartSvg, type Pactwatch } from '@pactwatch/backend';
import type { Report } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { AGREEMENT_YAML, incidentYaml, workspace, type Workspace } from '../helpers.js';

const NOW = new Date('2026-11-22T00:00:00Z');

function incident(id: string, fields: { sponsor?: string; victim?: string; category?: string; activity?: string; means?: string; start?: string; confidence?: number; basis?: string }): string {
  return `id: ${id}
title: Incident ${id}
summary: Something happened.
period: { start: "${fields.start ?? '2016-03'}" }
activities: [{ type: ${fields.activity ?? 'commercial-espionage'} }]
means: [${fields.means ?? 'cyber'}]
attributions:
  - sponsor: ${fields.sponsor ?? 'CN'}
    relation: state-organ
    confidence: ${fields.confidence ?? 85}
    basis: ${fields.basis ?? 'indictment'}
    attributedBy: DOJ
    sources: [{ publisher: DOJ, title: "Indictment of ${id}", url: "https://justice.example/${id}" }]
victims: [{ state: ${fields.victim ?? 'US'}, category: ${fields.category ?? 'private-sector'} }]
sources: [{ publisher: Wire, title: "Report on ${id}", date: "2016-04-01", url: "https://wire.example/${id}" }]
provenance: { origin: added, note: test }
`;
}

const SECOND_AGREEMENT = AGREEMENT_YAML.replace('id: us-cn-test', 'id: cn-de-test').replace('title: Test accord', 'title: Second accord').replace('[{ state: US }, { state: CN }]', '[{ state: DE }, { state: CN }]');

async function seeded(ws: Workspace = workspace(), now: Date = NOW): Promise<Pactwatch> {
  ws.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
  ws.write('agreements/cn-de-test.yaml', SECOND_AGREEMENT);
  ws.write('incidents/acme-theft.yaml', incident('acme-theft', {}));
  ws.write('incidents/weak-intrusion.yaml', incident('weak-intrusion', { confidence: 40, basis: 'vendor-report' }));
  ws.write('incidents/gov-records.yaml', incident('gov-records', { category: 'government', activity: 'political-military-espionage' }));
  ws.write('incidents/de-theft.yaml', incident('de-theft', { victim: 'DE', start: '2017-02' }));
  ws.write('incidents/us-on-cn.yaml', incident('us-on-cn', { sponsor: 'US', victim: 'CN' }));
  ws.write('incidents/old-theft.yaml', incidentYaml('old-theft', { start: '2014-01' }));
  const app = await ws.open({ now: () => now });
  expect(await app.dataset.load()).toMatchObject({ read: 8, quarantined: 0 });
  return app;
}

function text(body: string | Uint8Array): string {
  if (typeof body !== 'string') throw new Error('expected text');
  return body;
}

describe('report service', () => {
  it('reports an agreement: commitment quote, breach with attribution and citation, gaps by dimension, trend, methods', async () => {
    const app = await seeded();
    const { body, report } = await app.reports.render({ scope: { kind: 'agreement', agreementId: 'us-cn-test' }, format: 'md' });
    const md = text(body);
    expect(md).toContain('> will not conduct or knowingly support cyber-enabled theft');
    const breach = report.breaches.find((f) => f.incidentId === 'acme-theft');
    expect(breach?.attribution).toMatchObject({ basis: 'indictment', confidence: 85 });
    const doj = report.citations.find((c) => c.url === 'https://justice.example/acme-theft');
    expect(doj).toBeDefined();
    expect(breach?.attribution?.citations).toContain(doj?.number);
    expect(md).toContain(`basis: indictment; confidence 85 of 100 (threshold 70) [${doj?.number}]`);
    expect(md).toContain(`${doj?.number}. DOJ. Indictment of acme-theft. <https://justice.example/acme-theft>`);
    expect(report.possibleBreaches.map((f) => f.incidentId)).toEqual(['weak-intrusion']);
    // A government victim under a commercial-espionage commitment is a gap on target (and activity).
    const target = report.gaps.find((g) => g.dimension === 'target');
    expect(target?.entries.map((e) => e.incidentId)).toEqual(['gov-records']);
    expect(md).toMatch(/### target[\s\S]*Incident gov-records \(`gov-records`\)/);
    // Mutual commitment: the US → CN incident is a breach of it too.
    expect(report.breaches.map((f) => f.incidentId)).toEqual(['acme-theft', 'us-on-cn']);
    expect(report.agreements[0]?.scorecard.counts).toMatchObject({ breach: 2, 'possible-breach': 1, 'before-in-force': 1 });
    expect(report.trends.map((t) => t.agreementId)).toEqual(['us-cn-test']);
    expect(report.methods.confidenceThreshold).toBe(70);
    expect(report.methods.loads[0]).toMatchObject({ kind: 'dataset', status: 'finished' });
    expect(report.methods.excluded.find((e) => e.what === 'incidents before the agreement took effect')?.ids).toEqual(['old-theft']);
    // The agreement's report is about US–CN: the CN → DE incident is a parties gap, not a breach.
    expect(report.breaches.map((f) => f.incidentId)).not.toContain('de-theft');
  });

  it('gives the same bytes for md, html and json across runs and days, and prints no date without --as-of', async () => {
    const ws = workspace();
    const first = await seeded(ws);
    const later = await ws.open({ now: () => new Date('2027-03-04T05:06:07Z') });
    for (const format of ['md', 'html', 'json'] as const) {
      const request = { scope: { kind: 'agreement' as const, agreementId: 'us-cn-test' }, format };
      const a = text((await first.reports.render(request)).body);
      const b = text((await later.reports.render(request)).body);
      expect(b, format).toBe(a);
      expect(a).not.toContain('2026-11-22');
      expect(a).not.toContain('2027-03-04');
      expect(a).not.toMatch(/As of/);
    }
    const dated = text((await first.reports.render({ scope: { kind: 'agreement', agreementId: 'us-cn-test' }, asOf: '2026-12-01', format: 'md' })).body);
    expect(dated.match(/2026-12-01/g)).toHaveLength(1);
  });

  it('writes one self-contained HTML file with an inline SVG chart and no external resources', async () => {
    const app = await seeded();
    const html = text((await app.reports.render({ scope: { kind: 'agreement', agreementId: 'us-cn-test' }, format: 'html' })).body);
    expect(html).toContain('<svg');
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/src="http/i);
    expect(html).not.toMatch(/<link[^>]+href=["']?http/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/zr\d+-/);
    expect(html).toContain('<a href="https://justice.example/acme-theft" rel="noreferrer">');
  });

  it('reports a dyad: agreements between the two, findings for incidents by the first against the second', async () => {
    const app = await seeded();
    const report: Report = await app.reports.build({ scope: { kind: 'dyad', sponsor: 'CN', victim: 'US' } });
    expect(report.agreements.map((a) => a.id)).toEqual(['us-cn-test']);
    expect([...report.breaches, ...report.possibleBreaches].every((f) => f.sponsor === 'CN' && f.victim === 'US')).toBe(true);
    expect(report.breaches.map((f) => f.incidentId)).toEqual(['acme-theft']);
    const reverse = await app.reports.build({ scope: { kind: 'dyad', sponsor: 'US', victim: 'CN' } });
    expect(reverse.breaches.map((f) => f.incidentId)).toEqual(['us-on-cn']);
  });

  it('reports a state as sponsor across the agreements it is party to, bounded by incident dates', async () => {
    const app = await seeded();
    const report = await app.reports.build({ scope: { kind: 'state', state: 'CN' } });
    expect(report.agreements.map((a) => a.id)).toEqual(['cn-de-test', 'us-cn-test']);
    expect(report.breaches.map((f) => `${f.agreementId}:${f.incidentId}`)).toEqual(['cn-de-test:de-theft', 'us-cn-test:acme-theft']);
    expect(report.breaches.map((f) => f.incidentId)).not.toContain('us-on-cn');
    const bounded = await app.reports.build({ scope: { kind: 'state', state: 'CN' }, from: '2016-01', to: '2016-12' });
    expect(bounded.breaches.map((f) => f.incidentId)).toEqual(['acme-theft']);
    expect(bounded.period).toEqual({ from: '2016-01', to: '2016-12' });
    expect(bounded.methods.excluded.find((e) => e.what === 'incidents outside the asked dates')?.ids).toEqual(['de-theft', 'old-theft']);
  });

  it('refuses unknown agreements and states, bad dates and a missing Chromium, saying what to do', async () => {
    const ws = workspace();
    const app = await seeded(ws);
    await expect(app.reports.build({ scope: { kind: 'agreement', agreementId: 'nope' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(app.reports.build({ scope: { kind: 'state', state: 'XX' } })).rejects.toMatchObject({ code: 'UNKNOWN_COUNTRY' });
    await expect(app.reports.build({ scope: { kind: 'state', state: 'CN' }, from: '2018', to: '2016' })).rejects.toMatchObject({ code: 'USAGE', message: expect.stringContaining('--from 2018 is after --to 2016') });
    await expect(app.reports.build({ scope: { kind: 'state', state: 'CN' }, asOf: '2026-02-30' })).rejects.toMatchObject({ code: 'USAGE' });
    const ctx = { db: app.db, config: app.config, logger: createLogger({ logLevel: 'silent' }), now: () => NOW };
    const noBrowser = new ReportService(ctx, app.query, app.trends, app.evaluation, { findChromium: () => undefined });
    await expect(noBrowser.render({ scope: { kind: 'agreement', agreementId: 'us-cn-test' }, format: 'pdf' })).rejects.toMatchObject({
      code: 'DEPENDENCY_MISSING',
      message: expect.stringContaining('apt-get install -y chromium'),
    });
  });

  it('draws the same chart SVG twice, with its own ids', async () => {
    const app = await seeded();
    const trend = (await app.reports.build({ scope: { kind: 'agreement', agreementId: 'us-cn-test' } })).trends[0];
    if (trend === undefined) throw new Error('no trend');
    const a = await trendChartSvg(trend, 'pw-chart-0');
    expect(await trendChartSvg(trend, 'pw-chart-0')).toBe(a);
    expect(a.startsWith('<svg')).toBe(true);
    expect(a).not.toMatch(/zr\d+-/);
  });
});
