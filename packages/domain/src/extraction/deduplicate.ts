import { stateName } from '../countries/country-registry.js';
import { parseUncertainDate } from '../dates/uncertain-date.js';
import type { Incident } from '../model/incident.js';
import type { DeduplicationResult, DuplicateMatch, IncidentCandidate } from './types.js';

/** What two records are compared on: sponsors, actors, victims and the instants the period may cover. */
interface Comparable {
  readonly sponsors: readonly string[];
  readonly actors: readonly string[];
  readonly victims: readonly string[];
  readonly earliest: number;
  readonly latest: number;
  readonly periodText: string;
}

function instant(iso: string, open: number): number {
  if (iso === '..') return open;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? open : ms;
}

function fromCandidate(c: IncidentCandidate): Comparable {
  return {
    sponsors: c.sponsor === undefined ? [] : [c.sponsor],
    actors: c.actorIds,
    victims: c.victims,
    earliest: c.period === undefined ? -Infinity : instant(c.period.earliest, -Infinity),
    latest: c.period === undefined ? Infinity : instant(c.period.latest, Infinity),
    periodText: c.period?.edtf ?? 'unknown',
  };
}

function fromIncident(incident: Incident): Comparable | undefined {
  try {
    const start = parseUncertainDate(incident.period.start);
    const end = incident.period.end === undefined ? start : incident.period.end === '..' ? { latest: Infinity } : parseUncertainDate(incident.period.end);
    return {
      sponsors: incident.attributions.map((a) => a.sponsor),
      actors: incident.attributions.flatMap((a) => (a.actor === undefined ? [] : [a.actor])),
      victims: incident.victims.map((v) => v.state),
      earliest: start.earliest,
      latest: end.latest,
      periodText: incident.period.end === undefined ? incident.period.start : `${incident.period.start}/${incident.period.end}`,
    };
  } catch {
    // A stored incident passed the schema, so its dates parse; if one does not, it cannot be compared.
    return undefined;
  }
}

const common = (a: readonly string[], b: readonly string[]): string[] => [...new Set(a.filter((x) => b.includes(x)))].sort();

/**
 * Same incident when: a sponsor is shared, the actors agree (a shared actor, or one side names
 * none), at least one victim is shared, and the periods overlap. An unknown period (no date and no
 * publication date) overlaps everything: the reviewer decides.
 */
function sameIncident(c: Comparable, other: Comparable): string | undefined {
  const sponsors = common(c.sponsors, other.sponsors);
  if (sponsors.length === 0) return undefined;
  const actors = common(c.actors, other.actors);
  if (actors.length === 0 && c.actors.length > 0 && other.actors.length > 0) return undefined;
  const victims = common(c.victims, other.victims);
  if (victims.length === 0) return undefined;
  if (c.latest < other.earliest || other.latest < c.earliest) return undefined;
  const actorText = actors.length > 0 ? `, actor ${actors.join(', ')}` : '';
  return `same sponsor ${sponsors.map(stateName).join(', ')}${actorText}, shared victim ${victims.map(stateName).join(', ')} and overlapping period (${c.periodText} and ${other.periodText})`;
}

/**
 * Splits candidates into fresh ones and duplicates of an existing incident or of an earlier fresh
 * candidate (input order). Existing incidents and earlier candidates are looked up by sponsor, so
 * a large store costs little per candidate. A candidate without a sponsor is never a duplicate. Nothing is dropped: every candidate is in `fresh` or in `duplicates`.
 */
export function deduplicateCandidates(candidates: readonly IncidentCandidate[], existing: readonly Incident[]): DeduplicationResult {
  const bySponsor = new Map<string, Array<{ id: string; cmp: Comparable }>>();
  for (const incident of existing) {
    const cmp = fromIncident(incident);
    if (cmp === undefined) continue;
    for (const sponsor of new Set(cmp.sponsors)) {
      const list = bySponsor.get(sponsor) ?? [];
      list.push({ id: incident.id, cmp });
      bySponsor.set(sponsor, list);
    }
  }
  const fresh: IncidentCandidate[] = [];
  const freshKeys = new Map<string, IncidentCandidate>();
  const freshBySponsor = new Map<string, Array<{ candidate: IncidentCandidate; cmp: Comparable }>>();
  const duplicates: DuplicateMatch[] = [];
  for (const candidate of candidates) {
    const cmp = fromCandidate(candidate);
    const sponsor = candidate.sponsor;
    let match: DuplicateMatch | undefined;
    for (const { id, cmp: other } of sponsor === undefined ? [] : (bySponsor.get(sponsor) ?? [])) {
      const why = sameIncident(cmp, other);
      if (why !== undefined) {
        match = { candidateKey: candidate.key, duplicateOf: { kind: 'incident', id }, reason: `${why}: duplicate of incident ${id}` };
        break;
      }
    }
    const sameKey = freshKeys.get(candidate.key);
    if (match === undefined && sameKey !== undefined) {
      match = { candidateKey: candidate.key, duplicateOf: { kind: 'candidate', id: sameKey.key }, reason: `same article and reading as candidate ${sameKey.key}` };
    }
    if (match === undefined) {
      for (const { candidate: earlier, cmp: other } of sponsor === undefined ? [] : (freshBySponsor.get(sponsor) ?? [])) {
        const why = sameIncident(cmp, other);
        if (why !== undefined) {
          match = { candidateKey: candidate.key, duplicateOf: { kind: 'candidate', id: earlier.key }, reason: `${why}: duplicate of candidate ${earlier.key} (article ${earlier.articleId})` };
          break;
        }
      }
    }
    if (match !== undefined) {
      duplicates.push(match);
      continue;
    }
    fresh.push(candidate);
    freshKeys.set(candidate.key, candidate);
    if (sponsor !== undefined) {
      const list = freshBySponsor.get(sponsor) ?? [];
      list.push({ candidate, cmp });
      freshBySponsor.set(sponsor, list);
    }
  }
  return { fresh, duplicates };
}
