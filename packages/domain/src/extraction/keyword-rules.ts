import type { ActivityType, AttributionBasis, TargetCategory } from '../model/taxonomy.js';

/**
 * Keyword rules for activity types and target categories, as data. Patterns are regex sources
 * made of literal alternatives (bounded, no nested quantifiers), matched case-insensitively on a
 * candidate's sentences. Rules are applied in order and a match blanks its words, so an earlier,
 * more specific rule wins ("energy companies" is critical infrastructure, not private sector).
 */
export interface KeywordRule<Id extends string> {
  readonly id: string;
  readonly to: Id;
  readonly pattern: string;
  readonly description: string;
  /** Matched without the `i` flag (the pattern relies on capitals). */
  readonly caseSensitive?: boolean;
}

/**
 * Words that show an attack is being described at all. An article with none gives no candidate
 * (sports, trade, diplomacy); target words count only after the first cue of their sentence.
 */
export const ATTACK_CUE_PATTERN = String.raw`\b(?:hack|hacks|hacked|hacking|hackers?|breach|breached|breaches|attack|attacks|attacked|cyberattacks?|cyber-attacks?|compromised?|intrusions?|infiltrated|targeted|targeting|stole|steal|stealing|stolen|theft|spear-phishing|phishing|malware|ransomware|wiper|DDoS|denial-of-service|defaced|defacing|espionage|spied|spying|exfiltrated|intercepted|password-spray|password spray|gained access|accessed|took down|disrupted|leaked|cut power|heist|cyber)\b`;

/** Words for companies, of any sector: espionage against them alone is read as commercial. */
export const COMPANY_WORDS_PATTERN = String.raw`\b(?:compan(?:y|ies)|firms?|businesses|corporations?|manufacturers?|carmakers?|contractors?)\b`;

/** "Espionage" whose purpose the words do not give; resolved from the target categories (see resolveEspionage). */
export const GENERIC_ESPIONAGE_PATTERN = String.raw`\b(?:espionage|spy|spying|spied|spies|stole data|steal data|stole information|steal information|stole documents|stole core technical data|stole scientific data|exfiltrated|cyberespionage|cyber-espionage)\b`;

export const ACTIVITY_RULES: readonly KeywordRule<ActivityType>[] = [
  { id: 'activity-commercial-secrets', to: 'commercial-espionage', pattern: String.raw`\b(?:intellectual property|trade secrets?|economic espionage|industrial espionage|commercial espionage|source code|chip designs?|business secrets|proprietary (?:data|information|technology)|competitive edge)\b`, description: 'Theft of intellectual property or trade secrets.' },
  { id: 'activity-political-intelligence', to: 'political-military-espionage', pattern: String.raw`\b(?:political espionage|military espionage|diplomatic intelligence|gather(?:ing)? intelligence|intelligence[- ]gathering|collect(?:ing)? intelligence|intercepted (?:calls|communications|messages)|wiretap|spy on military|spied on military|espionage purposes|unification policy)\b`, description: 'Collection of intelligence on governments, armed forces or diplomacy.' },
  { id: 'activity-personal-data', to: 'personal-data-theft', pattern: String.raw`\b(?:personnel records|personnel files|personal (?:data|information|records|details)|customer (?:data|records)|health records|patient records|passport (?:data|details)|fingerprints|security clearance|travel records|records of [0-9.,]{1,12} (?:million|billion))\b`, description: 'Bulk theft of personal records.' },
  { id: 'activity-financial', to: 'financial-theft', pattern: String.raw`\b(?:stole \$|\$[0-9][0-9.,]{0,12} (?:million|billion|m|bn)|cryptocurrency|crypto-assets|crypto assets|heist|fraudulent (?:payment|transfer)s?|SWIFT|bank robbery|theft of \$)\b`, description: 'Theft of money or crypto-assets.' },
  { id: 'activity-sabotage', to: 'sabotage', pattern: String.raw`\b(?:wiper|wiped|disk wiper|destructive|destroyed|destroy|sabotage|cut power|switch off|switched off|blackout|manipulate industrial control|industrial control systems|unusable|bricked)\b`, description: 'Destruction, wipers, power cuts, manipulation of industrial control.' },
  { id: 'activity-disruption', to: 'disruption', pattern: String.raw`\b(?:denial-of-service|denial of service|DDoS|offline|took down|knocked|defaced|defacing|defacement|disrupted|disruption|disrupting|disrupts|ransomware|outage)\b`, description: 'Denial of service, defacement, ransomware and other disruption.' },
  { id: 'activity-influence', to: 'influence-operation', pattern: String.raw`\b(?:leaked|leaking|leaks|hack-and-leak|disinformation|propaganda|influence operations?|fake news|trolls?)\b`, description: 'Hack-and-leak, disinformation, covert media influence.' },
  { id: 'activity-internal-affairs', to: 'internal-interference', pattern: String.raw`\b(?:elections?|electoral|voters|political part(?:y|ies)|interfere in|interference in|interfering in|dissidents|diaspora|referendum|presidential campaign)\b`, description: 'Operations aimed at a state\'s internal political order.' },
];

export const TARGET_RULES: readonly KeywordRule<TargetCategory>[] = [
  { id: 'target-critical-infrastructure', to: 'critical-infrastructure', pattern: String.raw`\b(?:(?:energy|power|electricity|utility|utilities|telecommunications|telecoms?|water|oil|gas|petrochemical|nuclear|aviation|shipping|rail|transport|health|financial)(?: (?:companies|company|firms|firm|providers|operators|sector|industry|utilities|utility|networks|infrastructure))?|power grid|grid|substations?|critical infrastructure|banks?|banking|SWIFT|hospitals?|National Health Service|health service|healthcare|airports?|airlines?|railways?|pipelines?|water utility|wiretap systems|communications)\b`, description: 'Energy, telecommunications, transport, water, finance, health (the taxonomy\'s list), and companies in those sectors.' },
  { id: 'target-military', to: 'military', pattern: String.raw`\b(?:armed forces|military personnel|military network|army officers|army|navy|air force|defence ministry|defense ministry|ministry of defen[cs]e|soldiers|troops|military)\b`, description: 'Armed forces, defence ministries and their networks.' },
  { id: 'target-civil-society', to: 'civil-society', pattern: String.raw`\b(?:universities|university|academia|academic|research institutes?|think tanks?|journalists?|media|broadcasts?|broadcaster|television|newspapers?|NGOs?|non-governmental|activists?|dissidents?|human rights|political part(?:y|ies)|campaign of|diaspora|students|religious)\b`, description: 'Academia, media, NGOs, parties, activists, individuals.' },
  { id: 'target-political-party', to: 'civil-society', pattern: String.raw`\b(?:[A-Z][a-z]{1,20} (?:Democratic |Republican )?Party|National Committee)\b`, description: 'A named political party ("Social Democratic Party", "Democratic National Committee").', caseSensitive: true },
  { id: 'target-government', to: 'government', pattern: String.raw`\b(?:governments?|government websites|ministr(?:y|ies)|parliament|parliamentary|MPs|lawmakers|legislat(?:ure|ors)|diplomats?|diplomatic|embass(?:y|ies)|foreign ministr(?:y|ies)|agency|agencies|Office of Personnel Management|state governments|public services|federal)\b`, description: 'Civilian government bodies, legislators, diplomats.' },
  { id: 'target-private-sector', to: 'private-sector', pattern: String.raw`\b(?:compan(?:y|ies)|firms?|businesses|corporations?|manufacturers?|carmakers?|contractors?|service providers|providers|enterprises|industr(?:y|ies)|vendors?|retailers?|clients|customers|exchanges?|blockchain|technology company|software company)\b`, description: 'Companies in general (outside the critical-infrastructure sectors).' },
];

/** Words that make an attribution a guess; a candidate supported only by hedged sentences loses points. */
export const HEDGE_PATTERN = String.raw`\b(?:suspected|likely|possibly|possible|probably|probable|may|might|could|alleged|allegedly|reportedly|believed|appears|privately|unnamed|people familiar)\b`;

/** Who made the attribution, read from the supporting sentences (first match wins). */
export interface BasisRule {
  readonly id: string;
  readonly basis: AttributionBasis;
  readonly pattern: string;
  readonly description: string;
}

export const BASIS_RULES: readonly BasisRule[] = [
  { id: 'basis-indictment', basis: 'indictment', pattern: String.raw`\b(?:indicted|indictment|charged|charges|grand jury|prosecutors|Justice Department|Department of Justice)\b`, description: 'Criminal charges.' },
  { id: 'basis-government', basis: 'government-attribution', pattern: String.raw`\b(?:government|ministry|officials|agencies|agency|National Cyber Security Centre|NCSC|CISA|FBI|intelligence service|Military Intelligence|Emergency Response Center|the UK and|the United States and)\b`, description: 'A government or its agency says so.' },
  { id: 'basis-vendor', basis: 'vendor-report', pattern: String.raw`\b(?:researchers|security firm|Mandiant|Microsoft|Symantec|CrowdStrike|Kaspersky|ESET|Proofpoint|Recorded Future|Google|report)\b`, description: 'A security company\'s report.' },
];
