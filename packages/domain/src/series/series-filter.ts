import { excludingDimensions } from '../compliance/rules.js';
import type { Finding, Verdict } from '../compliance/types.js';
import type { Incident } from '../model/incident.js';

/** Which incidents a count series counts. Every field narrows; absent fields do not. */
export interface SeriesFilter {
  readonly sponsors?: readonly string[];
  readonly victims?: readonly string[];
  readonly activities?: readonly string[];
  readonly targets?: readonly string[];
  /** An attribution to one of `sponsors` (or any, without sponsors) at least this confident. */
  readonly minConfidence?: number;
}

/** True when the incident passes the filter (the sponsor and confidence tests apply to one attribution). */
export function matchesSeriesFilter(incident: Incident, filter: SeriesFilter): boolean {
  const sponsors = filter.sponsors === undefined ? undefined : new Set(filter.sponsors);
  const attributed = incident.attributions.some((a) => (sponsors === undefined || sponsors.has(a.sponsor)) && a.confidence >= (filter.minConfidence ?? 0));
  if (!attributed) return false;
  if (filter.victims !== undefined) {
    const victims = new Set(filter.victims);
    if (!incident.victims.some((v) => victims.has(v.state))) return false;
  }
  if (filter.activities !== undefined) {
    const activities = new Set(filter.activities);
    if (!incident.activities.some((a) => activities.has(a.type))) return false;
  }
  if (filter.targets !== undefined) {
    const targets = new Set(filter.targets);
    if (!incident.victims.some((v) => v.category !== undefined && targets.has(v.category))) return false;
  }
  return true;
}

/**
 * Within the commitment's scope whatever the date: no scope dimension is false. Used to count the
 * incidents an agreement covers before and after it took effect (before-in-force findings count
 * when their scope checks hold).
 */
export function withinScopeIgnoringTiming(finding: Finding): boolean {
  return excludingDimensions(finding.checks).length === 0;
}

export function hasVerdict(finding: Finding, verdicts: readonly Verdict[]): boolean {
  return verdicts.includes(finding.verdict);
}
