import { stateName } from '../countries/country-registry.js';
import { ACTOR_RELATIONS, ATTRIBUTION_BASES } from '../model/taxonomy.js';
import type { Attribution, Incident, Victim } from '../model/incident.js';
import { RELATION_PROPERTY } from './extension-definition.js';
import { foldName, partyIds } from './party-objects.js';
import { externalReferences, pactwatchExtension, stixObject } from './stix-common.js';
import { stixId } from './stix-ids.js';
import { timesFromDates, type StixTimes } from './stix-time.js';
import type { StixObject } from './stix-types.js';

export const incidentStixId = (incidentId: string): string => stixId('incident', 'incident', incidentId);

/**
 * When the record's information existed: its disclosure and the dates of its sources (the
 * period only when none is dated). See `timesFromDates`.
 */
export function incidentTimes(incident: Incident): StixTimes {
  const dated = [incident.disclosed, ...incident.sources.map((s) => s.date), ...incident.attributions.flatMap((a) => a.sources.map((s) => s.date))];
  return timesFromDates(dated, [incident.period.start, incident.period.end]);
}

/** The intrusion-set an attribution names, if any: a catalogued actor first, else the source's name. */
export function attributedActorId(attribution: Attribution): string | undefined {
  if (attribution.actor !== undefined) return partyIds.actor(attribution.actor);
  if (attribution.actorName !== undefined && attribution.actorName.trim() !== '') return partyIds.namedActor(attribution.actorName);
  return undefined;
}

function label<Id extends string>(list: ReadonlyArray<{ readonly id: Id; readonly label: string }>, id: Id): string {
  return list.find((t) => t.id === id)?.label ?? id;
}

function attributionText(attribution: Attribution): string {
  const actor = attribution.actorName ?? attribution.actor;
  return [
    `Attributed to ${stateName(attribution.sponsor)}${actor === undefined ? '' : ` (actor: ${actor})`} by ${attribution.attributedBy}`,
    `relation to the state: ${label(ACTOR_RELATIONS.list, attribution.relation)}`,
    `basis: ${label(ATTRIBUTION_BASES.list, attribution.basis)}`,
  ].join('; ');
}

function victimText(victim: Victim): string {
  const parts = [victim.category === undefined ? undefined : `category: ${victim.category}`, victim.sector === undefined ? undefined : `sector: ${victim.sector}`];
  const described = parts.filter((p): p is string => p !== undefined).join('; ');
  return `Victim in ${stateName(victim.state)}: ${victim.entity ?? 'not named'}${described === '' ? '' : ` (${described})`}`;
}

/**
 * An incident, its attributions and its victims. Each attribution is an `attributed-to` link
 * (confidence = the attribution's) to the sponsor state's nation-state threat-actor and, when the
 * source names an actor, a second one to that intrusion-set; each victim is a `targets` link to
 * the victim's country and, when an entity is named, to its identity. The full pactwatch record
 * rides along as a property extension so it can be read back without loss.
 */
export function incidentObjects(incident: Incident): StixObject[] {
  const times = incidentTimes(incident);
  const id = incidentStixId(incident.id);
  const { id: pactwatchId, title, summary, ...rest } = incident;
  const objects: StixObject[] = [
    stixObject('incident', id, times, {
      name: title,
      description: summary,
      external_references: externalReferences(pactwatchId, incident.sources),
      extensions: pactwatchExtension('property-extension', rest),
    }),
  ];
  const link = (type: string, key: string, targetRef: string, properties: Readonly<Record<string, unknown>>): StixObject =>
    stixObject('relationship', stixId('relationship', type, `incident:${incident.id}:${key}`), times, { relationship_type: type, source_ref: id, target_ref: targetRef, ...properties });

  incident.attributions.forEach((attribution, index) => {
    const common = {
      description: attributionText(attribution),
      confidence: attribution.confidence,
      [RELATION_PROPERTY]: attribution.relation,
      external_references: externalReferences(undefined, attribution.sources),
      extensions: pactwatchExtension('toplevel-property-extension'),
    };
    objects.push(link('attributed-to', `attribution:${index}:state`, partyIds.stateSponsor(attribution.sponsor), common));
    const actorRef = attributedActorId(attribution);
    if (actorRef !== undefined) objects.push(link('attributed-to', `attribution:${index}:actor`, actorRef, common));
  });

  // One targets link per distinct target, whatever the number of victim rows naming it.
  const targets = new Map<string, { key: string; texts: string[] }>();
  for (const victim of incident.victims) {
    const entries: Array<[string, string]> = [[partyIds.country(victim.state), `country:${victim.state}`]];
    if (victim.entity !== undefined) entries.push([partyIds.victim(victim.state, victim.entity), `victim:${victim.state}:${foldName(victim.entity)}`]);
    for (const [ref, key] of entries) {
      const entry = targets.get(ref) ?? { key, texts: [] };
      entry.texts.push(victimText(victim));
      targets.set(ref, entry);
    }
  }
  for (const [ref, { key, texts }] of targets) objects.push(link('targets', key, ref, { description: [...new Set(texts)].join('\n') }));
  return objects;
}
