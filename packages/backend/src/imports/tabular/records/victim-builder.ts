import { stateName, type TargetCategory, type Victim } from '@pactwatch/domain';
import { clip } from '../values/text-clip.js';

/**
 * Victims from victim states and target categories given side by side (not per victim). One
 * state or one category pairs exactly; several of each cannot be paired, so the categories are
 * left unrecorded (the engine reads "unknown") rather than claiming, say, that every victim state
 * lost military data.
 */
export function victimsFor(states: readonly string[], categories: readonly TargetCategory[], extra: { sector?: string; entity?: string } = {}): { victims: Victim[]; notes: string[] } {
  const details = {
    ...(extra.sector === undefined || extra.sector.trim() === '' ? {} : { sector: clip(extra.sector, 200) }),
    ...(extra.entity === undefined || extra.entity.trim() === '' ? {} : { entity: clip(extra.entity, 300) }),
  };
  const distinct = [...new Set(categories)];
  if (distinct.length === 0) return { victims: states.map((state) => ({ state, ...details })), notes: [] };
  if (states.length === 1 || distinct.length === 1) {
    return { victims: states.flatMap((state) => distinct.map((category) => ({ state, category, ...details }))), notes: [] };
  }
  return {
    victims: states.map((state) => ({ state, ...details })),
    notes: [`target categories (${distinct.join(', ')}) are not given per victim state (${states.map(stateName).join(', ')}), so they are left unrecorded`],
  };
}
