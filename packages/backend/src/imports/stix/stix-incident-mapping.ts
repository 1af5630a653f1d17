import { stixSectorCategory, type Attribution, type AttributionBasis, type IncidentMeans, type Source, type Victim } from '@pactwatch/domain';
import type { ImportedIncident } from '../import-types.js';
import type { StixGraph } from './stix-graph.js';
import { clip, describeObject, numberProp, stringProp, stringsProp, type StixObject } from './stix-object.js';
import { externalSources, stixDate } from './stix-sources.js';
import { ACTOR_OBJECT_TYPES } from './stix-actor-mapping.js';
import { DEFAULT_CHAIN_CONFIDENCE, statedRelation, type SponsorResolver } from './stix-sponsor.js';

export const NO_DESCRIPTION = 'No description in source';
/** Objects an incident `uses` that show it was carried out by cyber means. */
const CYBER_TOOLS = new Set(['malware', 'tool', 'attack-pattern', 'infrastructure', 'malware-analysis']);

export interface IncidentContext {
  readonly graph: StixGraph;
  readonly sponsors: SponsorResolver;
  /** The model id of the actor record an object maps to (undefined: not mapped). */
  actorId(object: StixObject): string | undefined;
}

export type IncidentMapping = { readonly value: ImportedIncident; readonly notes: string[] } | { readonly value?: undefined; readonly notes: string[] };

/** Who made an attribution: the creator of the relationship, else of the incident. */
function attributor(graph: StixGraph, relationship: StixObject, incident: StixObject): { name: string; basis: AttributionBasis } {
  const creator = graph.get(stringProp(relationship, 'created_by_ref') ?? stringProp(incident, 'created_by_ref') ?? '');
  const name = creator === undefined ? undefined : stringProp(creator, 'name');
  // A government identity attributing is a government attribution; any other producer of STIX
  // (vendors, ISACs, researchers) is read as a vendor report.
  const government = creator !== undefined && stringsProp(creator, 'sectors').some((s) => s.startsWith('government'));
  return { name: name ?? 'STIX bundle (no creator)', basis: government ? 'government-attribution' : 'vendor-report' };
}

function attributions(incident: StixObject, ctx: IncidentContext, notes: string[]): Attribution[] {
  const best = new Map<string, Attribution>();
  const incidentConfidence = numberProp(incident, 'confidence');
  for (const { relationship, target } of ctx.graph.out(incident.id, 'attributed-to')) {
    const findings = ctx.sponsors.findings(target.id);
    if (findings.length === 0) notes.push(`attributed to ${describeObject(target)}, but no chain from it reaches a state`);
    const by = attributor(ctx.graph, relationship, incident);
    const actorId = ACTOR_OBJECT_TYPES.has(target.type) ? ctx.actorId(target) : undefined;
    const actorName = ACTOR_OBJECT_TYPES.has(target.type) ? stringProp(target, 'name') : undefined;
    const stated = [numberProp(relationship, 'confidence'), incidentConfidence].filter((c): c is number => c !== undefined);
    const ownRelation = statedRelation(relationship);
    for (const finding of findings) {
      const given = [...stated, ...(finding.stated === undefined ? [] : [finding.stated])];
      const confidence = given.length === 0 ? DEFAULT_CHAIN_CONFIDENCE : Math.min(...given);
      const chain = `${describeObject(incident)} → attributed-to → ${finding.chain}`;
      const attribution: Attribution = {
        sponsor: finding.state,
        ...(actorId === undefined ? {} : { actor: actorId }),
        ...(actorName === undefined ? {} : { actorName: clip(actorName, 300) }),
        relation: ownRelation ?? finding.relation ?? 'unknown',
        confidence,
        basis: by.basis,
        attributedBy: clip(`${by.name}: ${chain}`, 300),
        sources: [{ publisher: clip(by.name, 300), title: 'STIX attribution chain', note: clip(chain, 2000) }],
      };
      const key = `${finding.state}|${actorId ?? ''}`;
      const current = best.get(key);
      if (current === undefined || attribution.confidence > current.confidence) best.set(key, attribution);
    }
  }
  return [...best.values()];
}

function victims(incident: StixObject, ctx: IncidentContext, notes: string[]): Victim[] {
  const out = new Map<string, Victim>();
  for (const { target } of ctx.graph.out(incident.id, 'targets')) {
    if (target.type !== 'identity' && target.type !== 'location') continue;
    const states = ctx.sponsors.findings(target.id).filter((f) => f.evidence === 'structured').map((f) => f.state);
    if (states.length === 0) {
      notes.push(`targets ${describeObject(target)}, which has no located-at location with a country`);
      continue;
    }
    const groups = new Map<string, string[]>();
    if (target.type === 'identity') {
      for (const sector of stringsProp(target, 'sectors')) {
        const category = stixSectorCategory(sector) ?? '';
        groups.set(category, [...(groups.get(category) ?? []), sector]);
      }
      if (groups.size === 0 && stringProp(target, 'identity_class') === 'individual') groups.set('civil-society', []);
    }
    if (groups.size === 0) groups.set('', []);
    const entity = target.type === 'identity' ? stringProp(target, 'name') : undefined;
    for (const state of states) {
      for (const [category, sectors] of groups) {
        const victim: Victim = {
          state,
          ...(category === '' ? {} : { category: category as NonNullable<Victim['category']> }),
          ...(sectors.length === 0 ? {} : { sector: clip(sectors.join(', '), 200) }),
          ...(entity === undefined || entity.trim() === '' ? {} : { entity: clip(entity, 300) }),
        };
        out.set(JSON.stringify(victim), victim);
      }
    }
  }
  return [...out.values()];
}

function incidentSources(incident: StixObject, graph: StixGraph): { sources: Source[]; disclosed?: string } {
  const sources = externalSources(incident);
  let disclosed: string | undefined;
  for (const report of graph.reportsReferencing(incident.id)) {
    const date = stixDate(stringProp(report, 'published'));
    if (date !== undefined && (disclosed === undefined || date < disclosed)) disclosed = date;
    sources.push({ publisher: clip(graph.creatorName(report) ?? 'STIX bundle', 300), title: clip(stringProp(report, 'name') ?? report.id, 500), ...(date === undefined ? {} : { date }) });
  }
  if (sources.length === 0) sources.push({ publisher: clip(graph.creatorName(incident) ?? 'STIX bundle', 300), title: clip(`STIX ${describeObject(incident)}`, 500) });
  return { sources, ...(disclosed === undefined ? {} : { disclosed }) };
}

/**
 * A STIX incident as an Incident, when the model can hold it: at least one attribution that
 * reaches a state and one victim in a state. Otherwise the unit stays raw with notes saying what
 * was missing (the model requires both; a half-made incident would mislead the verdicts).
 */
export function mapIncident(incident: StixObject, ctx: IncidentContext): IncidentMapping {
  const notes: string[] = [];
  const start = stixDate(stringProp(incident, 'first_seen') ?? stringProp(incident, 'created'));
  const lastSeen = stixDate(stringProp(incident, 'last_seen'));
  const found = attributions(incident, ctx, notes);
  const hit = victims(incident, ctx, notes);
  const missing = [
    ...(found.length === 0 ? ['no attribution reaches a sponsor state'] : []),
    ...(hit.length === 0 ? ['no victim in a state (targets → identity/location with a country)'] : []),
    ...(start === undefined ? ['no date (first_seen or created)'] : []),
  ];
  if (missing.length > 0 || start === undefined) return { notes: [`kept raw, not an incident: ${missing.join('; ')}`, ...notes] };
  const end = lastSeen !== undefined && lastSeen > start ? lastSeen : undefined;
  const means: IncidentMeans[] = ctx.graph.out(incident.id, 'uses').some((e) => CYBER_TOOLS.has(e.target.type)) ? ['cyber'] : [];
  const name = stringProp(incident, 'name')?.trim();
  const description = stringProp(incident, 'description')?.trim();
  const { sources, disclosed } = incidentSources(incident, ctx.graph);
  return {
    value: {
      title: clip(name === undefined || name === '' ? `STIX incident ${incident.id}` : name, 300),
      summary: description === undefined || description === '' ? NO_DESCRIPTION : clip(description, 4000),
      period: { start, ...(end === undefined ? {} : { end }) },
      ...(disclosed === undefined ? {} : { disclosed }),
      activities: [],
      means,
      attributions: found,
      victims: hit,
      sources,
      disputes: [],
    },
    notes,
  };
}
