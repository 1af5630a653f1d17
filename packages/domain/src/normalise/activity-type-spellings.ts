import type { ActivityType } from '../model/taxonomy.js';
import { spellingTable, type SpellingRule } from './spelling-table.js';

/**
 * Incident-type and motivation spellings seen in sources (MISP `cfr-type-of-incident`, Tidal
 * `observed_motivations`) → the model's activity types. Espionage stays ambiguous: CFR does not say
 * whether its purpose is political-military or commercial, and that difference is exactly what the
 * 2015-style commitments turn on, so it is never guessed.
 */
export const ACTIVITY_TYPE_RULES: readonly SpellingRule<ActivityType>[] = [
  {
    id: 'activity-espionage',
    spellings: ['Espionage', 'Cyber Espionage'],
    to: ['political-military-espionage', 'commercial-espionage'],
    reason: 'The source does not say whether the espionage is political-military or commercial.',
  },
  { id: 'activity-denial-of-service', spellings: ['Denial of service', 'Disruption'], to: ['disruption'] },
  { id: 'activity-defacement', spellings: ['Defacement'], to: ['disruption'], reason: 'A temporary interference with a website; the taxonomy\'s closest term.' },
  { id: 'activity-sabotage', spellings: ['Sabotage', 'Destruction'], to: ['sabotage'] },
  { id: 'activity-information-operations', spellings: ['Information Operations'], to: ['influence-operation'] },
  { id: 'activity-financial-theft', spellings: ['Financial Theft', 'Business Email Compromise'], to: ['financial-theft'], reason: 'Business email compromise is fraud that takes money.' },
  { id: 'activity-financial-gain', spellings: ['Financial Gain'], to: ['financial-theft'], reason: 'A motive rather than an activity; money gained by theft or fraud is the taxonomy\'s financial theft.' },
  {
    id: 'activity-extortion',
    spellings: ['Extortion'],
    to: [],
    reason: 'Ransom demands are not one of the taxonomy\'s activity types, and what was done to extort (encryption, data theft) is not stated.',
  },
  { id: 'activity-ideology', spellings: ['Ideology'], to: [], reason: 'A motive, not an activity.' },
];

export const ACTIVITY_TYPE_SPELLINGS = spellingTable<ActivityType>('activity-type spellings', ACTIVITY_TYPE_RULES);
