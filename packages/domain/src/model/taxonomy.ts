/**
 * The controlled vocabularies of the model. Each term has a stable id (stored, exported, used in
 * rules) and a readable description (shown to people). Adding a term is a data change here.
 */
export interface Term<Id extends string> {
  readonly id: Id;
  readonly label: string;
  readonly description: string;
}

function terms<const Id extends string>(list: readonly Term<Id>[]): { readonly list: readonly Term<Id>[]; readonly ids: readonly [Id, ...Id[]] } {
  const ids = list.map((t) => t.id) as unknown as [Id, ...Id[]];
  return { list, ids };
}

export const ACTIVITY_TYPES = terms([
  { id: 'commercial-espionage', label: 'Commercial espionage', description: 'Theft of intellectual property, trade secrets or confidential business information for commercial advantage.' },
  { id: 'political-military-espionage', label: 'Political-military espionage', description: 'Intelligence collection on governments, armed forces, diplomacy or national-security technology.' },
  { id: 'personal-data-theft', label: 'Personal-data theft', description: 'Bulk theft of personal records (personnel files, health, travel, customer data).' },
  { id: 'sabotage', label: 'Sabotage / destructive', description: 'Destruction or physical damage, wipers, manipulation of industrial control systems.' },
  { id: 'disruption', label: 'Disruption (DoS)', description: 'Denial of service or other temporary disruption of availability.' },
  { id: 'influence-operation', label: 'Influence operation', description: 'Hack-and-leak, disinformation or covert media influence.' },
  { id: 'internal-interference', label: 'Interference in internal affairs', description: 'Operations aimed at a state\'s internal political order (elections, parties, diaspora, dissidents).' },
  { id: 'financial-theft', label: 'Financial theft', description: 'Theft of money or crypto-assets.' },
] as const);
export type ActivityType = (typeof ACTIVITY_TYPES.ids)[number];

export const TARGET_CATEGORIES = terms([
  { id: 'private-sector', label: 'Private sector', description: 'Companies and their employees, including state-owned enterprises acting commercially.' },
  { id: 'government', label: 'Government', description: 'Civilian government bodies, ministries, agencies, legislators, diplomats.' },
  { id: 'military', label: 'Military', description: 'Armed forces, defence ministries and their networks.' },
  { id: 'critical-infrastructure', label: 'Critical infrastructure', description: 'Energy, telecommunications, transport, water, finance infrastructure, health systems.' },
  { id: 'civil-society', label: 'Civil society', description: 'NGOs, media, academia, dissidents, diaspora, trade unions, individuals.' },
] as const);
export type TargetCategory = (typeof TARGET_CATEGORIES.ids)[number];

export const INCIDENT_MEANS = terms([
  { id: 'cyber', label: 'Cyber', description: 'Remote computer intrusion or other cyber-enabled means.' },
  { id: 'close-access', label: 'Close access', description: 'A person physically present who tries to reach a network (on-site intrusion); cyber-enabled.' },
  { id: 'humint', label: 'HUMINT', description: 'Recruitment or use of human sources; not cyber-enabled.' },
  { id: 'insider', label: 'Insider', description: 'An employee or contractor taking information; not cyber-enabled.' },
] as const);
export type IncidentMeans = (typeof INCIDENT_MEANS.ids)[number];
/** Means that count as cyber-enabled under a commitment limited to cyber-enabled activity. */
export const CYBER_ENABLED_MEANS: ReadonlySet<IncidentMeans> = new Set<IncidentMeans>(['cyber', 'close-access']);

export const COMMITMENT_MEANS = terms([
  { id: 'cyber-enabled', label: 'Cyber-enabled only', description: 'Covers only activity carried out by cyber means.' },
  { id: 'any', label: 'Any means', description: 'Covers the activity whatever the means (including HUMINT and insiders).' },
] as const);
export type CommitmentMeans = (typeof COMMITMENT_MEANS.ids)[number];

export const ACTOR_RELATIONS = terms([
  { id: 'state-organ', label: 'State organ', description: 'Conducted by the state itself (intelligence service, armed forces, ministry).' },
  { id: 'state-supported', label: 'State-supported proxy', description: 'A proxy (contractor, front company, criminal group) knowingly supported or directed by the state.' },
  { id: 'state-tolerated', label: 'State-tolerated', description: 'Non-state actors operating from the territory with the state\'s tolerance but no shown support.' },
  { id: 'non-state', label: 'Non-state', description: 'Criminals or activists acting on their own.' },
  { id: 'unknown', label: 'Unknown', description: 'The actor\'s relation to the sponsor state is not established.' },
] as const);
export type ActorRelation = (typeof ACTOR_RELATIONS.ids)[number];

export const ACTOR_STANDARDS = terms([
  { id: 'conducted', label: 'Conducted by the state', description: 'Only activity the state conducts itself.' },
  { id: 'conducted-or-supported', label: 'Conducted or (knowingly) supported', description: 'Also activity by proxies the state knowingly supports.' },
] as const);
export type ActorStandard = (typeof ACTOR_STANDARDS.ids)[number];

export const ATTRIBUTION_BASES = terms([
  { id: 'government-attribution', label: 'Government attribution', description: 'A government publicly attributed the activity.' },
  { id: 'indictment', label: 'Indictment', description: 'Criminal charges name the actors and their state links.' },
  { id: 'vendor-report', label: 'Vendor report', description: 'A security company\'s technical report.' },
  { id: 'media', label: 'Media', description: 'Press reporting, often citing unnamed officials.' },
  { id: 'academic', label: 'Academic', description: 'Research or dataset coding.' },
] as const);
export type AttributionBasis = (typeof ATTRIBUTION_BASES.ids)[number];

export const OBLIGATIONS = terms([
  { id: 'refrain', label: 'Refrain', description: 'A promise not to do something; checked against incidents.' },
  { id: 'cooperate', label: 'Cooperate', description: 'A promise to cooperate (information, assistance); checked against recorded events.' },
  { id: 'establish-dialogue', label: 'Establish dialogue', description: 'A promise to set up a dialogue or mechanism; checked against recorded dialogue rounds.' },
  { id: 'consult', label: 'Consult', description: 'A promise to consult or respond to requests; checked against recorded events.' },
] as const);
export type Obligation = (typeof OBLIGATIONS.ids)[number];

export const AGREEMENT_KINDS = terms([
  { id: 'treaty', label: 'Treaty', description: 'A legally binding agreement between states or governments.' },
  { id: 'mou', label: 'Memorandum of understanding', description: 'A non-binding memorandum between governments.' },
  { id: 'joint-statement', label: 'Joint statement', description: 'A political commitment in a joint statement, declaration or fact sheet.' },
  { id: 'dialogue-mechanism', label: 'Dialogue mechanism', description: 'An agreement to hold a standing dialogue, with its communiqués.' },
  { id: 'communique', label: 'Communiqué', description: 'A multilateral summit communiqué.' },
  { id: 'code-of-conduct', label: 'Code of conduct', description: 'A proposed or adopted code of conduct.' },
  { id: 'un-report', label: 'UN report', description: 'A report of a UN body whose norms states later endorse.' },
] as const);
export type AgreementKind = (typeof AGREEMENT_KINDS.ids)[number];

export const AGREEMENT_STATUSES = terms([
  { id: 'in-force', label: 'In force', description: 'Binding or operative now.' },
  { id: 'announced', label: 'Announced', description: 'A political commitment announced and operative from its date, with no formal entry into force.' },
  { id: 'signed', label: 'Signed', description: 'Signed; entry into force not confirmed.' },
  { id: 'proposed', label: 'Proposed', description: 'Put forward (e.g. in a letter to the UN) by its sponsors but not adopted by others.' },
  { id: 'lapsed', label: 'Lapsed', description: 'No longer operative (expired, abandoned or superseded).' },
] as const);
export type AgreementStatus = (typeof AGREEMENT_STATUSES.ids)[number];

export const CONTEXT_EVENT_KINDS = terms([
  { id: 'indictment', label: 'Indictment', description: 'Criminal charges against state-linked hackers.' },
  { id: 'sanctions', label: 'Sanctions', description: 'Sanctions imposed or an authority to impose them created.' },
  { id: 'sanctions-threat', label: 'Sanctions threat', description: 'A public threat of sanctions.' },
  { id: 'summit', label: 'Summit', description: 'A leaders\' meeting or state visit.' },
  { id: 'dialogue-round', label: 'Dialogue round', description: 'A round of a bilateral or multilateral dialogue.' },
  { id: 'arrests', label: 'Arrests', description: 'Arrests of hackers by a state.' },
  { id: 'report', label: 'Report', description: 'An official or vendor report that shaped the debate.' },
  { id: 'statement', label: 'Statement', description: 'An official statement about compliance.' },
] as const);
export type ContextEventKind = (typeof CONTEXT_EVENT_KINDS.ids)[number];

export const SOURCE_QUOTE_STATUSES = terms([
  { id: 'verbatim', label: 'Verbatim', description: 'Quoted exactly from the primary text or a source quoting it directly.' },
  { id: 'secondary', label: 'Secondary', description: 'Quoted from press or commentary; the primary wording was not seen.' },
  { id: 'translation', label: 'Translation', description: 'A working translation, not an official one.' },
  { id: 'partial', label: 'Partial', description: 'The quote stops part-way because only an excerpt was seen.' },
] as const);
export type SourceQuoteStatus = (typeof SOURCE_QUOTE_STATUSES.ids)[number];
