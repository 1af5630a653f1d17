import { buildScorecard, contextEventSchema, createComplianceEngine, evaluateCooperation, type ContextEvent } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { agreement, incident, ipTheftCommitment } from '../builders.js';

const dialogue = {
  id: 'dialogue',
  title: 'High-level dialogue',
  obligation: 'establish-dialogue',
  text: 'The first meeting will be held by the end of 2015 and twice per year thereafter.',
  source: { publisher: 'p', title: 't' },
  expectation: { eventKinds: ['dialogue-round'], dueBy: '2015-12-31', everyMonths: 6 },
};

function round(id: string, date: string): ContextEvent {
  return contextEventSchema.parse({
    id,
    kind: 'dialogue-round',
    title: `Round ${id}`,
    date,
    states: ['US', 'CN'],
    agreements: ['us-cn-test'],
    summary: 'A round.',
    sources: [{ publisher: 'p', title: 't' }],
    provenance: { origin: 'added', note: 'test' },
  });
}

describe('cooperation commitments', () => {
  const accord = agreement({}, [ipTheftCommitment(), dialogue]);
  const commitment = accord.commitments[1];
  if (commitment === undefined) throw new Error('fixture');

  it('is pending before its due date and not evidenced after it', () => {
    expect(evaluateCooperation(accord, commitment, [], Date.parse('2015-11-01')).status).toBe('pending');
    expect(evaluateCooperation(accord, commitment, [], Date.parse('2016-03-01')).status).toBe('not-evidenced');
  });

  it('is kept when rounds come on time and on schedule', () => {
    const events = [round('r1', '2015-12-01'), round('r2', '2016-06-14'), round('r3', '2016-12-07')];
    const result = evaluateCooperation(accord, commitment, events, Date.parse('2017-02-01'));
    expect(result.status).toBe('kept');
    expect(result.events.map((e) => e.id)).toEqual(['r1', 'r2', 'r3']);
  });

  it('is partly kept when the rounds stop, naming the gap', () => {
    const events = [round('r1', '2015-12-01'), round('r2', '2016-06-14'), round('r3', '2016-12-07'), round('r4', '2017-10-04')];
    const result = evaluateCooperation(accord, commitment, events, Date.parse('2019-01-01'));
    expect(result.status).toBe('partly-kept');
    expect(result.reasons.join(' ')).toContain('no event since 2017-10-04');
    expect(result.reasons.join(' ')).toContain('gap of 10 months');
  });

  it('ignores events after the as-of date (reproducible scorecards)', () => {
    const result = evaluateCooperation(accord, commitment, [round('r1', '2015-12-01')], Date.parse('2015-11-15'));
    expect(result.status).toBe('pending');
  });
});

describe('scorecard', () => {
  it('counts incidents by their strongest verdict, lists gaps by dimension and applies overrides apart', () => {
    const accord = agreement();
    const engine = createComplianceEngine([accord], []);
    const incidents = [
      incident({ id: 'hit' }),
      incident({ id: 'humint', means: ['humint'], attributions: [{ sponsor: 'CN', relation: 'state-organ', confidence: 40, basis: 'media', attributedBy: 'press' }] }),
      incident({ id: 'gov', victims: [{ state: 'US', category: 'government' }], activities: [{ type: 'political-military-espionage' }] }),
      incident({ id: 'old', period: { start: '2014-01', end: '2014-06' } }),
    ];
    const findings = engine.evaluateAll(incidents);
    const card = buildScorecard(accord, findings, [
      { commitmentId: 'us-cn-test/no-ip-theft', incidentId: 'humint', verdict: 'breach', note: 'analyst reading', author: 'a', createdAt: '2026-01-01T00:00:00Z' },
    ]);
    expect(card.counts).toEqual({ breach: 1, 'possible-breach': 0, 'outside-scope': 2, 'before-in-force': 1 });
    expect(card.incidents['outside-scope']).toEqual(['gov', 'humint']);
    expect(card.gaps).toEqual([
      { dimension: 'activity', count: 1, incidents: ['gov'] },
      { dimension: 'means', count: 1, incidents: ['humint'] },
      { dimension: 'target', count: 1, incidents: ['gov'] },
    ]);
    expect(card.overrides).toBe(1);
    expect(card.countsWithOverrides.breach).toBe(2);
    expect(card.counts.breach).toBe(1);
  });
});
