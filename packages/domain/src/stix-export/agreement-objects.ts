import type { Agreement, Commitment } from '../model/agreement.js';
import { AGREEMENT_TYPE, COMMITMENT_TYPE } from './extension-definition.js';
import { partyIds } from './party-objects.js';
import { externalReferences, pactwatchExtension, stixObject } from './stix-common.js';
import { stixId } from './stix-ids.js';
import { timesFromDates, type StixTimes } from './stix-time.js';
import type { StixObject } from './stix-types.js';

export const agreementStixId = (agreementId: string): string => stixId(AGREEMENT_TYPE, 'agreement', agreementId);
export const commitmentStixId = (commitmentId: string): string => stixId(COMMITMENT_TYPE, 'commitment', commitmentId);

/** When the agreement was signed and the dates of its sources; its commitments share these times. */
export function agreementTimes(agreement: Agreement): StixTimes {
  return timesFromDates([agreement.signed, ...agreement.sources.map((s) => s.date), ...agreement.commitments.map((c) => c.source.date)]);
}

function commitmentObject(commitment: Commitment, times: StixTimes): StixObject {
  return stixObject(COMMITMENT_TYPE, commitmentStixId(commitment.id), times, {
    name: commitment.title,
    description: commitment.text,
    agreement_ref: agreementStixId(commitment.agreementId),
    obligation: commitment.obligation,
    source: commitment.source,
    scope: commitment.scope,
    expectation: commitment.expectation,
    disputes: commitment.disputes,
    external_references: externalReferences(commitment.id, [commitment.source]),
    extensions: pactwatchExtension('new-sdo'),
  });
}

/** An agreement and its commitments as pactwatch's own SDOs (see the extension definition). */
export function agreementObjects(agreement: Agreement): StixObject[] {
  const times = agreementTimes(agreement);
  const states = agreement.parties.flatMap((p) => ('state' in p ? [p.state] : []));
  const object = stixObject(AGREEMENT_TYPE, agreementStixId(agreement.id), times, {
    name: agreement.title,
    short_title: agreement.shortTitle,
    description: agreement.summary,
    kind: agreement.kind,
    status: agreement.status,
    signed: agreement.signed,
    in_force: agreement.inForce,
    ended: agreement.ended,
    parties: agreement.parties,
    party_refs: states.map(partyIds.country),
    commitment_refs: agreement.commitments.map((c) => commitmentStixId(c.id)),
    sources: agreement.sources,
    provenance: agreement.provenance,
    disputes: agreement.disputes,
    external_references: externalReferences(agreement.id, agreement.sources),
    extensions: pactwatchExtension('new-sdo'),
  });
  return [object, ...agreement.commitments.map((c) => commitmentObject(c, times))];
}
