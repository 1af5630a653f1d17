import {
  alertEmailText,
  alertRuleDefinitionSchema,
  alertRuleSummary,
  buildAlertPayload,
  describeAlertRule,
  dyadChangepoints,
  matchChangepoint,
  matchFinding,
  matchIncident,
  testAlertMatch,
  type CountSeries,
  type Finding,
  type Incident,
} from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';

function incident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: 'op-test',
    title: 'Test operation',
    summary: 'Something happened.',
    period: { start: '2016-03' },
    activities: [{ type: 'commercial-espionage', certainty: 'confirmed' }],
    means: ['cyber'],
    attributions: [
      { sponsor: 'RU', relation: 'unknown', confidence: 95, basis: 'vendor-report', attributedBy: 'Vendor', sources: [] },
      { sponsor: 'CN', relation: 'state-organ', confidence: 80, basis: 'indictment', attributedBy: 'DOJ', sources: [{ publisher: 'DOJ', title: 'Indictment', url: 'https://example.org/i' }] },
    ],
    victims: [{ state: 'GB', category: 'private-sector' }],
    sources: [{ publisher: 'Test', title: 'Source' }],
    provenance: { origin: 'added', note: 'test' },
    disputes: [],
    ...overrides,
  };
}

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    agreementId: 'us-cn-2015',
    commitmentId: 'us-cn-2015/no-ip-theft',
    incidentId: 'op-test',
    verdict: 'breach',
    rule: 'all-true',
    summary: 'every check holds',
    dyad: { sponsor: 'CN', victim: 'GB' },
    attributionIndex: 1,
    checks: [],
    alternatives: [],
    ...overrides,
  };
}

describe('alert rule definitions', () => {
  it('defaults a finding rule to breach and possible breach, and describes every kind in words', () => {
    const rule = alertRuleDefinitionSchema.parse({ kind: 'finding', agreementId: 'us-cn-2015' });
    expect(rule).toEqual({ kind: 'finding', agreementId: 'us-cn-2015', verdicts: ['breach', 'possible-breach'] });
    expect(describeAlertRule(rule)).toBe('any new breach or possible breach of agreement us-cn-2015');
    expect(describeAlertRule(alertRuleDefinitionSchema.parse({ kind: 'incident', sponsor: 'CN', victim: 'GB', minConfidence: 70 }))).toBe(
      'any new incident attributed to CN against GB with confidence ≥ 70',
    );
    expect(describeAlertRule(alertRuleDefinitionSchema.parse({ kind: 'changepoint', sponsor: 'CN', victim: 'US' }))).toMatch(/changepoint .* dyad CN→US/);
  });

  it('refuses unknown verdicts, unknown states, stray fields and duplicated verdicts with the field named', () => {
    const bad = [
      { kind: 'finding', verdicts: ['possible_breach'] },
      { kind: 'finding', verdicts: ['breach', 'breach'] },
      { kind: 'incident', sponsor: 'XX' },
      { kind: 'incident', sponsor: 'CN', minConfidence: 101 },
      { kind: 'changepoint', sponsor: 'CN' },
      { kind: 'finding', colour: 'red' },
      { kind: 'finding', commitmentId: 'no-agreement-part' },
      { kind: 'weather' },
    ];
    for (const input of bad) expect(alertRuleDefinitionSchema.safeParse(input).success, JSON.stringify(input)).toBe(false);
  });
});

describe('alert matchers', () => {
  it('matches a finding of the rule\'s agreement and verdicts, with a stable subject key and the attribution as evidence', () => {
    const rule = alertRuleDefinitionSchema.parse({ kind: 'finding', agreementId: 'us-cn-2015' });
    if (rule.kind !== 'finding') throw new Error('parsed the wrong kind');
    const match = matchFinding(rule, finding(), incident());
    expect(match?.subjectKey).toBe('finding:op-test:us-cn-2015/no-ip-theft:breach');
    expect(match?.links).toEqual({ incidentId: 'op-test', agreementId: 'us-cn-2015', commitmentId: 'us-cn-2015/no-ip-theft', sponsor: 'CN', victim: 'GB' });
    expect(match?.evidence).toMatchObject({ sponsor: 'CN', basis: 'indictment', confidence: 80, attributedBy: 'DOJ' });
    expect(match?.evidence?.sources).toHaveLength(1);
    expect(matchFinding(rule, finding({ verdict: 'outside-scope' }), incident())).toBeUndefined();
    expect(matchFinding(rule, finding({ agreementId: 'other' }), incident())).toBeUndefined();
    const onlyCommitment = alertRuleDefinitionSchema.parse({ kind: 'finding', commitmentId: 'us-cn-2015/other', verdicts: ['possible-breach'] });
    if (onlyCommitment.kind !== 'finding') throw new Error('parsed the wrong kind');
    expect(matchFinding(onlyCommitment, finding({ commitmentId: 'us-cn-2015/other', verdict: 'possible-breach' }))?.subjectKey).toBe('finding:op-test:us-cn-2015/other:possible-breach');
    expect(matchFinding(onlyCommitment, finding({ verdict: 'possible-breach' }))).toBeUndefined();
  });

  it('matches an incident by sponsor, victim and minimum confidence, resting on the most confident qualifying attribution', () => {
    const rule = alertRuleDefinitionSchema.parse({ kind: 'incident', sponsor: 'CN', victim: 'GB', minConfidence: 70 });
    if (rule.kind !== 'incident') throw new Error('parsed the wrong kind');
    const match = matchIncident(rule, incident());
    expect(match?.subjectKey).toBe('incident:op-test');
    expect(match?.evidence).toMatchObject({ sponsor: 'CN', confidence: 80, basis: 'indictment' });
    expect(match?.reason).toContain('≥ 70');
    // The RU attribution is more confident but not the rule's sponsor; CN at 60 is below the bar.
    const weak = incident({ attributions: [{ sponsor: 'CN', relation: 'unknown', confidence: 60, basis: 'vendor-report', attributedBy: 'Vendor', sources: [] }] });
    expect(matchIncident(rule, weak)).toBeUndefined();
    expect(matchIncident(rule, incident({ victims: [{ state: 'FR' }] }))).toBeUndefined();
    const anyVictim = alertRuleDefinitionSchema.parse({ kind: 'incident', sponsor: 'CN' });
    if (anyVictim.kind !== 'incident') throw new Error('parsed the wrong kind');
    expect(matchIncident(anyVictim, weak)?.links).toEqual({ incidentId: 'op-test', sponsor: 'CN', victim: 'GB' });
  });

  it('finds the level shift of a dyad series and keys it by the dyad and the first period of the new level', () => {
    const counts = [1, 0, 1, 1, 0, 1, 9, 11, 10, 12, 9, 10];
    const series: CountSeries = {
      granularity: 'year',
      periods: counts.map((count, i) => ({ label: String(2010 + i), start: Date.UTC(2010 + i, 0, 1), end: Date.UTC(2011 + i, 0, 1), count, exposure: 1 })),
      items: 65,
      exact: 65,
      spread: 0,
      excluded: { uncertain: 0, unbounded: 0, undated: 0, outsideWindow: 0 },
      weightOutside: 0,
      total: 65,
    };
    const scan = dyadChangepoints(series, 'CN', 'US');
    expect(scan.note).toBeNull();
    expect(scan.changepoints.map((c) => c.period)).toEqual(['2016']);
    const rule = alertRuleDefinitionSchema.parse({ kind: 'changepoint', sponsor: 'CN', victim: 'US' });
    if (rule.kind !== 'changepoint') throw new Error('parsed the wrong kind');
    const cp = scan.changepoints[0];
    if (cp === undefined) throw new Error('no changepoint');
    const match = matchChangepoint(rule, cp);
    expect(match?.subjectKey).toBe('changepoint:CN-US:2016');
    expect(match?.summary).toMatch(/rises from 0\.67 to 10\.17 a year from 2016/);
    expect(matchChangepoint({ ...rule, victim: 'GB' }, cp)).toBeUndefined();
    expect(dyadChangepoints({ ...series, periods: series.periods.slice(0, 2) }, 'CN', 'US').note).toMatch(/too few/);
  });
});

describe('alert payload', () => {
  it('carries the rule, subject, what matched and why, links and evidence; a test payload says so', () => {
    const definition = alertRuleDefinitionSchema.parse({ kind: 'incident', sponsor: 'CN' });
    if (definition.kind !== 'incident') throw new Error('parsed the wrong kind');
    const rule = alertRuleSummary({ id: 'alert-1', name: 'China', definition });
    const match = matchIncident(definition, incident());
    if (match === undefined) throw new Error('no match');
    const payload = buildAlertPayload(rule, match, { deliveryId: 'd-1', createdAt: '2026-01-01T00:00:00.000Z' });
    expect(payload).toMatchObject({ schema: 'pactwatch.alert/1', test: false, subject: 'incident:op-test', rule: { id: 'alert-1', description: 'any new incident attributed to CN' }, links: { incidentId: 'op-test' } });
    expect(JSON.parse(JSON.stringify(payload))).toEqual(payload);
    const mail = alertEmailText(payload);
    expect(mail.subject).toContain('China');
    expect(mail.text).toContain('basis indictment, confidence 80');
    expect(mail.text).toContain('<https://example.org/i>');
    const test = buildAlertPayload(rule, testAlertMatch(rule, '2026-01-01T00:00:00.000Z'), { deliveryId: 'd-2', createdAt: '2026-01-01T00:00:00.000Z', test: true });
    expect(test.test).toBe(true);
    expect(alertEmailText(test).subject).toMatch(/^\[pactwatch TEST\]/);
    expect(alertEmailText(test).text).toMatch(/^THIS IS A TEST ALERT/);
  });
});
