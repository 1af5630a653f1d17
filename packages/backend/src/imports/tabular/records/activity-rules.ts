import type { ActivityType, IncidentActivity, TargetCategory } from '@pactwatch/domain';

/**
 * What a source's incident type says about pactwatch activities. `espionage` is a marker: the
 * sources say data was taken but not for what, so the purpose is read from the targets (below).
 */
export type ActivityRule = { readonly activity: ActivityType; readonly certainty: 'confirmed' | 'possible' } | { readonly activity: 'espionage' };

/** How a rule reads in notes. */
export function describeRule(rule: ActivityRule): string {
  return rule.activity === 'espionage' ? 'espionage (purpose read from the targets)' : rule.certainty === 'possible' ? `${rule.activity} (possible)` : rule.activity;
}

export const ESPIONAGE: ActivityRule = { activity: 'espionage' };
export const confirmed = (activity: ActivityType): ActivityRule => ({ activity, certainty: 'confirmed' });
export const possible = (activity: ActivityType): ActivityRule => ({ activity, certainty: 'possible' });

/**
 * Espionage by target: taking data from a government or armed forces is political-military
 * espionage by definition (confirmed); from companies or infrastructure it may be commercial
 * espionage, but the commercial purpose is not shown (possible, which the engine reads as
 * unknown, never as a breach); with no target category both purposes stay possible.
 */
function espionageActivities(categories: ReadonlySet<TargetCategory>): IncidentActivity[] {
  const out: IncidentActivity[] = [];
  if (categories.has('government') || categories.has('military')) out.push({ type: 'political-military-espionage', certainty: 'confirmed' });
  else if (categories.has('civil-society')) out.push({ type: 'political-military-espionage', certainty: 'possible' });
  if (categories.has('private-sector') || categories.has('critical-infrastructure')) out.push({ type: 'commercial-espionage', certainty: 'possible' });
  if (categories.size === 0) out.push({ type: 'political-military-espionage', certainty: 'possible' }, { type: 'commercial-espionage', certainty: 'possible' });
  return out;
}

/** Resolves rules against the incident's target categories; a confirmed activity wins over a possible one. */
export function resolveActivities(rules: readonly ActivityRule[], categories: readonly TargetCategory[]): IncidentActivity[] {
  const byType = new Map<ActivityType, IncidentActivity>();
  const add = (activity: IncidentActivity): void => {
    const existing = byType.get(activity.type);
    if (existing === undefined || (existing.certainty === 'possible' && activity.certainty === 'confirmed')) byType.set(activity.type, activity);
  };
  for (const rule of rules) {
    if (rule.activity === 'espionage') espionageActivities(new Set(categories)).forEach(add);
    else add({ type: rule.activity, certainty: rule.certainty });
  }
  return [...byType.values()];
}
