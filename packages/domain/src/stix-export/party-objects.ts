import { stateName } from '../countries/country-registry.js';
import type { Actor } from '../model/context-records.js';
import { externalReferences, pactwatchExtension, stixObject } from './stix-common.js';
import { stixId } from './stix-ids.js';
import { EPOCH_TIMES, timesFromDates } from './stix-time.js';
import type { StixObject } from './stix-types.js';

/** Ids of the objects that stand for states, actors and victims; every converter uses these. */
export const partyIds = {
  country: (code: string): string => stixId('location', 'country', code),
  /** A state as the sponsor of operations: a nation-state threat-actor located in its country. */
  stateSponsor: (code: string): string => stixId('threat-actor', 'state-sponsor', code),
  actor: (actorId: string): string => stixId('intrusion-set', 'actor', actorId),
  /** An actor named by a source but not catalogued: keyed by its folded name. */
  namedActor: (name: string): string => stixId('intrusion-set', 'actor-name', foldName(name)),
  victim: (state: string, entity: string): string => stixId('identity', 'victim', `${state}:${foldName(entity)}`),
};

/** Case and spacing folded, so "APT 3" and "apt 3" are one actor and one id. */
export function foldName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function countryObject(code: string): StixObject {
  return stixObject('location', partyIds.country(code), EPOCH_TIMES, { name: stateName(code), country: code });
}

export function stateSponsorObjects(code: string): StixObject[] {
  const sponsor = stixObject('threat-actor', partyIds.stateSponsor(code), EPOCH_TIMES, {
    name: `${stateName(code)} (state)`,
    description: `The state of ${stateName(code)} (${code}) as the sponsor pactwatch's attributions name.`,
    threat_actor_types: ['nation-state'],
    roles: ['sponsor'],
    resource_level: 'government',
  });
  const locatedAt = stixObject('relationship', stixId('relationship', 'located-at', `state-sponsor:${code}`), EPOCH_TIMES, {
    relationship_type: 'located-at',
    source_ref: sponsor.id,
    target_ref: partyIds.country(code),
  });
  return [sponsor, locatedAt];
}

/** A catalogued actor as an intrusion-set; its sponsor, when recorded, as an attributed-to link. */
export function actorObjects(actor: Actor): StixObject[] {
  const times = timesFromDates(actor.sources.map((s) => s.date));
  const set = stixObject('intrusion-set', partyIds.actor(actor.id), times, {
    name: actor.name,
    description: actor.description,
    aliases: actor.aliases,
    external_references: externalReferences(actor.id, actor.sources),
    extensions: pactwatchExtension('property-extension', { sponsor: actor.sponsor, sponsorConfidence: actor.sponsorConfidence, sources: actor.sources }),
  });
  if (actor.sponsor === undefined) return [set];
  const sponsorship = stixObject('relationship', stixId('relationship', 'attributed-to', `actor:${actor.id}`), times, {
    relationship_type: 'attributed-to',
    source_ref: set.id,
    target_ref: partyIds.stateSponsor(actor.sponsor),
    confidence: actor.sponsorConfidence,
    description: `${actor.name} is attributed to ${stateName(actor.sponsor)} in pactwatch's actor catalogue.`,
  });
  return [set, sponsorship];
}

/** An actor known only by the names sources give it; the first name in sort order leads. */
export function namedActorObject(names: readonly string[]): StixObject {
  const sorted = [...new Set(names)].sort();
  const [name = '', ...aliases] = sorted;
  return stixObject('intrusion-set', partyIds.namedActor(name), EPOCH_TIMES, { name, aliases });
}

/** A victim entity ("Acme Corp", "Office of Personnel Management") located in its state. */
export function victimObjects(state: string, entity: string): StixObject[] {
  const identity = stixObject('identity', partyIds.victim(state, entity), EPOCH_TIMES, {
    name: entity.trim(),
    description: `Victim entity in ${stateName(state)} recorded by pactwatch.`,
    // pactwatch records a victim's category, not whether the entity is one organization or a
    // group; many tools still read identity_class (required in STIX 2.0), so it is given.
    identity_class: 'unknown',
  });
  const locatedAt = stixObject('relationship', stixId('relationship', 'located-at', `victim:${state}:${foldName(entity)}`), EPOCH_TIMES, {
    relationship_type: 'located-at',
    source_ref: identity.id,
    target_ref: partyIds.country(state),
  });
  return [identity, locatedAt];
}
