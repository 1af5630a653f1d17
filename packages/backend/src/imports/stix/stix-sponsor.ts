import { ACTOR_RELATIONS, extractProseSponsor, findStateCode, statesNamedIn, type ActorRelation, type ProseSponsorMatch } from '@pactwatch/domain';
import type { StixGraph } from './stix-graph.js';
import { clip, describeObject, numberProp, stringProp, stringsProp, type StixObject } from './stix-object.js';

/** Confidence of a STIX chain whose objects and relationships state none (see docs/IMPORT-STIX.md). */
export const DEFAULT_CHAIN_CONFIDENCE = 50;
/** Cap for a nation-state threat actor whose state is read from its name ("Communist Party of China"). */
export const NAME_INFERENCE_CONFIDENCE = 40;
const MAX_DEPTH = 8;
const ACTOR_TYPES = new Set(['intrusion-set', 'threat-actor', 'campaign']);
/** How an actor reaches a state in STIX: attributed to someone, or from / at a location. */
const ACTOR_LINKS = ['attributed-to', 'originates-from', 'located-at'] as const;

export type SponsorEvidence = 'structured' | 'name' | 'prose';

/** One way an object leads to a state, with the chain that shows it. */
export interface SponsorFinding {
  readonly state: string;
  readonly confidence: number;
  /** Lowest confidence along the chain: stated by the source, or the cap of a name or prose inference. */
  readonly stated?: number;
  readonly evidence: SponsorEvidence;
  /** Relationships followed from the object asked about (0: the object's own name or description, or a location). */
  readonly hops: number;
  /** "intrusion-set 'APT1' → attributed-to → threat-actor 'Communist Party of China' [nation-state; its name names CN]". */
  readonly chain: string;
  /** The sentence a prose finding was read from. */
  readonly prose?: ProseSponsorMatch;
  /** The actor's relation to the state, when an attributed-to relationship states it (x_pactwatch_relation). */
  readonly relation?: ActorRelation;
}

const EVIDENCE_RANK: Record<SponsorEvidence, number> = { structured: 0, name: 1, prose: 2 };

/**
 * The actor's relation to its state when a relationship states it: STIX has no such property, so
 * pactwatch reads its own custom `x_pactwatch_relation` (a model relation id); otherwise unknown.
 */
export function statedRelation(relationship: StixObject): ActorRelation | undefined {
  const value = stringProp(relationship, 'x_pactwatch_relation');
  return ACTOR_RELATIONS.ids.find((id) => id === value);
}

function better(a: SponsorFinding, b: SponsorFinding): boolean {
  if (a.confidence !== b.confidence) return a.confidence > b.confidence;
  if (a.evidence !== b.evidence) return EVIDENCE_RANK[a.evidence] < EVIDENCE_RANK[b.evidence];
  return a.hops < b.hops;
}

const minStated = (a: number | undefined, b: number | undefined): number | undefined => (a === undefined ? b : b === undefined ? a : Math.min(a, b));

function finding(state: string, evidence: SponsorEvidence, hops: number, chain: string, stated: number | undefined, extra: { prose?: ProseSponsorMatch; relation?: ActorRelation } = {}): SponsorFinding {
  return { state, evidence, hops, chain, ...(stated === undefined ? {} : { stated }), confidence: stated ?? DEFAULT_CHAIN_CONFIDENCE, ...extra };
}

/**
 * Follows STIX chains from an object to the states behind it: attributed-to, originates-from and
 * located-at down to a location's country, a nation-state threat actor's name, or (at low
 * confidence) the actor's description. Results are memoised per object and hold the best finding
 * per state, so a dense or cyclic graph costs at most one visit per object.
 */
export class SponsorResolver {
  private readonly memo = new Map<string, readonly SponsorFinding[]>();
  private readonly visiting = new Set<string>();

  constructor(private readonly graph: StixGraph) {}

  /** Best finding per state, best first. */
  findings(id: string, depth = 0): readonly SponsorFinding[] {
    const known = this.memo.get(id);
    if (known !== undefined) return known;
    const object = this.graph.get(id);
    // A cycle or an over-long chain ends here; the partial result is not memoised.
    if (object === undefined || this.visiting.has(id) || depth > MAX_DEPTH) return [];
    this.visiting.add(id);
    const best = new Map<string, SponsorFinding>();
    const offer = (f: SponsorFinding): void => {
      const current = best.get(f.state);
      if (current === undefined || better(f, current)) best.set(f.state, f);
    };
    for (const f of this.own(object, depth)) offer(f);
    this.visiting.delete(id);
    const result = [...best.values()].sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
    this.memo.set(id, result);
    return result;
  }

  private follow(object: StixObject, link: string, depth: number): SponsorFinding[] {
    const out: SponsorFinding[] = [];
    for (const { relationship, target } of this.graph.out(object.id, link)) {
      const stated = numberProp(relationship, 'confidence');
      const relation = statedRelation(relationship);
      for (const f of this.findings(target.id, depth + 1)) {
        const inherited = link === 'attributed-to' && relation !== undefined ? relation : f.relation;
        out.push(finding(f.state, f.evidence, f.hops + 1, `${describeObject(object)} → ${link} → ${f.chain}`, minStated(stated, f.stated), { ...(f.prose === undefined ? {} : { prose: f.prose }), ...(inherited === undefined ? {} : { relation: inherited }) }));
      }
    }
    return out;
  }

  private own(object: StixObject, depth: number): SponsorFinding[] {
    // An object's own `confidence` caps every chain through it.
    const stated = numberProp(object, 'confidence');
    return this.reached(object, depth).map((f) => (stated === undefined ? f : finding(f.state, f.evidence, f.hops, f.chain, minStated(stated, f.stated), { ...(f.prose === undefined ? {} : { prose: f.prose }), ...(f.relation === undefined ? {} : { relation: f.relation }) })));
  }

  private reached(object: StixObject, depth: number): SponsorFinding[] {
    // A revoked object points at its replacement; the chain continues there.
    if (object['revoked'] === true) return this.follow(object, 'revoked-by', depth);
    if (object.type === 'location') {
      const country = stringProp(object, 'country');
      const fromCountry = country === undefined ? undefined : findStateCode(country);
      const name = stringProp(object, 'name');
      const state = fromCountry ?? (name === undefined ? undefined : findStateCode(name));
      if (state === undefined) return [];
      return [finding(state, 'structured', 0, `${describeObject(object)} (${fromCountry === undefined ? 'name' : 'country'} ${state})`, undefined)];
    }
    if (object.type === 'identity') return this.follow(object, 'located-at', depth);
    if (!ACTOR_TYPES.has(object.type)) return [];
    const found: SponsorFinding[] = ACTOR_LINKS.flatMap((link) => this.follow(object, link, depth));
    if (object.type === 'threat-actor' && stringsProp(object, 'threat_actor_types').includes('nation-state')) {
      const named = statesNamedIn([stringProp(object, 'name') ?? '', ...stringsProp(object, 'aliases')].join(' ; '));
      if (named.length === 1 && named[0] !== undefined) {
        found.push(finding(named[0], 'name', 0, `${describeObject(object)} [nation-state; its name names ${named[0]}]`, NAME_INFERENCE_CONFIDENCE));
      }
    }
    const description = stringProp(object, 'description');
    if (description !== undefined) {
      const subjects = [stringProp(object, 'name') ?? '', ...stringsProp(object, 'aliases'), ...stringsProp(object, 'x_mitre_aliases')];
      const prose = extractProseSponsor(description, subjects).sponsor;
      if (prose !== undefined) {
        found.push(finding(prose.state, 'prose', 0, `${describeObject(object)} [description, pattern ${prose.patternId}: “${clip(prose.phrase, 120)}”]`, prose.confidence, { prose }));
      }
    }
    return found;
  }
}

/** The sponsor an actor gets: the best finding, unless the best confidence names two states. */
export function chooseSponsor(findings: readonly SponsorFinding[]): { sponsor?: SponsorFinding; conflicting: string[] } {
  const top = findings[0];
  if (top === undefined) return { conflicting: [] };
  const tied = findings.filter((f) => f.confidence === top.confidence && EVIDENCE_RANK[f.evidence] === EVIDENCE_RANK[top.evidence]);
  const states = [...new Set(tied.map((f) => f.state))];
  return states.length > 1 ? { conflicting: states.sort() } : { sponsor: top, conflicting: [] };
}
