import { TARGET_CATEGORIES, TARGET_CATEGORY_RULES, TARGET_CATEGORY_SPELLINGS } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { distinctMetaValues, HAVE_CLUSTERS } from './misp-data.js';

describe('target-category spelling table', () => {
  it('maps only to the model\'s target categories, with stable unique ids', () => {
    const categories = new Set<string>(TARGET_CATEGORIES.ids);
    for (const rule of TARGET_CATEGORY_RULES) for (const to of rule.to) expect(categories.has(to), `${rule.id} → ${to}`).toBe(true);
    expect(new Set(TARGET_CATEGORY_RULES.map((r) => r.id)).size).toBe(TARGET_CATEGORY_RULES.length);
    expect(TARGET_CATEGORY_RULES.every((r) => /^target-[a-z0-9-]+$/.test(r.id))).toBe(true);
  });

  it('reads the usual spellings as the obvious categories', () => {
    expect(TARGET_CATEGORY_SPELLINGS.lookup('Private sector').to).toEqual(['private-sector']);
    expect(TARGET_CATEGORY_SPELLINGS.lookup('Private Sector').ruleId).toBe('target-private-sector');
    expect(TARGET_CATEGORY_SPELLINGS.lookup('Government Institutions').to).toEqual(['government']);
    expect(TARGET_CATEGORY_SPELLINGS.lookup('Telecomms').to).toEqual(['critical-infrastructure']);
    expect(TARGET_CATEGORY_SPELLINGS.lookup('Universities').to).toEqual(['civil-society']);
    expect(TARGET_CATEGORY_SPELLINGS.lookup('Defense industrial base').to).toEqual(['private-sector']);
    expect(TARGET_CATEGORY_SPELLINGS.lookup('Defense')).toMatchObject({ outcome: 'ambiguous', to: ['military', 'private-sector'] });
  });

  describe.skipIf(!HAVE_CLUSTERS)('against the real MISP galaxies', () => {
    it('covers every distinct cfr-target-category spelling of threat-actor.json', () => {
      const spellings = distinctMetaValues('threat-actor.json', 'cfr-target-category');
      expect(spellings).toHaveLength(66);
      const results = spellings.map((s) => TARGET_CATEGORY_SPELLINGS.lookup(s));
      expect(results.filter((r) => r.outcome === 'unknown').map((r) => r.input)).toEqual([]);
      // Every spelling not mapped to exactly one category is listed with a reason.
      for (const r of results.filter((x) => x.outcome !== 'mapped')) expect(r.reason, r.input).toMatch(/\w/);
      expect(results.filter((r) => r.outcome === 'ambiguous').map((r) => r.input).sort()).toEqual(['Covid-19 research organizations', 'Defense']);
      expect(results.filter((r) => r.outcome === 'unmapped')).toEqual([]);
      const counts = new Map<string, number>();
      for (const r of results.filter((x) => x.outcome === 'mapped')) counts.set(r.to[0] ?? '', (counts.get(r.to[0] ?? '') ?? 0) + 1);
      expect(Object.fromEntries(counts)).toEqual({ 'private-sector': 28, government: 4, military: 1, 'critical-infrastructure': 18, 'civil-society': 13 });
    });

    it('covers every target_categories spelling of tidal-groups.json', () => {
      const spellings = distinctMetaValues('tidal-groups.json', 'target_categories');
      expect(spellings).toHaveLength(42);
      expect(spellings.filter((s) => TARGET_CATEGORY_SPELLINGS.lookup(s).outcome === 'unknown')).toEqual([]);
      expect(TARGET_CATEGORY_SPELLINGS.lookup('Water').to).toEqual(['critical-infrastructure']);
    });
  });
});
