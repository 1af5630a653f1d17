import { PACTWATCH_EXTENSION_ID, PACTWATCH_IDENTITY_ID, stixObject } from './stix-common.js';
import { EPOCH_TIMES } from './stix-time.js';
import type { StixObject } from './stix-types.js';

export const AGREEMENT_TYPE = 'x-pactwatch-agreement';
export const COMMITMENT_TYPE = 'x-pactwatch-commitment';
/** Bumped when the custom properties change incompatibly (docs/EXPORT.md keeps the history). */
export const PACTWATCH_EXTENSION_VERSION = '1.0.0';
/** Top-level property on attributed-to links: the attribution's actor-to-state relation. */
export const RELATION_PROPERTY = 'x_pactwatch_relation';

/**
 * The definition is plain text (STIX allows a URL or text): a bundle must be readable without
 * network access, and pactwatch has no stable public URL for a JSON Schema.
 */
const SCHEMA_TEXT = [
  'pactwatch STIX 2.1 extension (docs/EXPORT.md in the pactwatch repository).',
  `new-sdo ${AGREEMENT_TYPE}: a cyber agreement between states. name, description (summary), short_title, kind, status, signed/in_force/ended (EDTF strings), parties (list of {state: ISO 3166-1 alpha-2} or {group: id}), party_refs (location ids of state parties), commitment_refs (${COMMITMENT_TYPE} ids in the agreement's order), sources, provenance, disputes.`,
  `new-sdo ${COMMITMENT_TYPE}: one commitment of an agreement. name (title), description (clause text), agreement_ref, obligation, source, scope {activities, targets, means, actor, direction, rationale}, expectation {event_kinds, due_by, every_months}, disputes.`,
  'property-extension on incident: period {start, end}, disclosed, activities, means, attributions, victims, sources, provenance, disputes (the pactwatch incident record, keys in snake_case).',
  'property-extension on intrusion-set: sponsor, sponsor_confidence, sources (a catalogued pactwatch actor).',
  'toplevel-property-extension on relationship: x_pactwatch_relation, the actor\'s relation to the sponsor state (state-organ, state-supported, state-tolerated, non-state, unknown) on attributed-to links from incidents.',
  'property-extension on note: a compliance finding: agreement_id, commitment_id, incident_id, verdict, rule, summary, sponsor, victim, attribution_index, checks [{dimension, value, reason, facts}], alternatives, override.',
  'Every record object carries its pactwatch id as the external reference with source_name "pactwatch". Dates are EDTF strings; empty lists are omitted.',
].join('\n');

/** The author of every exported object: pactwatch itself, a system (it names no creator itself). */
export function pactwatchIdentity(): StixObject {
  const { created_by_ref: _self, ...identity } = stixObject('identity', PACTWATCH_IDENTITY_ID, EPOCH_TIMES, {
    name: 'pactwatch',
    description: 'pactwatch: cyber agreements between states, the incidents attributed to them, and explained compliance findings.',
    identity_class: 'system',
  });
  return identity;
}

export function pactwatchExtensionDefinition(): StixObject {
  return stixObject('extension-definition', PACTWATCH_EXTENSION_ID, EPOCH_TIMES, {
    name: 'pactwatch',
    description: `Cyber agreements (${AGREEMENT_TYPE}) and their commitments (${COMMITMENT_TYPE}) as new SDOs; pactwatch's incident records, catalogued actors and compliance findings as property extensions; the attribution relation (${RELATION_PROPERTY}) as a top-level property of attributed-to links.`,
    schema: SCHEMA_TEXT,
    version: PACTWATCH_EXTENSION_VERSION,
    extension_types: ['new-sdo', 'property-extension', 'toplevel-property-extension'],
    extension_properties: [RELATION_PROPERTY],
  });
}
