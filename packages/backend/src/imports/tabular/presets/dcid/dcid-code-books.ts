import type { TargetCategory } from '@pactwatch/domain';
import { confirmed, ESPIONAGE, type ActivityRule } from '../../records/activity-rules.js';
import { codeBook } from '../../records/code-book.js';

/** Columns of sheet 1 of DCID 2.0 (DCID_2.0_Feb2023.xlsx); header matching ignores case and spaces. */
export const DCID_COLUMNS = {
  incident: ['Cyberincidentnum'],
  dyad: ['Dyadpair'],
  stateA: ['StateA'],
  stateB: ['StateB'],
  name: ['Name'],
  start: ['interactionstartdate'],
  end: ['interactionenddate'],
  method: ['method'],
  targetType: ['targettype'],
  initiator: ['initiator'],
  objective: ['cyber_objective'],
  informationOperation: ['information_operation'],
  achieved: ['objective_achievement'],
  concession: ['Concession'],
  thirdParty: ['3rdpartyinitiator'],
  severity: ['severity'],
  damage: ['damage type'],
  criticalInfrastructure: ['Crit Inf'],
  supplyChain: ['Supply Ch'],
  ransomware: ['Ransomware'],
  politicalObjective: ['Political Objective'],
  sources: [['Sources1'], ['Sources2'], ['Sources3'], ['Sources4'], ['Sources5']],
  governmentSources: [['Justice'], ['Cert'], ['FBI']],
} as const;

export const DCID_REQUIRED_COLUMNS: ReadonlyArray<readonly string[]> = [
  DCID_COLUMNS.incident, DCID_COLUMNS.dyad, DCID_COLUMNS.stateA, DCID_COLUMNS.stateB, DCID_COLUMNS.name, DCID_COLUMNS.start,
  DCID_COLUMNS.initiator, DCID_COLUMNS.targetType, DCID_COLUMNS.objective,
];

export const DCID_DEFAULTS = {
  /** DCID codes state attribution from open sources without grading it; as CFR, below the threshold (70). */
  confidence: 60,
  basis: 'academic',
  attributedBy: 'DCID 2.0 (Maness, Valeriano & Jensen)',
  publisher: 'Dyadic Cyber Incident and Campaign Data (DCID)',
} as const;

/**
 * `targettype`: the codebook's target of the incident. Checked against the file: 3 holds CENTCOM,
 * JCS, NMCI and DoD networks; 2 the White House and State Department; 1 Yahoo, banks, think tanks.
 */
export const DCID_TARGET_TYPES = codeBook<TargetCategory>('DCID targettype', [
  { id: 'dcid-target-1-private', spellings: ['1'], values: ['private-sector'], reason: 'Private / non-state targets.' },
  { id: 'dcid-target-2-government', spellings: ['2'], values: ['government'], reason: 'Government, non-military.' },
  { id: 'dcid-target-3-military', spellings: ['3'], values: ['military'], reason: 'Government, military.' },
]);

/**
 * `cyber_objective`. Checked against the file: 1 holds DDoS and defacements, 2 and 3 intrusions
 * such as QWERTY (short-term) and Regin (long-term), 4 Stuxnet, Shamoon and NotPetya.
 */
export const DCID_OBJECTIVES = codeBook<ActivityRule>('DCID cyber_objective', [
  { id: 'dcid-objective-1-disruption', spellings: ['1'], values: [confirmed('disruption')], reason: 'Disruption.' },
  { id: 'dcid-objective-2-short-espionage', spellings: ['2'], values: [ESPIONAGE], reason: 'Short-term espionage: purpose read from the target type.' },
  { id: 'dcid-objective-3-long-espionage', spellings: ['3'], values: [ESPIONAGE], reason: 'Long-term espionage: purpose read from the target type.' },
  { id: 'dcid-objective-4-degradation', spellings: ['4'], values: [confirmed('sabotage')], reason: 'Degradation: destroying or damaging systems, the taxonomy\'s sabotage.' },
]);

/** `method`, for notes and summaries; sub-codes checked against the incident names of the file. */
export const DCID_METHODS: Readonly<Record<string, string>> = {
  '1': 'vandalism (defacement)',
  '2': 'denial of service',
  '3': 'network intrusion',
  '3.1': 'network intrusion (sub-code 3.1)',
  '4': 'network infiltration',
  '4.1': 'network infiltration by logic bomb (wipers such as Shamoon)',
  '4.2': 'network infiltration by virus',
  '4.3': 'network infiltration by worm (Stuxnet, NotPetya)',
  '4.4': 'network infiltration by keystroke logging',
};

/**
 * `Crit Inf`: the sixteen US critical-infrastructure sectors (PPD-21 / CISA) in their alphabetical
 * order, which the file bears out (1 chemical, 3 telecoms, 11 government facilities, 13 IT).
 * Kept as the victim's sector; the category comes from targettype.
 */
export const DCID_SECTORS: Readonly<Record<string, string>> = {
  '1': 'Chemical', '2': 'Commercial facilities', '3': 'Communications', '4': 'Critical manufacturing', '5': 'Dams',
  '6': 'Defense industrial base', '7': 'Emergency services', '8': 'Energy', '9': 'Financial services', '10': 'Food and agriculture',
  '11': 'Government facilities', '12': 'Healthcare and public health', '13': 'Information technology', '14': 'Nuclear reactors, materials and waste',
  '15': 'Transportation systems', '16': 'Water and wastewater systems',
  '17': 'Other (DCID code 17: think tanks and political organisations in this file)',
};
