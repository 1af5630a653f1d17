/**
 * Sentence patterns that give a named state a role: the accused state (sponsor), a state whose
 * people, bodies or companies were hit (victim), or the state that reports or accuses (accuser,
 * used only as a last-resort victim). Rules run on a MASKED sentence in which every gazetteer and
 * actor mention is replaced by a token (`⟦C3⟧`: mention 3, a country name), so a pattern never
 * repeats the gazetteer and cannot backtrack into it.
 *
 * Slots:
 * - `{state}`: any state mention (country name, demonym, capital metonym, state organ), captured;
 * - `{organ}`: a state organ ("GRU", "IRGC", "National Security Agency"), captured;
 * - `{actor}`: a catalogued actor name or alias (not captured unless the rule's role is about it);
 * - `{gap}`: up to 60 characters with no full stop, semicolon or other mention;
 * - `{short}`: the same, up to 30 characters;
 * - `{tail}`: an optional organ word after the state ("Russia's military intelligence").
 * Every quantifier is bounded and none is nested (docs/EXTRACTION.md, "ReDoS").
 */

export type RoleName = 'sponsor' | 'victim' | 'accuser';
/** How directly the rule states the role; the confidence score reads it. */
export type RoleStrength = 'explicit' | 'nationality' | 'location';

export interface RoleRule {
  readonly id: string;
  readonly role: RoleName;
  readonly strength: RoleStrength;
  readonly description: string;
  readonly pattern: string;
  /** Matched without the `i` flag (the pattern relies on lower-case words or capitals). */
  readonly caseSensitive?: boolean;
  /** The sentence must also contain an attack cue (ATTACK_CUE_PATTERN). */
  readonly needsAttackCue?: boolean;
}

/** Verbs that make a state the reporter of a claim rather than its subject ("Chinese officials said"). */
export const REPORTING_VERBS = 'said|says|say|told|warned|reported|found|believes|believed|confirmed|announced|published|issued|added|wrote|attributed|attributes|blamed|blames|accused|accuses|charged|charges|indicted|summoned|summons|sanctioned|expelled|responded|agreed|welcomed|condemned|called|urged|denied|denies|stated|noted|disclosed|revealed|named';
const ADVERBS = 'privately|publicly|also|later|previously|officially|formally|jointly|on Monday|on Tuesday|on Wednesday|on Thursday|on Friday';
export const NOT_REPORTING = `(?! (?:(?:${ADVERBS}) )?(?:${REPORTING_VERBS})\\b)`;

const ACTOR_NOUNS = 'hackers|hacker|hacking group|hacking team|hacking unit|group|groups|actor|actors|spies|spy agency|operatives|APT|APTs|agents|intelligence agencies|intelligence agency|intelligence services|intelligence service|intelligence officers|cyberspies|cyber spies|cyber units|cyber unit|unit|military hackers|threat actor|threat actors|attackers';
const ACTOR_QUALIFIERS = 'state|government|military|intelligence|state-sponsored|state-backed|state-linked|cyber|threat|espionage|nation-state|military intelligence|hacking';

/** Nouns whose owner state is a victim ("US companies", "the Australian parliament"). */
export const VICTIM_NOUNS = 'companies|company|firms|firm|businesses|banks|bank|government|governments|ministries|ministry|parliament|agencies|agency|networks|network|universities|university|research institutes|institutes|think tanks|websites|utilities|utility|hospitals|hospital|MPs|lawmakers|politicians|diplomats|embassy|embassies|military|army|armed forces|navy|officers|infrastructure|power grid|grid|telecommunications|telecoms|carriers|operators|elections|election|voters|journalists|dissidents|activists|citizens|users|manufacturers|carmakers|semiconductor|industry|industries|sector|organisations|organizations|targets|victims|entities|officials|television|broadcaster|broadcasters|media|health service|National Health Service|Office of Personnel Management|state governments|substations|water|oil|gas|petrochemical|aviation|airlines|airports|ports|shipping|railways|schools|students|scientists|researchers|defence|defense|nuclear|energy|power|parties|party|systems|servers|accounts';

const TAIL = String.raw`(?:'s)?(?: (?:military intelligence|military|government|intelligence services|intelligence service|intelligence agency|intelligence|security services|security service|armed forces|army|state|regime|authorities))?`;

export const ROLE_RULES: readonly RoleRule[] = [
  // Sponsor: explicit state links.
  { id: 'sponsor-state-sponsored', role: 'sponsor', strength: 'explicit', description: 'A state followed by "state-sponsored", "state-backed", "government-linked", "state-aligned" ("Chinese state-sponsored hackers").', pattern: String.raw`{state}(?: \([A-Z]{2,5}\) | |-)(?:state|government)[ -]?(?:sponsored|backed|linked|aligned|directed|affiliated)\b` },
  { id: 'sponsor-hyphen-link', role: 'sponsor', strength: 'explicit', description: 'A state joined by a hyphen to "backed", "linked", "aligned", "nexus", "sponsored" ("Beijing-backed", "Pakistan-linked").', pattern: String.raw`{state}-(?:backed|sponsored|linked|aligned|nexus|affiliated|directed|controlled|run)\b` },
  { id: 'sponsor-attributed-to', role: 'sponsor', strength: 'explicit', description: '"attributed / linked / tied / traced … to" a state ("attributed the attack to the Russian military").', pattern: String.raw`\b(?:attributed|attributes|attributing|attribution|linked|links|linking|tied|ties|traced|connected|pinned|blamed|blames)\b{gap} (?:to|on) (?:the )?{state}${TAIL}` },
  { id: 'sponsor-blamed', role: 'sponsor', strength: 'explicit', description: '"blamed / accused / named" a state ("US officials privately blamed China", "accused the US National Security Agency").', pattern: String.raw`\b(?:blamed|blames|blaming|accused|accuses|accusing|named|implicated|implicates)(?: (?:the|a))? {state}${TAIL}` },
  { id: 'sponsor-behind', role: 'sponsor', strength: 'explicit', description: 'A state (or its organ) "was behind / responsible" ("Russia\'s GRU was behind a cyberattack").', pattern: String.raw`{state}(?:'s ⟦O\d{1,3}⟧| ⟦O\d{1,3}⟧|'s|){short}\b(?:was|were|is|are|had been|has been) (?:behind|responsible)\b` },
  { id: 'sponsor-controlled-by', role: 'sponsor', strength: 'explicit', description: '"controlled / run / directed / sponsored / operated by" or "working for / on behalf of" a state ("controlled by Russia\'s military intelligence service").', pattern: String.raw`\b(?:(?:controlled|run|directed|sponsored|operated|backed|tasked|employed) by|(?:working|acting|works|acts|worked|acted) (?:for|on behalf of)) (?:the )?{state}${TAIL}` },
  { id: 'sponsor-actor-apposition', role: 'sponsor', strength: 'explicit', description: 'A catalogued actor followed by an apposition naming a state ("APT10, a Chinese group", "Star Blizzard, an actor linked to Russia\'s FSB").', pattern: String.raw`{actor}, (?:a|an|the|which|who|one of)\b[^.;⟦⟧,]{0,60}?{state}` },
  { id: 'sponsor-possessive-actor', role: 'sponsor', strength: 'explicit', description: 'A state\'s actor ("North Korea\'s Lazarus Group").', pattern: String.raw`{state}'s {actor}` },
  { id: 'sponsor-organ', role: 'sponsor', strength: 'explicit', description: 'A state organ ("GRU", "IRGC", "People\'s Liberation Army") in a sentence about an attack, unless the organ is the one reporting ("the NSA said").', pattern: String.raw`{organ}${NOT_REPORTING}`, needsAttackCue: true },
  // Sponsor: nationality of the hackers.
  { id: 'sponsor-nationality-noun', role: 'sponsor', strength: 'nationality', description: 'A state before a word for hackers ("Chinese hackers", "North Korean group", "US intelligence agencies"), unless they report ("Dutch intelligence services said").', pattern: `{state}(?:'s)?(?: (?:${ACTOR_QUALIFIERS})){0,2} (?:${ACTOR_NOUNS})\\b${NOT_REPORTING}` },
  { id: 'sponsor-state-as-attacker', role: 'sponsor', strength: 'nationality', description: 'A state as the subject of an attack verb ("Beijing hacked", "Russia targeted"), not passive.', pattern: String.raw`{state} (?:hacked|breached|attacked|targeted|stole|spied on|infiltrated|compromised|penetrated|launched)\b(?! by)` },
  { id: 'sponsor-operating-from', role: 'sponsor', strength: 'nationality', description: 'Hackers based in or operating from a state ("a group operating out of China").', pattern: String.raw`\b(?:based in|operating from|operating out of|operates from|operates out of|originating from|originating in|located in) (?:the )?{state}`, needsAttackCue: true },
  // Victim.
  { id: 'victim-attack-verb', role: 'victim', strength: 'explicit', description: 'An attack verb followed in the same clause by a state ("targeted car manufacturers in Germany", "against US banks").', pattern: String.raw`\b(?:target|targets|targeted|targeting|against|breach|breached|breaching|hack|hacked|hacking|attacked|attacking|attacks on|attack on|cyberattacks on|cyberattack on|hit|hitting|compromise|compromised|compromising|infiltrated|infiltrating|penetrated|spied on|spying on|disrupted|disrupting|defaced|defacing|stole|steal|stealing|theft|cut power to|took down|knocked|intrusion into|intrusions into|access to|went after|go after|goes after|struck|spy on)\b{gap}{state}` },
  { id: 'victim-owner-noun', role: 'victim', strength: 'explicit', description: 'A state owning the attacked thing ("US companies", "the Australian parliament", "Ukrainian banks"), unless it reports ("the UK government attributed").', pattern: `{state}(?:'s)? [a-z -]{0,30}?\\b(?:${VICTIM_NOUNS})\\b${NOT_REPORTING}`, caseSensitive: true },
  { id: 'victim-victims-in', role: 'victim', strength: 'explicit', description: '"victims in / from" a state.', pattern: String.raw`\bvictims? (?:in|from|across) (?:the )?{state}` },
  { id: 'victim-passive', role: 'victim', strength: 'explicit', description: 'A state\'s thing "was breached / hacked / targeted" ("The Australian parliament\'s computer network was breached").', pattern: String.raw`{state}(?:'s)?[^.;⟦⟧]{0,40}? (?:was|were|has been|have been|had been) (?:breached|hacked|targeted|attacked|compromised|hit|infiltrated|penetrated|disrupted|defaced)\b` },
  { id: 'victim-location', role: 'victim', strength: 'location', description: 'A place in a sentence with an attack cue ("in the UK, Japan and the United States", "ministries of Armenia").', pattern: String.raw`\b(?:in|of|across|inside|throughout|at) (?:the )?{state}(?!'s? (?:hackers|group|actors?)\b)`, needsAttackCue: true },
  // Accuser: the state that reports the attack, a victim only when nothing else is.
  { id: 'accuser-reports', role: 'accuser', strength: 'location', description: 'A state (or its officials, government, agencies) that says, accuses or charges ("Berlin said", "US charges", "Chinese authorities accused"). Used as the victim only when a candidate has no other victim.', pattern: String.raw`{state}(?:'s)?[^.;⟦⟧,]{0,40}? (?:said|says|accused|accuses|attributed|attributes|blamed|blames|charged|charges|indicted|indicts|warned|announced|exposes|exposed)\b` },
];

/** A sentence with one of these says the link is not established: no sponsor role is read in it. */
export const SPONSOR_NEGATION_PATTERN = String.raw`\b(?:no evidence|no sign|no indication|not been (?:confirmed|attributed|established)|no link|not (?:linked|attributed|state-sponsored)|unrelated to any)\b`;

/** Joiners of a list of states that share one role ("in the UK, Japan and the United States"). */
export const LIST_JOINER_PATTERN = String.raw`^(?:,|, and|, or| and| or| as well as|, as well as)(?: the)? $`;

/**
 * Dependent territories whose victims count for the sovereign state: commitments bind states, and
 * an intrusion into Guam's utilities is one against the United States.
 */
export const TERRITORY_SOVEREIGN: Readonly<Record<string, string>> = {
  GU: 'US', PR: 'US', VI: 'US', AS: 'US', MP: 'US', UM: 'US',
  GI: 'GB', BM: 'GB', KY: 'GB', VG: 'GB', FK: 'GB', MS: 'GB', TC: 'GB', AI: 'GB', SH: 'GB', IO: 'GB', PN: 'GB', GS: 'GB',
  GL: 'DK', FO: 'DK', AW: 'NL', CW: 'NL', SX: 'NL', BQ: 'NL',
  GF: 'FR', GP: 'FR', MQ: 'FR', RE: 'FR', YT: 'FR', NC: 'FR', PF: 'FR', PM: 'FR', WF: 'FR', BL: 'FR', MF: 'FR', TF: 'FR',
  CX: 'AU', CC: 'AU', NF: 'AU', HM: 'AU', TK: 'NZ', NU: 'NZ', CK: 'NZ',
};
