import type { Agreement } from '../model/agreement.js';
import type { Actor } from '../model/context-records.js';
import type { Incident } from '../model/incident.js';
import { agreementObjects, agreementTimes } from './agreement-objects.js';
import { AGREEMENT_TYPE, COMMITMENT_TYPE, pactwatchExtensionDefinition, pactwatchIdentity } from './extension-definition.js';
import { findingObject, type StixFinding } from './finding-objects.js';
import { incidentObjects, incidentTimes } from './incident-objects.js';
import { actorObjects, countryObject, foldName, namedActorObject, partyIds, stateSponsorObjects, victimObjects } from './party-objects.js';
import { PACTWATCH_SOURCE_NAME, stixObject } from './stix-common.js';
import { stixId } from './stix-ids.js';
import { EPOCH_TIMES } from './stix-time.js';
import type { StixBundle, StixObject } from './stix-types.js';

export interface StixExportInput {
  readonly agreements: readonly Agreement[];
  readonly incidents: readonly Incident[];
  readonly actors: readonly Actor[];
  readonly findings: readonly StixFinding[];
}

/** Objects are ordered by kind (definitions, then parties, then records, then links), then id. */
const TYPE_ORDER = ['extension-definition', 'identity', 'location', 'threat-actor', 'intrusion-set', AGREEMENT_TYPE, COMMITMENT_TYPE, 'incident', 'note', 'relationship'];

function rank(type: string): number {
  const index = TYPE_ORDER.indexOf(type);
  return index < 0 ? TYPE_ORDER.length : index;
}

function byKindThenId(a: StixObject, b: StixObject): number {
  return rank(a.type) - rank(b.type) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Groups spellings by a key, so an object named by several spellings gets one deterministic name. */
function collect(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/**
 * Agreements, incidents, actors and findings as one STIX 2.1 bundle. Pure and deterministic:
 * ids are UUIDv5 of the records' ids, timestamps come from the records' dates, objects are
 * sorted, so the same records always give the same bundle whatever order they come in.
 */
export function toStixBundle(input: StixExportInput): StixBundle {
  const objects = new Map<string, StixObject>();
  const add = (list: readonly StixObject[]): void => {
    for (const object of list) if (!objects.has(object.id)) objects.set(object.id, object);
  };
  add([pactwatchExtensionDefinition(), pactwatchIdentity()]);

  const countries = new Set<string>();
  const sponsors = new Set<string>();
  const actorIds = new Set(input.actors.map((a) => a.id));
  const missingActors = new Set<string>();
  const namedActors = new Map<string, string[]>();
  const victims = new Map<string, string[]>();
  for (const actor of input.actors) if (actor.sponsor !== undefined) sponsors.add(actor.sponsor);
  for (const agreement of input.agreements) for (const party of agreement.parties) if ('state' in party) countries.add(party.state);
  for (const incident of input.incidents) {
    for (const attribution of incident.attributions) {
      sponsors.add(attribution.sponsor);
      if (attribution.actor !== undefined) {
        if (!actorIds.has(attribution.actor)) missingActors.add(attribution.actor);
      } else if (attribution.actorName !== undefined && attribution.actorName.trim() !== '') collect(namedActors, foldName(attribution.actorName), attribution.actorName.trim());
    }
    for (const victim of incident.victims) {
      countries.add(victim.state);
      if (victim.entity !== undefined) collect(victims, `${victim.state}:${foldName(victim.entity)}`, victim.entity.trim());
    }
  }
  for (const code of sponsors) countries.add(code);

  add([...countries].map(countryObject));
  add([...sponsors].flatMap(stateSponsorObjects));
  add(input.actors.flatMap(actorObjects));
  // An attribution to a catalogued actor missing from the input still gets its intrusion-set.
  add([...missingActors].map((id) => stixObject('intrusion-set', partyIds.actor(id), EPOCH_TIMES, { name: id, external_references: [{ source_name: PACTWATCH_SOURCE_NAME, external_id: id }] })));
  add([...namedActors.values()].map(namedActorObject));
  add([...victims].flatMap(([key, names]) => victimObjects(key.slice(0, 2), [...names].sort()[0] ?? key.slice(3))));
  add(input.agreements.flatMap(agreementObjects));
  add(input.incidents.flatMap(incidentObjects));

  const incidentsById = new Map(input.incidents.map((i) => [i.id, incidentTimes(i)] as const));
  const agreementsById = new Map(input.agreements.map((a) => [a.id, agreementTimes(a)] as const));
  add(input.findings.map((f) => findingObject(f, incidentsById.get(f.incidentId) ?? EPOCH_TIMES, agreementsById.get(f.agreementId) ?? EPOCH_TIMES)));

  const sorted = [...objects.values()].sort(byKindThenId);
  // The bundle id is derived from the content: the same records give the same bundle id.
  return { type: 'bundle', id: stixId('bundle', 'bundle', JSON.stringify(sorted)), objects: sorted };
}

/** The bundle as exported: two-space JSON and a final newline, byte-identical for equal input. */
export function stixBundleJson(bundle: StixBundle): string {
  return `${JSON.stringify(bundle, null, 2)}\n`;
}
