import { ACTIVITY_TYPES, type Incident } from '@pactwatch/domain';

// The words for dates and periods live in the domain, so reports and the CLI can share them.
export { describeEdtf, describePeriod } from '@pactwatch/domain';

/** What one row of the incident list shows, derived from the record (pure, for tests). */

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

export function sponsorsOf(incident: Incident): string[] {
  return unique(incident.attributions.map((a) => a.sponsor));
}

export function victimsOf(incident: Incident): string[] {
  return unique(incident.victims.map((v) => v.state));
}

/** The most confident attribution's confidence (0–100), or null without attributions. */
export function bestConfidence(incident: Incident): number | null {
  return incident.attributions.reduce<number | null>((best, a) => (best === null || a.confidence > best ? a.confidence : best), null);
}

const ACTIVITY_LABELS: ReadonlyMap<string, string> = new Map(ACTIVITY_TYPES.list.map((t) => [t.id, t.label]));

export function activityLabel(id: string): string {
  return ACTIVITY_LABELS.get(id) ?? id;
}

/** Activities in words; a suspected (possible) activity says so. */
export function activitiesOf(incident: Incident): string[] {
  return incident.activities.map((a) => `${activityLabel(a.type)}${a.certainty === 'possible' ? ' (possible)' : ''}`);
}

export const ACTIVITY_OPTIONS: readonly { readonly id: string; readonly label: string }[] = ACTIVITY_TYPES.list.map((t) => ({ id: t.id, label: t.label }));
