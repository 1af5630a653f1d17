import { COUNTRY_SPELLING_RULES, countryNote, findStateCode, isStateCode, normaliseCountry, spellingNote, TARGET_CATEGORY_SPELLINGS } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { distinctMetaValues, HAVE_CLUSTERS } from './misp-data.js';

/** The documented failures (docs/IMPORT-MISP.md): values that name no single state. */
const UNRESOLVED_VICTIMS = [
  'Asia', 'Asia Pacific Economic Cooperation', 'Association of Southeast Asian Nations', 'Central Asia', 'East Asia', 'Eastern Europe', 'Europe',
  'European Commission', 'European Union', 'Global', 'HSBC', 'International Association of Athletics Federations', 'Iranian internet activists',
  'Kurdistan', 'Middle East', 'NATO', 'North America', 'Northeast Africa', 'OSCE', 'South America', 'South Asia', 'Southeast Asia', 'Southeast Asian',
  'Southern Africa', 'The Middle East', 'Uighurs', 'World Anti-Doping Agency',
];

const failures = (values: readonly string[]): string[] => values.filter((v) => normaliseCountry(v).outcome !== 'state');

describe('country normalisation', () => {
  it('uses the registry first, then the table, and says why a value is not a state', () => {
    expect(normaliseCountry('Iran (Islamic Republic of)')).toEqual({ input: 'Iran (Islamic Republic of)', outcome: 'state', code: 'IR', via: 'registry' });
    expect(normaliseCountry('CN')).toMatchObject({ outcome: 'state', code: 'CN', via: 'registry' });
    expect(normaliseCountry('Moldova')).toMatchObject({ outcome: 'state', code: 'MD', via: 'registry' });
    expect(normaliseCountry('Lebonon')).toMatchObject({ outcome: 'state', code: 'LB', via: 'misspelling' });
    expect(normaliseCountry('Wells Fargo')).toMatchObject({ outcome: 'state', code: 'US', via: 'located-in', ruleId: 'located-us-banks' });
    expect(normaliseCountry('NATO')).toMatchObject({ outcome: 'unmapped', via: 'not-a-state', ruleId: 'not-state-international-bodies' });
    expect(normaliseCountry('')).toMatchObject({ outcome: 'unmapped', reason: 'The value is empty.' });
    expect(normaliseCountry('Atlantis')).toMatchObject({ outcome: 'unknown' });
  });

  it('keeps table rows consistent: valid codes, never contradicting the registry', () => {
    for (const rule of COUNTRY_SPELLING_RULES) {
      expect(rule.to.every(isStateCode), rule.id).toBe(true);
      expect(rule.kind === 'not-a-state' ? rule.to.length === 0 : rule.to.length === 1, rule.id).toBe(true);
      for (const spelling of rule.spellings) {
        const registry = findStateCode(spelling);
        // Once an alias moves into countries/aliases.ts the registry answers first; it must agree.
        expect(registry === undefined || registry === rule.to[0], `${spelling}: registry ${registry ?? '-'} vs ${rule.id}`).toBe(true);
      }
    }
  });

  it('writes one readable note per value, saying "unmapped" and keeping the original', () => {
    expect(countryNote('sponsor', normaliseCountry('Iran (Islamic Republic of)'))).toBe("sponsor 'Iran (Islamic Republic of)' → IR");
    expect(countryNote('victim', normaliseCountry('Gaza'))).toBe("victim 'Gaza' → PS");
    expect(countryNote('victim', normaliseCountry('Europe'))).toBe("victim 'Europe' unmapped [not-state-regions]: A region, not a state; the source does not say which states.");
    expect(spellingNote('target', TARGET_CATEGORY_SPELLINGS.lookup('Private sector'))).toBe("target 'Private sector' → private-sector");
    expect(spellingNote('target', TARGET_CATEGORY_SPELLINGS.lookup('Pottery'))).toBe("target 'Pottery' unmapped: not in the target spelling table");
  });

  describe.skipIf(!HAVE_CLUSTERS)('against the real threat-actor galaxy', () => {
    it('resolves every cfr-suspected-state-sponsor except the documented "Unknown"', () => {
      const sponsors = distinctMetaValues('threat-actor.json', 'cfr-suspected-state-sponsor');
      expect(sponsors).toHaveLength(19);
      expect(failures(sponsors)).toEqual(['Unknown']);
      expect(normaliseCountry("Korea (Democratic People's Republic of)").code).toBe('KP');
      expect(normaliseCountry('Palestine').code).toBe('PS');
    });

    it('resolves every cfr-suspected-victims value except exactly the documented list', () => {
      const victims = distinctMetaValues('threat-actor.json', 'cfr-suspected-victims');
      expect(victims).toHaveLength(167);
      const failed = failures(victims);
      expect(failed).toEqual([...UNRESOLVED_VICTIMS].sort());
      // Each failure is listed in the table with a reason; none falls through as "unknown".
      expect(failed.map((v) => normaliseCountry(v).outcome)).toEqual(failed.map(() => 'unmapped'));
      const listed = COUNTRY_SPELLING_RULES.filter((r) => r.kind === 'not-a-state').flatMap((r) => r.spellings);
      expect([...listed].sort()).toEqual([...UNRESOLVED_VICTIMS, 'Unknown'].sort());
    });

    it('resolves every ISO code in meta.country but the one empty value', () => {
      expect(failures(distinctMetaValues('threat-actor.json', 'country'))).toEqual(['']);
      expect(failures(distinctMetaValues('tidal-groups.json', 'observed_countries'))).toEqual([]);
    });
  });
});
