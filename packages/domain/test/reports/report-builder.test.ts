import { buildReport } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { agreement, ipTheftCommitment } from '../builders.js';
import { DOJ, PRESS, reportInput } from './report-fixtures.js';

describe('report builder', () => {
  it('lists breaches and possible breaches with their evidence trail, in a stable order', () => {
    const report = buildReport(reportInput());
    expect(report.breaches.map((f) => f.incidentId)).toEqual(['b-breach']);
    const breach = report.breaches[0];
    expect(breach?.attribution).toMatchObject({ sponsor: 'CN', basis: 'indictment', confidence: 85, attributedBy: 'DOJ' });
    expect(breach?.checks.map((c) => c.dimension)).toEqual(['timing', 'parties', 'activity', 'target', 'means', 'actor', 'confidence']);
    expect(report.possibleBreaches.map((f) => f.incidentId)).toEqual(['a-possible']);
    expect(report.possibleBreaches[0]?.checks.find((c) => c.dimension === 'confidence')).toMatchObject({ value: 'false' });
    // Input order does not matter: the same facts in another order give the same report.
    const input = reportInput();
    const shuffled = { ...input, findings: [...input.findings].reverse(), incidents: [...input.incidents].reverse() };
    expect(buildReport(shuffled)).toEqual(report);
  });

  it('numbers each distinct source once, in the order it is first cited', () => {
    const report = buildReport(reportInput());
    // The agreement and its commitment cite the same test source: one entry, number 1.
    expect(report.citations[0]).toMatchObject({ number: 1, publisher: 'Test Publisher' });
    expect(report.agreements[0]?.citations).toEqual([1]);
    expect(report.agreements[0]?.commitments[0]?.citation).toBe(1);
    const breach = report.breaches[0];
    // Attribution sources come first, then the incident's; DOJ appears in both but is numbered once.
    expect(breach?.attribution?.citations).toEqual([2]);
    expect(breach?.citations).toEqual([2, 3]);
    expect(report.citations.map((c) => c.publisher)).toEqual(['Test Publisher', DOJ.publisher, PRESS.publisher]);
    expect(report.citations.map((c) => c.number)).toEqual([1, 2, 3]);
  });

  it('groups outside-scope incidents by the dimension that leaves them out, including those before the agreement', () => {
    const report = buildReport(reportInput());
    const byDimension = Object.fromEntries(report.gaps.map((g) => [g.dimension, g.entries.map((e) => `${e.incidentId}:${e.verdict}`)]));
    expect(byDimension).toEqual({
      activity: ['c-government:outside-scope', 'e-early:before-in-force'],
      target: ['c-government:outside-scope', 'e-early:before-in-force'],
      means: ['d-humint:outside-scope'],
    });
    const target = report.gaps.find((g) => g.dimension === 'target');
    expect(target?.entries[0]?.reason).toContain('government');
    expect(target?.description).toContain('target category');
    expect(report.methods.excluded).toContainEqual(expect.objectContaining({ what: 'incidents before the agreement took effect', ids: ['e-early'] }));
  });

  it('orders agreements by id and keeps the scope, period and as-of it was asked for', () => {
    const other = agreement({ id: 'a-first', title: 'First accord' }, [ipTheftCommitment({ id: 'other' })]);
    const report = buildReport(reportInput({ agreements: [agreement(), other], scope: { kind: 'dyad', sponsor: 'CN', victim: 'US' }, asOf: '2026-01-31' }));
    expect(report.agreements.map((a) => a.id)).toEqual(['a-first', 'us-cn-test']);
    expect(report.title).toBe('Compliance report: CN → US');
    expect(report.asOf).toBe('2026-01-31');
    expect(report.breaches.map((f) => f.agreementId)).toEqual(['a-first', 'us-cn-test']);
    expect(report.methods.rules.map((r) => r.id)).toEqual(['V1-before-in-force', 'V2-outside-scope', 'V3-breach', 'V4-possible-breach']);
    expect(report.methods.datasets).toEqual([{ name: 'added by analysts', version: null, fileHash: null, agreements: 2, incidents: 5 }]);
  });

  it('reads the trend in plain language with its interval and the pre-existing trend', () => {
    const report = buildReport(reportInput({ trend: true }));
    const trend = report.trends[0];
    expect(trend?.measure).toBe('its-level');
    expect(trend?.interval).not.toBeNull();
    expect(trend?.reading).toMatch(/95% CI/);
    expect(trend?.reading).toMatch(/Before the agreement/);
    expect(trend?.rows).toHaveLength(48);
    // The projection and its band start at the break, as on the dashboard.
    const breakAt = trend?.rows.findIndex((r) => r.period === trend.breakLabel) ?? -1;
    expect(breakAt).toBe(23);
    expect(trend?.rows[breakAt - 1]?.counterfactual).toBeNull();
    const first = trend?.rows[breakAt];
    expect(first?.lower ?? 0).toBeLessThan(first?.counterfactual ?? 0);
    expect(first?.upper ?? 0).toBeGreaterThan(first?.counterfactual ?? 0);
  });

  it('says why a trend could not be computed instead of reading it', () => {
    const report = buildReport(reportInput());
    expect(report.trends[0]).toMatchObject({ direction: 'not-computable', error: 'too few observations', rows: [] });
    expect(report.trends[0]?.reading).toContain('No before/after estimate could be computed (too few observations)');
  });
});
