import { createComplianceEngine, DIMENSIONS, type Finding } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { agreement, incident, ipTheftCommitment } from '../builders.js';

function only(findings: Finding[]): Finding {
  expect(findings).toHaveLength(1);
  const [finding] = findings;
  if (finding === undefined) throw new Error('no finding');
  return finding;
}

const check = (finding: Finding, dimension: string) => finding.checks.find((c) => c.dimension === dimension);

describe('compliance engine verdicts', () => {
  it('finds a breach when every dimension is true and confidence meets the threshold', () => {
    const engine = createComplianceEngine([agreement()], []);
    const finding = only(engine.evaluateIncident(incident()));
    expect(finding.verdict).toBe('breach');
    expect(finding.rule).toBe('V3-breach');
    expect(finding.dyad).toEqual({ sponsor: 'CN', victim: 'US' });
    expect(finding.checks.map((c) => c.dimension)).toEqual([...DIMENSIONS]);
    expect(finding.checks.every((c) => c.value === 'true')).toBe(true);
  });

  it('gives before-in-force for an incident that ended before the agreement, and still evaluates every other check', () => {
    const engine = createComplianceEngine([agreement()], []);
    const opm = incident({
      period: { start: '2014-03', end: '2015-06' },
      activities: [{ type: 'personal-data-theft' }],
      victims: [{ state: 'US', category: 'government', entity: 'OPM' }],
    });
    const finding = only(engine.evaluateIncident(opm));
    expect(finding.verdict).toBe('before-in-force');
    expect(check(finding, 'timing')?.value).toBe('false');
    expect(check(finding, 'target')?.value).toBe('false');
    expect(check(finding, 'target')?.reason).toContain('government, not covered');
    expect(check(finding, 'activity')?.value).toBe('false');
    expect(finding.checks).toHaveLength(7);
  });

  it('puts HUMINT cases outside scope with the means check false', () => {
    const engine = createComplianceEngine([agreement()], []);
    const humint = incident({ means: ['humint'], victims: [{ state: 'US', category: 'private-sector' }] });
    const finding = only(engine.evaluateIncident(humint));
    expect(finding.verdict).toBe('outside-scope');
    expect(check(finding, 'means')).toMatchObject({ value: 'false' });
    expect(check(finding, 'means')?.reason).toContain('not cyber-enabled');
    expect(finding.summary).toContain('means:');
  });

  it('treats close access as cyber-enabled', () => {
    const engine = createComplianceEngine([agreement()], []);
    const finding = only(engine.evaluateIncident(incident({ means: ['close-access'] })));
    expect(check(finding, 'means')?.value).toBe('true');
  });

  it('gives possible-breach when commercial intent is only suspected', () => {
    const engine = createComplianceEngine([agreement()], []);
    const finding = only(engine.evaluateIncident(incident({ activities: [{ type: 'commercial-espionage', certainty: 'possible' }] })));
    expect(finding.verdict).toBe('possible-breach');
    expect(check(finding, 'activity')?.value).toBe('unknown');
    expect(check(finding, 'activity')?.reason).toContain('intent unknown');
  });

  it('gives possible-breach when attribution confidence is below the threshold, and breach when the threshold is lowered', () => {
    const weak = incident({ attributions: [{ sponsor: 'CN', relation: 'state-organ', confidence: 55, basis: 'vendor-report', attributedBy: 'Vendor' }] });
    const strict = only(createComplianceEngine([agreement()], []).evaluateIncident(weak));
    expect(strict.verdict).toBe('possible-breach');
    expect(check(strict, 'confidence')).toMatchObject({ value: 'false', facts: { confidence: 55, threshold: 70 } });
    const lenient = only(createComplianceEngine([agreement()], [], { confidenceThreshold: 50 }).evaluateIncident(weak));
    expect(lenient.verdict).toBe('breach');
  });

  it('judges an incident straddling the signing date on the part after it', () => {
    const engine = createComplianceEngine([agreement()], []);
    const finding = only(engine.evaluateIncident(incident({ period: { start: '2015-06', end: '2016-02' } })));
    expect(check(finding, 'timing')).toMatchObject({ value: 'true', facts: { relation: 'straddles' } });
    expect(finding.verdict).toBe('breach');
  });

  it('marks timing unknown when uncertain dates may fall on either side', () => {
    const engine = createComplianceEngine([agreement()], []);
    const finding = only(engine.evaluateIncident(incident({ period: { start: '2015' } })));
    expect(check(finding, 'timing')?.value).toBe('unknown');
    expect(finding.verdict).toBe('possible-breach');
  });

  it('puts an incident that began after the agreement ended outside scope, naming timing', () => {
    const engine = createComplianceEngine([agreement({ ended: '2015-12-31' })], []);
    const finding = only(engine.evaluateIncident(incident()));
    expect(finding.verdict).toBe('outside-scope');
    expect(check(finding, 'timing')).toMatchObject({ value: 'false', facts: { relation: 'after' } });
  });

  it('produces no finding for a dyad the agreement does not bind', () => {
    const engine = createComplianceEngine([agreement()], []);
    expect(engine.evaluateIncident(incident({ victims: [{ state: 'DE', category: 'private-sector' }] }))).toEqual([]);
    expect(engine.evaluateIncident(incident({ attributions: [{ sponsor: 'RU', relation: 'state-organ', confidence: 90, basis: 'indictment', attributedBy: 'DOJ' }] }))).toEqual([]);
  });

  it('respects one-sided direction', () => {
    const oneSided = agreement({}, [ipTheftCommitment({ scope: { activities: ['commercial-espionage'], targets: ['private-sector'], means: 'cyber-enabled', actor: 'conducted', direction: { bound: ['US'] }, rationale: 'test' } })]);
    const engine = createComplianceEngine([oneSided], []);
    expect(engine.evaluateIncident(incident())).toEqual([]);
    const reverse = incident({ attributions: [{ sponsor: 'US', relation: 'state-organ', confidence: 90, basis: 'media', attributedBy: 'press' }], victims: [{ state: 'CN', category: 'private-sector' }] });
    expect(only(engine.evaluateIncident(reverse)).verdict).toBe('breach');
  });

  it('lets a one-sided commitment protect a named non-party', () => {
    const pledge = agreement({ parties: [{ state: 'CN' }] }, [ipTheftCommitment({ scope: { activities: ['commercial-espionage'], targets: ['private-sector'], means: 'cyber-enabled', actor: 'conducted', direction: { bound: ['CN'], protected: ['US', 'DE'] }, rationale: 'test' } })]);
    const engine = createComplianceEngine([pledge], []);
    const finding = only(engine.evaluateIncident(incident()));
    expect(check(finding, 'parties')).toMatchObject({ value: 'true' });
    expect(engine.evaluateIncident(incident({ victims: [{ state: 'FR', category: 'private-sector' }] }))).toEqual([]);
  });

  it('distinguishes the actor standards for state-supported proxies', () => {
    const proxy = incident({ attributions: [{ sponsor: 'CN', relation: 'state-supported', confidence: 80, basis: 'indictment', attributedBy: 'DOJ' }] });
    const supported = only(createComplianceEngine([agreement()], []).evaluateIncident(proxy));
    expect(check(supported, 'actor')?.value).toBe('true');
    const conductOnly = agreement({}, [ipTheftCommitment({ scope: { activities: ['commercial-espionage'], targets: ['private-sector'], means: 'cyber-enabled', actor: 'conducted', rationale: 'test' } })]);
    const finding = only(createComplianceEngine([conductOnly], []).evaluateIncident(proxy));
    expect(check(finding, 'actor')?.value).toBe('false');
    expect(finding.verdict).toBe('outside-scope');
    const unknownActor = incident({ attributions: [{ sponsor: 'CN', relation: 'unknown', confidence: 80, basis: 'vendor-report', attributedBy: 'Vendor' }] });
    expect(check(only(createComplianceEngine([agreement()], []).evaluateIncident(unknownActor)), 'actor')?.value).toBe('unknown');
  });

  it('reads target unknown when a victim category is missing', () => {
    const finding = only(createComplianceEngine([agreement()], []).evaluateIncident(incident({ victims: [{ state: 'US', entity: 'Someone' }] })));
    expect(check(finding, 'target')?.value).toBe('unknown');
    expect(finding.verdict).toBe('possible-breach');
  });

  it('keeps the strongest verdict across attributions and victims, and lists the alternatives', () => {
    const multi = incident({
      attributions: [
        { sponsor: 'CN', relation: 'unknown', confidence: 40, basis: 'media', attributedBy: 'press' },
        { sponsor: 'CN', relation: 'state-organ', confidence: 90, basis: 'indictment', attributedBy: 'DOJ' },
      ],
    });
    const finding = only(createComplianceEngine([agreement()], []).evaluateIncident(multi));
    expect(finding.verdict).toBe('breach');
    expect(finding.attributionIndex).toBe(1);
    expect(finding.alternatives).toEqual([{ sponsor: 'CN', victim: 'US', verdict: 'possible-breach', attributionIndex: 0 }]);
  });

  it('binds group members only while they are members', () => {
    const group = { id: 'club', name: 'Club', members: [{ state: 'US' }, { state: 'CN', from: '2016-01-01' }], sources: [{ publisher: 'p', title: 't' }] };
    const groupAgreement = agreement({ id: 'club-pledge', parties: [{ group: 'club' }], signed: '2015-01-01' });
    const engine = createComplianceEngine([groupAgreement], [group]);
    const before = incident({ period: { start: '2015-03-01', end: '2015-04-01' } });
    expect(engine.evaluateIncident(before)).toEqual([]);
    const after = only(engine.evaluateIncident(incident({ period: { start: '2016-03-01' } })));
    expect(check(after, 'parties')?.value).toBe('true');
    const straddling = only(engine.evaluateIncident(incident({ period: { start: '2015-10', end: '2016-02' } })));
    expect(check(straddling, 'parties')?.value).toBe('unknown');
  });

  it('ignores non-refrain commitments for incidents', () => {
    const cooperate = { id: 'dialogue', title: 'Dialogue', obligation: 'establish-dialogue', text: 'will hold a dialogue', source: { publisher: 'p', title: 't' } };
    const engine = createComplianceEngine([agreement({}, [cooperate])], []);
    expect(engine.commitments.size).toBe(0);
    expect(engine.evaluateIncident(incident())).toEqual([]);
  });

  it('never reports breach with a false or unknown check (exhaustive over small variations)', () => {
    const engine = createComplianceEngine([agreement()], []);
    const variants = [
      { means: ['insider'] },
      { means: [] },
      { activities: [] },
      { activities: [{ type: 'sabotage' }] },
      { victims: [{ state: 'US', category: 'military' }] },
      { period: { start: '2015-09' } },
      { period: { start: '2013', end: '2014' } },
    ];
    for (const variant of variants) {
      for (const finding of engine.evaluateIncident(incident(variant))) {
        if (finding.verdict === 'breach') expect(finding.checks.every((c) => c.value === 'true')).toBe(true);
        else expect(finding.checks.some((c) => c.value !== 'true')).toBe(true);
      }
    }
  });
});
