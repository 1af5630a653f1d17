import { CONFIDENCE_RULES, extractCandidates, readArticle, type ExtractionContext } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';

const context: ExtractionContext = { actors: [{ actorId: 'apt10', name: 'APT10', aliases: ['Stone Panda'], sponsor: 'CN' }, { actorId: 'apt28', name: 'APT28', aliases: [], sponsor: 'RU' }] };
const article = (text: string) => ({ id: 'c1', title: '', text, publishedAt: '2018-05-01T00:00:00Z' });

describe('confidence scoring', () => {
  it('adds the documented points of every rule that applies', () => {
    const [best] = extractCandidates(article('APT10, a Chinese state-sponsored group, stole trade secrets from US companies in March 2017.'), context);
    expect(best?.confidenceReasons).toEqual(['base', 'sponsor-explicit', 'actor-known', 'actor-agrees', 'victim-explicit', 'activity-found', 'target-found', 'date-mentioned']);
    expect(best?.confidence).toBe(100);

    const [weak] = extractCandidates(article('Reportedly, Chinese hackers were active in Japan.'), context);
    expect(weak?.confidenceReasons).toEqual(['base', 'sponsor-nationality', 'victim-location', 'date-fallback', 'hedged']);
    expect(weak?.confidence).toBe(20 + 15 + 8 + 0 - 10);
  });

  it('lowers a candidate whose named actor is catalogued under another sponsor', () => {
    const [c] = extractCandidates(article('APT28, a Chinese state-sponsored group, breached US agencies in 2017.'), context);
    expect(c?.sponsor).toBe('CN');
    expect(c?.actorIds).toEqual([]);
    expect(c?.confidenceReasons).toContain('actor-disagrees');
  });

  it('has rules with unique ids and whole-number points', () => {
    const rules = Object.values(CONFIDENCE_RULES);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const rule of rules) expect(Number.isInteger(rule.points)).toBe(true);
  });
});

describe('readArticle explains what gave no candidate', () => {
  it('no attack words at all', () => {
    expect(readArticle(article('China and Australia agreed to lift barley tariffs.'), context)).toEqual({
      candidates: [],
      skipped: [{ sponsor: undefined, reason: 'no-attack-words', message: expect.stringContaining('no word for a cyber operation') }],
    });
  });

  it('an accused state whose sentences describe no attack', () => {
    const reading = readArticle(article('Stone Panda is a threat group attributed to China. Separately, Russian hackers breached Polish ministries in 2017.'), context);
    expect(reading.skipped.map((s) => [s.sponsor, s.reason])).toEqual([['CN', 'no-attack-in-sentences']]);
  });

  it('an attack with no state accused', () => {
    expect(readArticle(article('Criminals breached a hospital in France.'), context).skipped.map((s) => s.reason)).toEqual(['no-sponsor']);
  });

  it('an accused state with no victim, next to one with a victim', () => {
    const reading = readArticle(article('Stone Panda is a threat group attributed to China that writes its own malware. Separately, Russian hackers breached Polish ministries in 2017.'), context);
    expect(reading.candidates.map((c) => [c.sponsor, c.victims])).toEqual([['RU', ['PL']]]);
    expect(reading.skipped).toEqual([{ sponsor: 'CN', reason: 'no-victim', message: 'China is named as a sponsor, but no victim state (or accusing state) is named with it' }]);
  });
});
