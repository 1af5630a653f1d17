import { ACTIVITY_TYPES, describeUncertainDate, parseUncertainDate, type Incident, type Period } from '@pactwatch/domain';

/** What one row of the incident list shows, derived from the record (pure, for tests). */

/** An EDTF date in words ("Sep 2015", "about 2015"). */
export function describeEdtf(edtf: string): string {
  try {
    return describeUncertainDate(parseUncertainDate(edtf));
  } catch {
    // A date the parser refuses is still shown as written rather than hiding the row.
    return edtf;
  }
}

/** A period in words: "Sep 2015", "from Mar 2014 to Jun 2015", "from 2014, ongoing". */
export function describePeriod(period: Period): string {
  const start = describeEdtf(period.start);
  if (period.end === undefined || period.end === period.start) return start;
  if (period.end === '..' || period.end === '') return `from ${start}, ongoing`;
  return `from ${start} to ${describeEdtf(period.end)}`;
}

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
