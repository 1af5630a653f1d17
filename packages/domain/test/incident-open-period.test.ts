import { createComplianceEngine, incidentSchema } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { agreement, incident } from './builders.js';

// The model documents `period.end: ".."` for a campaign still going on (EDTF's open end); the
// extraction rules propose it. The schema used to refuse it, so such drafts could not be accepted.
describe('an incident still going on (period.end "..")', () => {
  it('passes the schema, and nonsense ends still do not', () => {
    expect(incident({ period: { start: '2014-03', end: '..' } }).period).toEqual({ start: '2014-03', end: '..' });
    const bad = incidentSchema.safeParse({ ...incident(), period: { start: '2014-03', end: 'someday' } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ['period', 'end'], message: expect.stringContaining('".." for still ongoing') });
  });

  // Conservative on purpose: an open end says the campaign went on, not that the covered activity
  // did after signing, so timing is unknown and the verdict at most a possible breach.
  it('is not before-in-force (unlike the same campaign ended in 2015): timing unknown, so a possible breach', () => {
    const engine = createComplianceEngine([agreement()], []);
    const [ongoing] = engine.evaluateIncident(incident({ period: { start: '2014-03', end: '..' } }));
    const [ended] = engine.evaluateIncident(incident({ period: { start: '2014-03', end: '2015-06' } }));
    expect(ended?.verdict).toBe('before-in-force');
    expect(ongoing?.verdict).toBe('possible-breach');
    expect(ongoing?.checks.find((c) => c.dimension === 'timing')).toMatchObject({ value: 'unknown', facts: { incidentPeriod: '2014-03/..', relation: 'uncertain' } });
  });
});
