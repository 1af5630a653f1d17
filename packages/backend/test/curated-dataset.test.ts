import { defaultDataDir } from '@pactwatch/backend';
import type { Finding } from '@pactwatch/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { workspace } from './helpers.js';

/** The curated dataset in data/ loads cleanly and gives the verdicts the issue expects. */
describe('curated dataset (data/)', () => {
  let findings: Finding[] = [];
  let loadReport: Awaited<ReturnType<Awaited<ReturnType<ReturnType<typeof workspace>['open']>>['dataset']['load']>>;

  beforeAll(async () => {
    const ws = workspace();
    const app = await ws.open();
    loadReport = await app.dataset.load(defaultDataDir());
    await app.evaluation.evaluate();
    findings = await app.query.findings();
    await app.close();
  });

  const finding = (incident: string, commitmentPrefix: string): Finding => {
    const found = findings.find((f) => f.incidentId === incident && f.commitmentId.startsWith(commitmentPrefix));
    if (found === undefined) throw new Error(`no finding for ${incident} × ${commitmentPrefix}`);
    return found;
  };
  const value = (f: Finding, dimension: string) => f.checks.find((c) => c.dimension === dimension)?.value;

  it('loads every record without quarantine', () => {
    expect(loadReport.quarantined).toBe(0);
    expect(loadReport.problems).toEqual([]);
    expect(loadReport.read).toBeGreaterThanOrEqual(30);
  });

  it('finds the post-May-2015 Chinese operations against Russia to be breaches or possible breaches of the Russia–China agreement', () => {
    const russian = findings.filter((f) => f.agreementId === 'ru-cn-2015' && f.dyad.sponsor === 'CN' && f.dyad.victim === 'RU');
    expect(russian.length).toBeGreaterThanOrEqual(2);
    for (const f of russian) expect(['breach', 'possible-breach']).toContain(f.verdict);
    expect(new Set(russian.map((f) => f.incidentId))).toEqual(new Set(['cn-ru-proofpoint-plugx-2015', 'cn-ru-kaspersky-2016']));
  });

  it('puts the OPM breach before the US–China accord, with the target check false', () => {
    const opm = finding('cn-us-opm-2015', 'us-cn-2015/');
    expect(opm.verdict).toBe('before-in-force');
    expect(value(opm, 'timing')).toBe('false');
    expect(value(opm, 'target')).toBe('false');
    expect(opm.checks.find((c) => c.dimension === 'target')?.reason).toContain('government');
  });

  it('puts the HUMINT and insider cases after September 2015 outside the US–China accord, with means false', () => {
    for (const id of ['cn-us-claiborne-humint-2017', 'cn-us-mallory-humint-2017', 'cn-us-ibm-source-code-insider-2015', 'cn-us-trelleborg-syntactic-foam-2017']) {
      const f = finding(id, 'us-cn-2015/');
      expect(f.verdict, id).toBe('outside-scope');
      expect(value(f, 'means'), id).toBe('false');
      expect(value(f, 'timing'), id).toBe('true');
    }
  });

  it('keeps the post-accord intrusions into US companies a possible breach (commercial intent not established)', () => {
    const f = finding('cn-us-crowdstrike-post-accord-2015', 'us-cn-2015/');
    expect(f.verdict).toBe('possible-breach');
    expect(value(f, 'activity')).toBe('unknown');
  });

  it('gives every finding a complete, explained trace', () => {
    expect(findings.length).toBeGreaterThan(10);
    for (const f of findings) {
      expect(f.checks).toHaveLength(7);
      for (const c of f.checks) expect(c.reason.length).toBeGreaterThan(5);
      if (f.verdict === 'breach') expect(f.checks.every((c) => c.value === 'true')).toBe(true);
    }
  });
});
