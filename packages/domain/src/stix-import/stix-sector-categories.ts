import type { TargetCategory } from '../model/taxonomy.js';

/**
 * STIX 2.1 industry sectors (industry-sector-ov) → the model's target categories, by the same
 * policy as the other importers: critical infrastructure only for the sectors the taxonomy names
 * (energy, telecommunications, transport, water, finance, health); other industries are private
 * sector; education and non-profits are civil society; "defense" (ministries or contractors?) is
 * left without a category so the verdict reads it as unknown rather than guessing.
 */
export const STIX_SECTOR_CATEGORIES: Readonly<Record<string, TargetCategory | null>> = {
  'government': 'government',
  'government-national': 'government',
  'government-regional': 'government',
  'government-local': 'government',
  'government-public-services': 'government',
  'emergency-services': 'government',
  'defense': null,
  'energy': 'critical-infrastructure',
  'utilities': 'critical-infrastructure',
  'nuclear': 'critical-infrastructure',
  'water': 'critical-infrastructure',
  'dams': 'critical-infrastructure',
  'infrastructure': 'critical-infrastructure',
  'telecommunications': 'critical-infrastructure',
  'transportation': 'critical-infrastructure',
  'financial-services': 'critical-infrastructure',
  'insurance': 'critical-infrastructure',
  'healthcare': 'critical-infrastructure',
  'education': 'civil-society',
  'non-profit': 'civil-society',
  'agriculture': 'private-sector',
  'aerospace': 'private-sector',
  'automotive': 'private-sector',
  'chemical': 'private-sector',
  'commercial': 'private-sector',
  'communications': 'private-sector',
  'construction': 'private-sector',
  'entertainment': 'private-sector',
  'hospitality-leisure': 'private-sector',
  'manufacturing': 'private-sector',
  'mining': 'private-sector',
  'pharmaceuticals': 'private-sector',
  'retail': 'private-sector',
  'technology': 'private-sector',
};

/** The category of a STIX sector: a category, `null` when the sector is ambiguous, undefined when unknown. */
export function stixSectorCategory(sector: string): TargetCategory | null | undefined {
  return Object.hasOwn(STIX_SECTOR_CATEGORIES, sector) ? STIX_SECTOR_CATEGORIES[sector] : undefined;
}
