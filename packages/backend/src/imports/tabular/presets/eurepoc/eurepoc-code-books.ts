import type { ActorRelation, AttributionBasis, TargetCategory } from '@pactwatch/domain';
import { confirmed, ESPIONAGE, possible, type ActivityRule } from '../../records/activity-rules.js';
import { codeBook } from '../../records/code-book.js';

/** `incident_type` → activities. */
export const EUREPOC_INCIDENT_TYPES = codeBook<ActivityRule>('EuRepoC incident_type', [
  { id: 'eurepoc-type-data-theft', spellings: ['Data theft'], values: [ESPIONAGE], reason: 'Data taken; purpose read from the receivers.' },
  { id: 'eurepoc-type-data-theft-doxing', spellings: ['Data theft & Doxing'], values: [ESPIONAGE, confirmed('influence-operation')], reason: 'Data taken and published: hack-and-leak.' },
  { id: 'eurepoc-type-disruption', spellings: ['Disruption'], values: [confirmed('disruption')] },
  { id: 'eurepoc-type-ransomware', spellings: ['Ransomware'], values: [confirmed('disruption'), possible('financial-theft')], reason: 'Encryption disrupts; the ransom may or may not have been the aim.' },
  { id: 'eurepoc-type-hijacking-misuse', spellings: ['Hijacking with Misuse'], values: [], reason: 'A system taken over and used; what for is not one activity type.' },
  { id: 'eurepoc-type-hijacking', spellings: ['Hijacking without Misuse'], values: [], reason: 'A system taken over but not used.' },
  { id: 'eurepoc-type-not-available', spellings: ['Not available'], values: [], reason: 'Not coded.' },
]);

/** `receiver_category` → target category. A parenthetical note in the spelling is ignored. */
export const EUREPOC_RECEIVER_CATEGORIES = codeBook<TargetCategory>('EuRepoC receiver_category', [
  { id: 'eurepoc-receiver-state', spellings: ['State institutions / political system'], values: ['government'] },
  { id: 'eurepoc-receiver-critical-infrastructure', spellings: ['Critical infrastructure'], values: ['critical-infrastructure'] },
  { id: 'eurepoc-receiver-corporate', spellings: ['Corporate Targets'], values: ['private-sector'], reason: 'EuRepoC codes companies here only when they are not critical infrastructure.' },
  { id: 'eurepoc-receiver-civil-society', spellings: ['Media', 'Social groups', 'Science', 'End user(s) / specially protected groups'], values: ['civil-society'], reason: 'The taxonomy counts media, academia, groups and individuals as civil society.' },
  { id: 'eurepoc-receiver-international', spellings: ['International / supranational organization'], values: [], reason: 'An international body: no target category of the model fits.' },
  { id: 'eurepoc-receiver-other', spellings: ['Other', 'Unknown', 'Not available'], values: [], reason: 'No category coded.' },
]);

/** `receiver_category_subcode` / `receiver_subcategory` that change the category of their parent. */
export const EUREPOC_RECEIVER_SUBCATEGORIES = codeBook<TargetCategory>('EuRepoC receiver subcategory', [
  { id: 'eurepoc-sub-military', spellings: ['Military'], values: ['military'], reason: 'Armed forces, under "State institutions".' },
  { id: 'eurepoc-sub-defence-industry', spellings: ['Defence industry', 'Defense industry'], values: ['private-sector'], reason: 'Defence contractors are companies (as in the shared target table).' },
  { id: 'eurepoc-sub-political-parties', spellings: ['Political parties'], values: ['civil-society'], reason: 'Parties are not government bodies.' },
]);

/** `initiator_category` → the actor's relation to the state. */
export const EUREPOC_INITIATOR_CATEGORIES = codeBook<ActorRelation>('EuRepoC initiator_category', [
  { id: 'eurepoc-initiator-state', spellings: ['State'], values: ['state-organ'] },
  {
    id: 'eurepoc-initiator-state-affiliated',
    spellings: ['Non-state actor, state-affiliation suggested', 'Non-state-group, state-affiliation suggested', 'State-affiliated group'],
    values: ['state-supported'],
    reason: 'EuRepoC\'s category of state-affiliated proxies (state-sanctioned, -supported or -controlled); how sure that is, is the confidence\'s job.',
  },
  { id: 'eurepoc-initiator-non-state', spellings: ['Non-state-group', 'Non-state group', 'Individual hacker(s)', 'Hacktivist(s)', 'Criminal(s)'], values: ['non-state'] },
  { id: 'eurepoc-initiator-unknown', spellings: ['Unknown - not attributed', 'Unknown', 'Not available', 'Other'], values: ['unknown'] },
]);

export interface BasisCode {
  readonly basis: AttributionBasis;
  readonly confidence: number;
  /** Who attributed, when the row names no attributing actor, company or country. */
  readonly by: string;
}

/**
 * `attribution_basis` → basis and confidence. The confidences are defaults of pactwatch, not of
 * EuRepoC: a receiver government's attribution reaches the evaluation threshold (70), press and
 * vendor attributions stay below it, a contested one far below.
 */
export const EUREPOC_BASES = codeBook<BasisCode>('EuRepoC attribution_basis', [
  { id: 'eurepoc-basis-receiver-government', spellings: ['Attribution by receiver government / state entity'], values: [{ basis: 'government-attribution', confidence: 70, by: 'receiver government (per EuRepoC)' }] },
  { id: 'eurepoc-basis-third-party', spellings: ['Attribution by third-party'], values: [{ basis: 'media', confidence: 50, by: 'a third party (per EuRepoC)' }] },
  { id: 'eurepoc-basis-it-security', spellings: ['IT-security community attributes attacker'], values: [{ basis: 'vendor-report', confidence: 60, by: 'IT-security community (per EuRepoC)' }] },
  { id: 'eurepoc-basis-media', spellings: ['Media-based attribution'], values: [{ basis: 'media', confidence: 50, by: 'media (per EuRepoC)' }] },
  { id: 'eurepoc-basis-attacker-confirms', spellings: ['Attacker confirms'], values: [{ basis: 'media', confidence: 70, by: 'the attacker (self-attribution, per EuRepoC)' }] },
  { id: 'eurepoc-basis-contested', spellings: ['Contested attribution'], values: [{ basis: 'media', confidence: 30, by: 'contested (per EuRepoC)' }] },
]);

export const EUREPOC_DEFAULT_BASIS: BasisCode = { basis: 'academic', confidence: 50, by: 'EuRepoC coders' };

/** `attribution_type` values that show a stronger basis than `attribution_basis` says. */
export const EUREPOC_ATTRIBUTION_TYPES = codeBook<{ readonly basis: AttributionBasis; readonly minConfidence: number }>('EuRepoC attribution_type', [
  { id: 'eurepoc-atype-legal', spellings: ['Domestic legal action'], values: [{ basis: 'indictment', minConfidence: 80 }] },
  { id: 'eurepoc-atype-political-sanctions', spellings: ['Political statement/report and indictment / sanctions'], values: [{ basis: 'government-attribution', minConfidence: 75 }] },
  { id: 'eurepoc-atype-technical', spellings: ['Technical report (e.g., by IT-companies, Citizen Lab, EFF)', 'Technical report'], values: [{ basis: 'vendor-report', minConfidence: 0 }] },
]);

export const EUREPOC_PUBLISHER = 'European Repository of Cyber Incidents (EuRepoC)';
