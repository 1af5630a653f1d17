import { allStates, AMBIGUOUS_NAMES, EXTRA_GAZETTEER, extractionGazetteer, FALSE_POSITIVE_GUARDS, findStateMentions } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';

const states = (sentence: string, confirmed: ReadonlySet<string> = new Set()): string[] => findStateMentions(sentence, confirmed).map((m) => `${m.text}=${m.state}`);

describe('extraction gazetteer', () => {
  it('reads names, demonyms, capitals used as metonyms and state organs', () => {
    expect(states('Chinese and North Korean hackers hit Russia and the United States')).toEqual(['Chinese=CN', 'North Korean=KP', 'Russia=RU', 'United States=US']);
    expect(states('Beijing, Moscow, Pyongyang, Tehran and Washington traded blame; Whitehall and the Kremlin were silent')).toEqual([
      'Beijing=CN', 'Moscow=RU', 'Pyongyang=KP', 'Tehran=IR', 'Washington=US', 'Whitehall=GB', 'Kremlin=RU',
    ]);
    expect(states("Russia's GRU, the IRGC and the National Security Agency")).toEqual(['Russia=RU', 'GRU=RU', 'IRGC=IR', 'National Security Agency=US']);
    expect(states('US and U.K. officials, the PRC and the DPRK')).toEqual(['US=US', 'U.K.=GB', 'PRC=CN', 'DPRK=KP']);
  });

  it('prefers the longest name and respects word boundaries', () => {
    expect(states('South Korean and Papua New Guinea officials met in Indiana')).toEqual(['South Korean=KR']);
    expect(states('Nigerian banks')).toEqual(['Nigerian=NG']);
  });

  it('drops guarded phrases: newspapers, US places, languages, regions', () => {
    expect(states('The Washington Post and China Daily reported it')).toEqual([]);
    expect(states('A Russian-speaking gang and Chinese-language media')).toEqual([]);
    expect(states('Latin American and North American markets')).toEqual([]);
    expect(states('A professor at the University of Washington and George Washington')).toEqual([]);
    expect(states('Voters in New Mexico')).toEqual([]);
  });

  it('keeps ambiguous names only when the article confirms them', () => {
    expect(states('Jordan Smith spoke in Atlanta, Georgia')).toEqual([]);
    expect(states('Hackers defaced websites in Georgia')).toEqual([]);
    expect(states('Hackers defaced websites in Georgia', new Set(['Georgia']))).toEqual(['Georgia=GE']);
    expect(states('Jordan said', new Set(['Jordan']))).toEqual(['Jordan=JO']);
  });

  it('has data with unique ids, known states and readable descriptions', () => {
    const known = new Set(allStates().map((s) => s.code));
    const ids = [...EXTRA_GAZETTEER.map((e) => e.id), ...AMBIGUOUS_NAMES.map((a) => a.id), ...FALSE_POSITIVE_GUARDS.map((g) => g.id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of EXTRA_GAZETTEER) {
      expect(known.has(entry.state), entry.id).toBe(true);
      expect(entry.description.length).toBeGreaterThan(5);
    }
    const g = extractionGazetteer();
    expect(g.entries.get('Chinese')?.state).toBe('CN');
    expect(g.entries.get('Moscow')?.state).toBe('RU');
    expect(g.entries.get('Whitehall')?.state).toBe('GB');
  });
});
