import { ACTIVITY_TYPE_RULES, ACTIVITY_TYPE_SPELLINGS, ACTIVITY_TYPES } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { distinctMetaValues, HAVE_CLUSTERS } from './misp-data.js';

describe('activity-type spelling table', () => {
  it('maps only to the model\'s activity types', () => {
    const types = new Set<string>(ACTIVITY_TYPES.ids);
    for (const rule of ACTIVITY_TYPE_RULES) for (const to of rule.to) expect(types.has(to), `${rule.id} → ${to}`).toBe(true);
  });

  it('never guesses the purpose of espionage', () => {
    expect(ACTIVITY_TYPE_SPELLINGS.lookup('Espionage')).toMatchObject({ outcome: 'ambiguous', to: ['political-military-espionage', 'commercial-espionage'], ruleId: 'activity-espionage' });
    expect(ACTIVITY_TYPE_SPELLINGS.lookup('Denial of service').to).toEqual(['disruption']);
    expect(ACTIVITY_TYPE_SPELLINGS.lookup('Extortion')).toMatchObject({ outcome: 'unmapped', ruleId: 'activity-extortion' });
  });

  describe.skipIf(!HAVE_CLUSTERS)('against the real MISP galaxies', () => {
    it('covers every cfr-type-of-incident of threat-actor.json and every Tidal motivation', () => {
      const incidentTypes = distinctMetaValues('threat-actor.json', 'cfr-type-of-incident');
      expect(incidentTypes).toEqual(['Business Email Compromise', 'Defacement', 'Denial of service', 'Espionage', 'Extortion', 'Financial Theft', 'Information Operations', 'Sabotage']);
      expect(Object.fromEntries(incidentTypes.map((s) => [s, ACTIVITY_TYPE_SPELLINGS.lookup(s).to.join('|')]))).toEqual({
        'Business Email Compromise': 'financial-theft',
        Defacement: 'disruption',
        'Denial of service': 'disruption',
        Espionage: 'political-military-espionage|commercial-espionage',
        Extortion: '',
        'Financial Theft': 'financial-theft',
        'Information Operations': 'influence-operation',
        Sabotage: 'sabotage',
      });
      const motivations = distinctMetaValues('tidal-groups.json', 'observed_motivations');
      expect(motivations.map((s) => [s, ACTIVITY_TYPE_SPELLINGS.lookup(s).outcome])).toEqual([
        ['Cyber Espionage', 'ambiguous'],
        ['Destruction', 'mapped'],
        ['Disruption', 'mapped'],
        ['Financial Gain', 'mapped'],
        ['Ideology', 'unmapped'],
      ]);
    });
  });
});
