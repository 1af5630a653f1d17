import type { FindingContract, Incident } from '@pactwatch/domain';
import { effectiveVerdict } from '../agreement/findings-shape.js';

/** A sponsor → victim pair as the overview shows it. */
export interface DyadRow {
  readonly sponsor: string;
  readonly victim: string;
  readonly incidents: number;
  readonly breaches: number;
  readonly possibleBreaches: number;
}

export const dyadId = (d: { sponsor: string; victim: string }): string => `${d.sponsor}-${d.victim}`;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function count(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (Array.isArray(value)) return value.length;
  return undefined;
}

function byIncidents(a: DyadRow, b: DyadRow): number {
  return b.incidents - a.incidents || b.breaches - a.breaches || dyadId(a).localeCompare(dyadId(b));
}

/**
 * Reads GET /dyads (`{items: [{sponsor, victim, incidents, breach, possibleBreach}]}`) tolerantly:
 * a bare array, pairs named by `dyad: "CN-US"`, counts as numbers or id lists, breaches under
 * counts/verdicts are read too, so a later change of the shape degrades to zeros, not a crash.
 */
export function normaliseDyads(body: unknown): DyadRow[] {
  const items: unknown[] = Array.isArray(body) ? body : isRecord(body) && Array.isArray(body['items']) ? (body['items'] as unknown[]) : [];
  return items
    .flatMap((item): DyadRow[] => {
      if (!isRecord(item)) return [];
      const [fromDyad, toDyad] = typeof item['dyad'] === 'string' ? item['dyad'].split('-') : [];
      const sponsor = typeof item['sponsor'] === 'string' ? item['sponsor'] : fromDyad;
      const victim = typeof item['victim'] === 'string' ? item['victim'] : toDyad;
      if (sponsor === undefined || victim === undefined) return [];
      const counts = isRecord(item['counts']) ? item['counts'] : isRecord(item['verdicts']) ? item['verdicts'] : {};
      return [
        {
          sponsor,
          victim,
          incidents: count(item['incidents']) ?? count(item['incidentCount']) ?? 0,
          breaches: count(item['breach']) ?? count(item['breaches']) ?? count(counts['breach']) ?? 0,
          possibleBreaches: count(item['possibleBreach']) ?? count(item['possibleBreaches']) ?? count(counts['possible-breach']) ?? 0,
        },
      ];
    })
    .sort(byIncidents);
}

/** The same table derived from incidents (sponsor × victim states) and findings (breach verdicts) when GET /dyads is missing. */
export function deriveDyads(incidents: readonly Incident[], findings: readonly FindingContract[]): DyadRow[] {
  const sets = new Map<string, { sponsor: string; victim: string; incidents: Set<string>; breaches: Set<string>; possible: Set<string> }>();
  const entry = (sponsor: string, victim: string) => {
    const key = `${sponsor}-${victim}`;
    let e = sets.get(key);
    if (e === undefined) {
      e = { sponsor, victim, incidents: new Set(), breaches: new Set(), possible: new Set() };
      sets.set(key, e);
    }
    return e;
  };
  for (const incident of incidents) {
    const sponsors = new Set(incident.attributions.map((a) => a.sponsor));
    const victims = new Set(incident.victims.map((v) => v.state));
    for (const s of sponsors) for (const v of victims) if (s !== v) entry(s, v).incidents.add(incident.id);
  }
  for (const f of findings) {
    const verdict = effectiveVerdict(f);
    if (verdict !== 'breach' && verdict !== 'possible-breach') continue;
    const e = entry(f.sponsor, f.victim);
    e.incidents.add(f.incident);
    (verdict === 'breach' ? e.breaches : e.possible).add(f.incident);
  }
  return [...sets.values()].map((e) => ({ sponsor: e.sponsor, victim: e.victim, incidents: e.incidents.size, breaches: e.breaches.size, possibleBreaches: e.possible.size })).sort(byIncidents);
}
