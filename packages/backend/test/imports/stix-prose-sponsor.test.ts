import { existsSync, readFileSync } from 'node:fs';
import { extractProseSponsor, PROSE_SPONSOR_MAX_CONFIDENCE, SPONSOR_PATTERNS, stateGazetteer, statesNamedIn, stixSectorCategory } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';

const ENTERPRISE = '/work/shared/data/attack/enterprise-attack-18.1.reconstructed-stix21.json';
const HAVE_DATA = existsSync(ENTERPRISE);
const title = HAVE_DATA ? 'sponsor extraction on real ATT&CK groups' : 'sponsor extraction on real ATT&CK groups (skipped: /work/shared/data is missing)';

interface AttackObject {
  readonly type: string;
  readonly name?: string;
  readonly description?: string;
  readonly aliases?: string[];
  readonly revoked?: boolean;
}

describe.skipIf(!HAVE_DATA)(title, () => {
  const groups = new Map<string, AttackObject>();
  if (HAVE_DATA) {
    const bundle = JSON.parse(readFileSync(ENTERPRISE, 'utf8')) as { objects: AttackObject[] };
    for (const o of bundle.objects) if ((o.type === 'intrusion-set' || o.type === 'campaign') && o.revoked !== true && o.name !== undefined) groups.set(o.name, o);
  }
  const read = (name: string) => {
    const group = groups.get(name);
    if (group === undefined) throw new Error(`no ATT&CK group ${name}`);
    return extractProseSponsor(group.description ?? '', [name, ...(group.aliases ?? [])]);
  };

  it('reads the sponsor of APT28, APT1, Lazarus Group and APT33 from their descriptions, quoting the sentence', () => {
    expect(read('APT28').sponsor).toEqual({
      state: 'RU',
      patternId: 'attributed-to-state',
      confidence: 40,
      sentence: "APT28 is a threat group that has been attributed to Russia's General Staff Main Intelligence Directorate (GRU) 85th Main Special Service Center (GTsSS) military unit 26165.",
      phrase: "attributed to Russia's",
    });
    expect(read('APT1').sponsor).toMatchObject({ state: 'CN', patternId: 'state-organ', confidence: 40 });
    expect(read('APT1').sponsor?.sentence).toContain('People’s Liberation Army');
    expect(read('Lazarus Group').sponsor).toMatchObject({ state: 'KP', patternId: 'state-sponsored-adjective', confidence: 40, phrase: 'North Korean state-sponsored' });
    expect(read('APT33').sponsor).toMatchObject({ state: 'IR', patternId: 'subject-nationality', confidence: 30 - 10, phrase: 'is a suspected Iranian' });
    expect(read('Volt Typhoon').sponsor).toMatchObject({ state: 'CN', phrase: "People's Republic of China (PRC) state-sponsored" });
    expect(read('MuddyWater').sponsor).toMatchObject({ state: 'IR', patternId: 'associated-with-state-organ' });
  });

  it('gives no sponsor to criminal groups, language-only clues, hedged or negated links', () => {
    // "a Russia-based cybercriminal group": nationality of criminals is not sponsorship.
    expect(read('Indrik Spider').sponsor).toBeUndefined();
    // "a Russian-speaking threat actor".
    expect(read('RedCurl').sponsor).toBeUndefined();
    // "a link between this group and the United Arab Emirates (UAE) government, but that has not been confirmed".
    expect(read('Stealth Falcon').sponsor).toBeUndefined();
    // "This group has not been directly linked to a government source …".
    expect(read('Scarlet Mimic').sponsor).toBeUndefined();
    // "… has targeted victims in Russia, China, Sweden, Belgium, Iran, and Rwanda."
    expect(read('Strider').sponsor).toBeUndefined();
  });

  it('reads every sponsor at or below 40, and at least a hundred ATT&CK groups and campaigns get one', () => {
    const results = [...groups.values()].map((g) => extractProseSponsor(g.description ?? '', [g.name ?? '', ...(g.aliases ?? [])]));
    expect(results.every((r) => (r.sponsor?.confidence ?? 0) <= PROSE_SPONSOR_MAX_CONFIDENCE)).toBe(true);
    expect(results.filter((r) => r.sponsor !== undefined).length).toBeGreaterThanOrEqual(80);
  });
});

describe('sponsor patterns and sentences that must not produce a sponsor', () => {
  const none = (text: string, subject = 'Example Group') => extractProseSponsor(text, [subject]);

  it('produces nothing from targeting, victims or language', () => {
    for (const sentence of [
      'Example Group targeted Russian companies.',
      'Example Group is a group that targeted Russian companies and Chinese government agencies.',
      'Example Group has targeted victims in Russia, China, and Iran.',
      'Example Group is a Russian-speaking threat actor.',
      'Example Group is a suspected Spanish-speaking cyber espionage group.',
      'The threat actor behind Example Group prefers to target U.S. and foreign defense contractors.',
      'Example Group is a group linked to Russian and Belorussian interests.',
      'Example Group is a threat group with a suspected Iranian nexus, though this attribution is not definite.',
      'SideCopy mimics Sidewinder, a suspected Indian threat group.',
      'Example Group is a Russia-based financially motivated threat group.',
    ]) {
      const result = none(sentence);
      expect({ sentence, sponsor: result.sponsor }).toEqual({ sentence, sponsor: undefined });
    }
  });

  it('reads state links anywhere, nationality only in a sentence about the actor, and lowers hedged readings', () => {
    expect(none('Example Group is a Chinese threat group that targets Japan.').sponsor).toMatchObject({ state: 'CN', confidence: 30, patternId: 'subject-nationality' });
    expect(none('Example Group is a likely China-based threat group.').sponsor).toMatchObject({ state: 'CN', confidence: 20 });
    expect(none('Researchers assess the operators work on behalf of the Iranian government.').sponsor).toMatchObject({ state: 'IR', confidence: 40, patternId: 'associated-with-state-organ' });
    expect(none('It has been attributed to the Reconnaissance General Bureau (RGB).').sponsor).toMatchObject({ state: 'KP', patternId: 'state-organ' });
    // Two states at the same best confidence: no choice is made.
    const both = none('Example Group is attributed to Russia’s GRU and attributed to China’s PLA.');
    expect(both.sponsor).toBeUndefined();
    expect(both.conflicting).toEqual(['CN', 'RU']);
  });

  it('keeps its patterns as data with unique ids, each state-bearing, all resolved through the country registry', () => {
    const ids = SPONSOR_PATTERNS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(SPONSOR_PATTERNS.every((p) => p.confidence <= PROSE_SPONSOR_MAX_CONFIDENCE && /\{(?:state|country|demonym|organ)\}/.test(p.pattern))).toBe(true);
    const gazetteer = stateGazetteer();
    expect(gazetteer.demonyms.get('North Korean')).toBe('KP');
    expect(gazetteer.countries.get("People's Republic of China")).toBe('CN');
    expect(gazetteer.organs.get('GRU')).toBe('RU');
    // Ambiguous names are left out of prose reading.
    expect(gazetteer.countries.has('Korea')).toBe(false);
    expect(gazetteer.countries.has('America')).toBe(false);
    expect(statesNamedIn('Communist Party of China')).toEqual(['CN']);
    expect(statesNamedIn('Fake BPP (Branistan Peoples Party)')).toEqual([]);
  });

  it('maps STIX industry sectors to target categories, leaving "defense" undecided', () => {
    expect(stixSectorCategory('government-national')).toBe('government');
    expect(stixSectorCategory('energy')).toBe('critical-infrastructure');
    expect(stixSectorCategory('education')).toBe('civil-society');
    expect(stixSectorCategory('technology')).toBe('private-sector');
    expect(stixSectorCategory('defense')).toBeNull();
    expect(stixSectorCategory('toString')).toBeUndefined();
  });
});
