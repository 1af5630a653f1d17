import { extractCandidates, ROLE_RULES, type ArticleInput, type ExtractionContext } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { analyseSentence } from '../../src/extraction/roles.js';

const noActors: ExtractionContext = { actors: [] };
const actors: ExtractionContext = {
  actors: [
    { actorId: 'apt10', name: 'APT10', aliases: ['Stone Panda'], sponsor: 'CN' },
    { actorId: 'lazarus-group', name: 'Lazarus Group', aliases: ['Hidden Cobra'], sponsor: 'KP' },
    { actorId: 'crime-gang', name: 'Crime Gang One', aliases: [] },
  ],
};

/** Roles read in one sentence: "state:role" pairs, sponsor winning over victim for the same state. */
function roles(text: string, context: ExtractionContext = noActors): string[] {
  const a = analyseSentence({ index: 1, text }, context, new Set());
  const out = new Map<string, string>();
  for (const e of a.evidence) if (out.get(e.state) !== 'sponsor' && e.role !== 'accuser') out.set(e.state, e.role);
  return [...out].map(([s, r]) => `${s}:${r}`).sort();
}

const article = (id: string, text: string, extra: Partial<ArticleInput> = {}): ArticleInput => ({ id, title: '', text, publishedAt: '2020-06-01T00:00:00Z', ...extra });

describe('sponsor and victim patterns', () => {
  it.each([
    ['Chinese state-sponsored hackers breached US companies.', ['CN:sponsor', 'US:victim']],
    ['A Beijing-backed group targeted the Australian parliament.', ['AU:victim', 'CN:sponsor']],
    ['The attack on Ukrainian banks was attributed to Russia.', ['RU:sponsor', 'UA:victim']],
    ['Officials blamed North Korea for the theft from Bangladesh Bank.', ['BD:victim', 'KP:sponsor']],
    ['Iranian hackers launched attacks against US banks.', ['IR:sponsor', 'US:victim']],
    ["Russia's GRU was behind the attack on Georgian websites.", ['GE:victim', 'RU:sponsor']],
    ['The group, controlled by Russia\'s military intelligence, hacked victims in Germany.', ['DE:victim', 'RU:sponsor']],
    ['US intelligence agencies hacked Chinese research institutes.', ['CN:victim', 'US:sponsor']],
  ])('%s', (text, expected) => {
    expect(roles(text)).toEqual(expected);
  });

  it('reads an actor apposition and a possessive actor', () => {
    expect(roles('APT10, a Chinese group, targeted providers in Japan.', actors)).toEqual(['CN:sponsor', 'JP:victim']);
    expect(roles("North Korea's Lazarus Group stole funds from a bank in Vietnam.", actors)).toEqual(['KP:sponsor', 'VN:victim']);
  });

  it('gives a list the role of its member', () => {
    expect(roles('The group targeted companies in the UK, Japan and the United States.')).toEqual(['GB:victim', 'JP:victim', 'US:victim']);
    expect(roles('Iranian and North Korean hackers attacked firms.')).toEqual(['IR:sponsor', 'KP:sponsor']);
  });

  it('does not read a reporting state as a sponsor or a victim', () => {
    expect(roles('South Korea\'s intelligence service said the campaign ended.')).toEqual([]);
    expect(roles('The UK government attributed the attack to the Russian military.')).toEqual(['RU:sponsor']);
    expect(roles('Chinese officials said trade recovered.')).toEqual([]);
  });

  it('reads no sponsor in a sentence that denies the link', () => {
    expect(roles('There is no evidence that Russian hackers were involved in the attack on US banks.')).toEqual(['US:victim']);
  });

  it('has rules with unique ids, one captured state slot and readable descriptions', () => {
    const ids = ROLE_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of ROLE_RULES) {
      expect(/\{(?:state|organ)\}/.test(rule.pattern), rule.id).toBe(true);
      expect(rule.description.length, rule.id).toBeGreaterThan(10);
    }
  });
});

describe('false-positive guards in whole articles', () => {
  it.each([
    ['sports', 'A Russian player beat a Chinese opponent in Washington; the crowd attacked every point.'],
    ['newspaper', 'The Washington Post reported that hackers stole data from a hospital in Ohio.'],
    ['US state', 'Georgia officials said hackers did not breach voting machines in Atlanta, Georgia.'],
    ['person', 'Jordan Smith said ransomware attacks hit hospitals.'],
    ['language', 'A Russian-speaking ransomware gang attacked a British hospital.'],
    ['criminal actor without a state', 'Crime Gang One breached a bank in France.'],
    ['diplomacy', 'Moscow summoned the US ambassador over sanctions.'],
  ])('%s: no candidate', (_name, text) => {
    expect(extractCandidates(article('a1', text), actors)).toEqual([]);
  });

  it('keeps Georgia the country when the article confirms it', () => {
    const found = extractCandidates(article('g1', 'Russian hackers defaced thousands of websites in Georgia. Officials in Tbilisi condemned the attack.'), noActors);
    expect(found.map((c) => [c.sponsor, c.victims])).toEqual([['RU', ['GE']]]);
  });
});

describe('candidates from whole articles', () => {
  it('takes the sponsor from a catalogued actor', () => {
    const [c] = extractCandidates(article('a2', 'Stone Panda targeted managed service providers in Japan in 2016.'), actors);
    expect(c?.sponsor).toBe('CN');
    expect(c?.actorIds).toEqual(['apt10']);
    expect(c?.victims).toEqual(['JP']);
    expect(c?.confidenceReasons).toContain('sponsor-catalogue');
  });

  it('splits a two-campaign article by sponsor', () => {
    const text = 'Chinese state-sponsored hackers stole trade secrets from companies in Germany in 2019. In a separate campaign, Hidden Cobra stole cryptocurrency from an exchange in South Korea.';
    const found = extractCandidates(article('a3', text), actors);
    expect(found.map((c) => [c.sponsor, c.victims, c.actorIds, c.activityTypes])).toEqual([
      ['CN', ['DE'], [], ['commercial-espionage']],
      ['KP', ['KR'], ['lazarus-group'], ['financial-theft']],
    ]);
  });

  it('takes the accusing state as the victim only when no victim is named, and says so', () => {
    const [c] = extractCandidates(article('a4', 'US charges Iranian hackers over an attack on a water utility in Pennsylvania.'), noActors);
    expect([c?.sponsor, c?.victims]).toEqual(['IR', ['US']]);
    expect(c?.confidenceReasons).toContain('victim-accuser');
    expect(c?.notes?.some((n) => n.includes('reports or accuses'))).toBe(true);
  });

  it('gives no candidate without a victim (an actor profile)', () => {
    expect(extractCandidates(article('a5', 'APT10 is a threat group attributed to China. It has used custom malware since 2009.'), actors)).toEqual([]);
  });

  it('counts victims in a dependent territory for the sovereign state', () => {
    const [c] = extractCandidates(article('a6', 'Chinese state-sponsored hackers breached utilities in Guam.'), noActors);
    expect(c?.victims).toEqual(['US']);
  });

  it('reads activity types and target categories with their supporting sentences', () => {
    const text = 'Russian military hackers cut power to substations in Ukraine in December 2015. They also defaced ministry websites in Ukraine.';
    const [c] = extractCandidates(article('a7', text), noActors);
    expect(c?.activityTypes).toEqual(['sabotage', 'disruption']);
    expect(c?.targetCategories).toEqual(['critical-infrastructure', 'government']);
    expect(c?.sentences.map((s) => [s.index, s.supports])).toEqual([
      [0, ['sponsor', 'victim', 'activity', 'target', 'date']],
      [1, ['victim', 'activity', 'target']],
    ]);
  });
});
