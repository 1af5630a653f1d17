import { PACTWATCH_EXTENSION_ID, PACTWATCH_IDENTITY_ID, pactwatchIdOf } from '@pactwatch/domain';
import { isJsonObject, stringProp, stringsProp, type StixObject } from './stix-object.js';

/**
 * Dataset of bundles pactwatch wrote. Fixed, not `stix:<bundle id>`: the exporter derives the
 * bundle id from the content, so every change would otherwise start a new dataset and store the
 * same records' raw objects again beside the earlier ones.
 */
export const PACTWATCH_STIX_DATASET = 'pactwatch-stix';

/** The object carries pactwatch's extension (a new SDO, a property or a top-level property extension). */
export function hasPactwatchExtension(object: StixObject): boolean {
  const extensions = object['extensions'];
  return isJsonObject(extensions) && extensions[PACTWATCH_EXTENSION_ID] !== undefined;
}

/** Written by pactwatch: its identity is the object's creator. */
export function writtenByPactwatch(object: StixObject): boolean {
  return stringProp(object, 'created_by_ref') === PACTWATCH_IDENTITY_ID;
}

/**
 * pactwatch's stand-in for a state as sponsor (`stateSponsorObjects` in the exporter): attributions
 * already name the state, so it is never an actor record of its own.
 */
export function isSponsorStateActor(object: StixObject): boolean {
  return object.type === 'threat-actor' && stringsProp(object, 'threat_actor_types').includes('nation-state') && stringsProp(object, 'roles').includes('sponsor');
}

/**
 * A bundle pactwatch exported: it holds the pactwatch extension definition, an `x-pactwatch-*`
 * object, an object extended by pactwatch or one carrying a record's pactwatch id. Such a bundle
 * is read back as pactwatch's own records, not through the generic STIX graph mapping.
 */
export function isPactwatchBundle(objects: readonly StixObject[]): boolean {
  return objects.some((o) => o.id === PACTWATCH_EXTENSION_ID || o.type.startsWith('x-pactwatch-') || hasPactwatchExtension(o) || pactwatchIdOf(o) !== undefined);
}
