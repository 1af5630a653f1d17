/**
 * Data for reading a sponsor state out of threat-actor prose (MITRE ATT&CK group descriptions
 * state attribution only in sentences such as "APT28 … has been attributed to Russia's General
 * Staff Main Intelligence Directorate"). Every pattern has a stable id, quoted in the actor's
 * sources so a reader can see which rule produced a sponsor. The result is always a LOW-confidence
 * sponsor (at most 40), never a fact: see docs/IMPORT-STIX.md.
 *
 * Slots in `pattern` (regex source, matched case-sensitively on text whose curly apostrophes were
 * straightened):
 * - `{state}`: a country name (registry names and aliases) or a demonym from STATE_DEMONYMS;
 * - `{country}`: a country name only;
 * - `{demonym}`: a demonym only;
 * - `{organ}`: a state organ from STATE_ORGANS;
 * - `{hyphen}`: any hyphen or dash ("North Korea–aligned" uses an en dash).
 * Each pattern has exactly one state-bearing slot.
 */

export interface SponsorPattern {
  readonly id: string;
  readonly description: string;
  readonly pattern: string;
  /**
   * `sentence`: anywhere in any sentence. `subject`: only in the head clause (up to the first
   * "that", "which", "who" or ";") of a sentence that starts with the actor's name or "The group",
   * so "X … has targeted Russian companies" never makes Russia X's sponsor.
   */
  readonly scope: 'sentence' | 'subject';
  /** Confidence (0–100) given to a match; lowered by HEDGE_PENALTY when the sentence hedges. */
  readonly confidence: number;
}

/** A state-link phrase: the prose says the state sponsors, directs or houses the actor's organ. */
const STATE_LINK = 40;
/** Nationality or origin only ("a Chinese threat group", "operating out of China"). */
const ORIGIN = 30;

export const HEDGE_PENALTY = 10;

/** The highest confidence a prose-derived sponsor can have. */
export const PROSE_SPONSOR_MAX_CONFIDENCE = 40;

const ASSOCIATION = String.raw`(?:linked|tied|connected|associated|affiliated|aligned)\s+(?:with|to)|on behalf of|at the behest of|in support of|in association with|(?:subordinate\s+)?element\s+(?:within|of)|subordinate to|nexus to|working for|(?:conducted|directed|sponsored|controlled|operated|run)\s+by`;
/** Up to three words between "is a" and the nationality ("is a suspected"), but no preposition: "a group linked to Russian interests" is not a nationality. */
const FILLER = String.raw`(?:(?!(?:to|with|of|in|by|for|from|against|at|on|targeting|and|or)\b)[\w-]+\s+){0,3}?`;
const ORGAN_WORDS = String.raw`(?:government|state|regime|military|intelligence|armed forces|security services?|Ministry|General Staff|Federal Security|Main Intelligence|Islamic Revolutionary Guard|People's Liberation Army)`;

export const SPONSOR_PATTERNS: readonly SponsorPattern[] = [
  {
    id: 'state-sponsored-adjective',
    description: 'A country or demonym followed by "state-sponsored", "state-backed", "government-sponsored" ("North Korean state-sponsored", "People\'s Republic of China (PRC) state-sponsored").',
    pattern: String.raw`{state}(?:\s*\([A-Z]{2,5}\))?(?:\s+|{hyphen})(?:state|government){hyphen}?\s?(?:sponsored|backed|directed)\b`,
    scope: 'sentence',
    confidence: STATE_LINK,
  },
  {
    id: 'demonym-sponsored',
    description: 'A demonym joined to "sponsored" or "backed" ("Iranian-sponsored").',
    pattern: String.raw`{demonym}{hyphen}(?:sponsored|backed)\b`,
    scope: 'sentence',
    confidence: STATE_LINK,
  },
  {
    id: 'demonym-state-actors',
    description: 'A demonym followed by "state actors" or "state cyber actors" ("Iranian state cyber actors").',
    pattern: String.raw`{demonym}\s+state\s+(?:cyber\s+)?actors?\b`,
    scope: 'sentence',
    confidence: STATE_LINK,
  },
  {
    id: 'attributed-to-state',
    description: '"attributed (…) to" a country, a country\'s organ or a demonym naming an organ ("attributed to Russia\'s General Staff", "attributed to China.", "attributed to the Lebanese General Directorate").',
    pattern: String.raw`\battributed\s+(?:[^\s.;,]+\s+){0,5}?to\s+(?:the\s+)?(?:actors\s+operating\s+out\s+of\s+)?{state}(?:'s\b|(?=\s*[.;,)]|\s*$)|\s+(?:government|state|military|intelligence|armed|actors|[A-Z][\w']*))`,
    scope: 'sentence',
    confidence: STATE_LINK,
  },
  {
    id: 'associated-with-state-organ',
    description: 'An association phrase ("linked to", "on behalf of", "element within", "nexus to") before a country\'s or demonym\'s government, military, intelligence or ministry ("element within Iran\'s Ministry of Intelligence", "on behalf of the Iranian government").',
    pattern: String.raw`\b(?:${ASSOCIATION})\s+(?:the\s+)?{state}(?:'s)?\s+${ORGAN_WORDS}`,
    scope: 'sentence',
    confidence: STATE_LINK,
  },
  {
    id: 'associated-with-government-of',
    description: 'An association phrase before "the government of" a country ("at the behest of the government of Iran").',
    pattern: String.raw`\b(?:${ASSOCIATION})\s+(?:the\s+)?(?:government|regime)\s+of\s+(?:the\s+)?{country}\b`,
    scope: 'sentence',
    confidence: STATE_LINK,
  },
  {
    id: 'state-organ',
    description: 'An attribution or association word followed in the same sentence by a state organ of one state ("attributed to … GRU", "indicted six GRU Unit 74455 officers", "attributed to … the PLA").',
    pattern: String.raw`\b(?:attributed|linked|tied|associated|affiliated|indicted|subordinate|element|behalf)\b[^.;]{0,120}?\b{organ}\b`,
    scope: 'sentence',
    confidence: STATE_LINK,
  },
  {
    id: 'state-sponsored-operating-from',
    description: '"state-sponsored" and, in the same clause, "operating out of" / "based in" a country ("a likely state-sponsored … group operating out of China").',
    pattern: String.raw`\bstate{hyphen}sponsored\b[^.;]{0,80}?\b(?:operating|based|originating|located)\s+(?:out\s+of|from|in)\s+(?:the\s+)?{country}\b`,
    scope: 'sentence',
    confidence: STATE_LINK,
  },
  {
    id: 'subject-nationality',
    description: 'The actor "is a (suspected) <demonym> …" ("APT33 is a suspected Iranian threat group"); a language ("Russian-speaking") is not a nationality.',
    pattern: String.raw`\b(?:is|are|was|were|as)\s+(?:a|an|one of (?:the|several))\s+${FILLER}{demonym}(?!{hyphen}?\s?(?:speaking|language))(?:{hyphen}(?:nexus|linked|aligned|related|affiliated))?\b`,
    scope: 'subject',
    confidence: ORIGIN,
  },
  {
    id: 'subject-country-based',
    description: 'The actor "is a <country>-based / -nexus / -linked / -aligned / -related …" ("a China-based threat group", "a North Korea–aligned threat group").',
    pattern: String.raw`\b(?:is|are|was|were|as)\s+(?:a|an)\s+${FILLER}{country}(?:\s*\([A-Z]{2,5}\))?{hyphen}(?:based|nexus|linked|aligned|related|affiliated)\b`,
    scope: 'subject',
    confidence: ORIGIN,
  },
  {
    id: 'subject-operating-from',
    description: 'The actor operates out of, is based in or originates in a country ("operating out of China", "originating in Russia", "operate from the Guandong Province of China").',
    pattern: String.raw`\b(?:operating|operates|operate|based|originating|located|headquartered)\s+(?:out\s+of|from|in)\s+(?:the\s+)?(?:[A-Z]\w+\s+Province\s+of\s+)?{country}\b`,
    scope: 'subject',
    confidence: ORIGIN,
  },
  {
    id: 'subject-origins',
    description: 'The actor has "<demonym> origins" or a "<demonym> nexus" ("with Chinese origins", "suspected to have South Korean origins").',
    pattern: String.raw`{demonym}\s+(?:origins?|nexus|roots)\b`,
    scope: 'subject',
    confidence: ORIGIN,
  },
];

/** Demonyms → the country name the registry resolves (the registry, not this table, gives the ISO code). */
export const STATE_DEMONYMS: Readonly<Record<string, string>> = {
  Chinese: 'China', Russian: 'Russia', 'North Korean': 'North Korea', 'South Korean': 'South Korea', Iranian: 'Iran',
  Vietnamese: 'Vietnam', Pakistani: 'Pakistan', Indian: 'India', Lebanese: 'Lebanon', Israeli: 'Israel', Turkish: 'Turkey',
  Belarusian: 'Belarus', Belorussian: 'Belarus', Syrian: 'Syria', Emirati: 'United Arab Emirates', Ukrainian: 'Ukraine',
  Palestinian: 'Palestine', Saudi: 'Saudi Arabia', British: 'United Kingdom', French: 'France',
  German: 'Germany', Spanish: 'Spain', Italian: 'Italy', Kazakh: 'Kazakhstan', Egyptian: 'Egypt', Nigerian: 'Nigeria',
  Brazilian: 'Brazil', Turkmen: 'Turkmenistan', Uzbek: 'Uzbekistan', Azerbaijani: 'Azerbaijan', Armenian: 'Armenia',
  Iraqi: 'Iraq', Qatari: 'Qatar', Kuwaiti: 'Kuwait', Jordanian: 'Jordan', Moroccan: 'Morocco',
  Algerian: 'Algeria', Tunisian: 'Tunisia', Libyan: 'Libya', Yemeni: 'Yemen', Afghan: 'Afghanistan', Bangladeshi: 'Bangladesh',
  Indonesian: 'Indonesia', Malaysian: 'Malaysia', Thai: 'Thailand', Filipino: 'Philippines', Japanese: 'Japan', Taiwanese: 'Taiwan',
  Mongolian: 'Mongolia', Cuban: 'Cuba', Venezuelan: 'Venezuela', Colombian: 'Colombia', Mexican: 'Mexico', Canadian: 'Canada',
  Australian: 'Australia', Dutch: 'Netherlands', Polish: 'Poland', Romanian: 'Romania', Serbian: 'Serbia', Hungarian: 'Hungary',
  Greek: 'Greece', Swedish: 'Sweden', Norwegian: 'Norway', Finnish: 'Finland', Danish: 'Denmark', Estonian: 'Estonia',
  Latvian: 'Latvia', Lithuanian: 'Lithuania', Moldovan: 'Republic of Moldova', Ethiopian: 'Ethiopia', Sudanese: 'Sudan',
};

/**
 * Country names skipped in prose because they name more than one state or are commonly part of
 * other names: "Korea" (North or South), "America" ("Latin America"), "Congo" (two states),
 * "Jersey" ("New Jersey"), "Georgia" (also a US state), and historical names. "Korean" and
 * "American" are left out of STATE_DEMONYMS for the same reasons ("inter-Korean", "Latin American").
 */
export const PROSE_EXCLUDED_NAMES: readonly string[] = ['Korea', 'America', 'Congo', 'Jersey', 'Georgia', 'Persia', 'USSR', 'Soviet Union'];

/**
 * State organs named in ATT&CK prose that belong to one state only. Ambiguous names are left out
 * on purpose: "MSS" (China and North Korea both have a Ministry of State Security), "Foreign
 * Intelligence Service".
 */
export const STATE_ORGANS: Readonly<Record<string, string>> = {
  GRU: 'Russia', GTsSS: 'Russia', GTsST: 'Russia', FSB: 'Russia', SVR: 'Russia', 'Main Intelligence Directorate': 'Russia',
  'Federal Security Service': 'Russia',
  PLA: 'China', "People's Liberation Army": 'China',
  RGB: 'North Korea', 'Reconnaissance General Bureau': 'North Korea',
  IRGC: 'Iran', 'Islamic Revolutionary Guard Corps': 'Iran', MOIS: 'Iran', 'Ministry of Intelligence and Security': 'Iran',
};

/** Words that make a sentence hedge its claim; a match in such a sentence loses HEDGE_PENALTY. */
export const HEDGE_WORDS: readonly string[] = ['suspected', 'likely', 'possibly', 'possible', 'probably', 'probable', 'may', 'might', 'could', 'alleged', 'allegedly', 'reportedly', 'believed', 'appears', 'appear'];

/** A sentence with one of these says the link is not established: nothing in it counts. */
export const NEGATION_PATTERN = String.raw`\b(?:(?:has|have|had|was|were|is|are)\s+not\s+been|not\s+(?:been\s+)?(?:confirmed|definite|definitively|directly|established)|no\s+(?:evidence|link)|unconfirmed)\b`;

/**
 * An actor described as criminal: its nationality is not sponsorship, so subject-scoped patterns
 * are skipped when the description calls it a criminal group anywhere, or when the head clause of
 * the sentence says "financially motivated" or "ransomware" ("a Russia-based financially motivated
 * threat group"). Mixed descriptions ("both cyberespionage and financially motivated operations")
 * keep their subject patterns.
 */
export const CRIMINAL_ACTOR_PATTERN = String.raw`\b(?:cyber\s?criminals?|criminal\s+(?:group|organi[sz]ation|gang|enterprise|actor|syndicate)s?|cybercrime\s+(?:group|gang|actor)s?)\b`;
export const CRIMINAL_HEAD_PATTERN = String.raw`\b(?:financially[\s-]motivated|ransomware|criminal|cybercrime)\b`;
