import { deduplicateCandidates, extractCandidates, type ExtractionContext, type Incident } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { incident } from '../builders.js';

const context: ExtractionContext = { actors: [{ actorId: 'apt10', name: 'APT10', aliases: ['Stone Panda'], sponsor: 'CN' }, { actorId: 'apt41', name: 'APT41', aliases: [], sponsor: 'CN' }] };

const one = (id: string, text: string, publishedAt = '2018-01-10T00:00:00Z') => {
  const found = extractCandidates({ id, title: '', text, publishedAt }, context);
  const [c] = found;
  if (c === undefined || found.length !== 1) throw new Error(`expected one candidate from ${id}, got ${found.length}`);
  return c;
};

function existing(id: string, overrides: Partial<Incident>): Incident {
  return incident({ id, ...overrides });
}

describe('deduplicateCandidates', () => {
  const apt10 = one('a1', 'APT10, a Chinese group, stole trade secrets from companies in Japan and the UK between 2014 and 2017.');

  it('finds a duplicate of an existing incident: same sponsor and actor, shared victim, overlapping period', () => {
    const stored = existing('cn-jp-cloud-hopper', {
      period: { start: '2016', end: '2017' },
      victims: [{ state: 'JP' }],
      attributions: [{ sponsor: 'CN', actor: 'apt10', relation: 'unknown', confidence: 60, basis: 'vendor-report', attributedBy: 'PwC', sources: [] }],
    });
    const result = deduplicateCandidates([apt10], [stored]);
    expect(result.fresh).toEqual([]);
    expect(result.duplicates).toEqual([
      {
        candidateKey: apt10.key,
        duplicateOf: { kind: 'incident', id: 'cn-jp-cloud-hopper' },
        reason: 'same sponsor China, actor apt10, shared victim Japan and overlapping period (2014/2017 and 2016/2017): duplicate of incident cn-jp-cloud-hopper',
      },
    ]);
  });

  it.each([
    ['another sponsor', { attributions: [{ sponsor: 'RU', relation: 'unknown', confidence: 60, basis: 'vendor-report', attributedBy: 'X', sources: [] }] }],
    ['another actor', { attributions: [{ sponsor: 'CN', actor: 'apt41', relation: 'unknown', confidence: 60, basis: 'vendor-report', attributedBy: 'X', sources: [] }] }],
    ['no shared victim', { victims: [{ state: 'DE' }] }],
    ['a period that does not overlap', { period: { start: '2019-03' } }],
  ] as const)('keeps a candidate whose incident has %s', (_name, overrides) => {
    const stored = existing('other', {
      period: { start: '2015' },
      victims: [{ state: 'JP' }],
      attributions: [{ sponsor: 'CN', relation: 'unknown', confidence: 60, basis: 'vendor-report', attributedBy: 'X', sources: [] }],
      ...(overrides as Partial<Incident>),
    });
    const result = deduplicateCandidates([apt10], [stored]);
    expect(result.fresh).toEqual([apt10]);
    expect(result.duplicates).toEqual([]);
  });

  it('treats an incident without a named actor as compatible with any actor', () => {
    const stored = existing('cn-gb', { period: { start: '2015' }, victims: [{ state: 'GB' }], attributions: [{ sponsor: 'CN', relation: 'unknown', confidence: 60, basis: 'media', attributedBy: 'X', sources: [] }] });
    expect(deduplicateCandidates([apt10], [stored]).duplicates.map((d) => d.duplicateOf.id)).toEqual(['cn-gb']);
  });

  it('finds a duplicate of an earlier candidate from another article, and of the same candidate read twice', () => {
    const later = one('a2', 'Stone Panda hacked service providers in Japan in 2016, researchers said.');
    const unrelated = one('a3', 'Chinese state-sponsored hackers breached US companies in 2016.');
    const result = deduplicateCandidates([apt10, later, unrelated, apt10], []);
    expect(result.fresh).toEqual([apt10, unrelated]);
    expect(result.duplicates.map((d) => [d.candidateKey, d.duplicateOf])).toEqual([
      [later.key, { kind: 'candidate', id: apt10.key }],
      [apt10.key, { kind: 'candidate', id: apt10.key }],
    ]);
    expect(result.duplicates[0]?.reason).toContain('(article a1)');
    expect(result.duplicates[1]?.reason).toBe(`same article and reading as candidate ${apt10.key}`);
  });

  it('accounts for every candidate: fresh plus duplicates is the input', () => {
    const many = [apt10, one('b1', 'Chinese state-sponsored hackers breached US companies in 2016.'), one('b2', 'Chinese hackers breached US banks in 2016.'), one('b3', 'Iranian hackers attacked Saudi oil companies in 2012.')];
    const result = deduplicateCandidates(many, []);
    expect(result.fresh.length + result.duplicates.length).toBe(many.length);
    expect(result.duplicates.map((d) => d.candidateKey)).toEqual([many[2]?.key]);
  });
});
