/**
 * Hand-kept layers of the extraction gazetteer, on top of the country registry's names and
 * aliases (`countries/`), the stix-import demonyms and state organs and the capital metonyms of
 * `countries/aliases.ts`. Every entry has a stable id; the state is written as the registry's
 * alpha-2 code. See docs/EXTRACTION.md, "Gazetteer".
 */

export type MentionKind = 'country' | 'demonym' | 'metonym' | 'organ';

export interface GazetteerEntry {
  readonly id: string;
  /** The spelling as prose writes it (matched case-sensitively, whole words only). */
  readonly text: string;
  readonly state: string;
  readonly kind: MentionKind;
  readonly description: string;
}

/** Spellings the registry does not give as prose uses them: short forms, adjectives, seats of power. */
export const EXTRA_GAZETTEER: readonly GazetteerEntry[] = [
  { id: 'country-us-short', text: 'US', state: 'US', kind: 'country', description: 'The registry leaves two-letter codes to structured data; in news prose "US" is the country.' },
  { id: 'country-uk-short', text: 'UK', state: 'GB', kind: 'country', description: 'As "US".' },
  { id: 'country-us-dotted', text: 'U.S.', state: 'US', kind: 'country', description: 'Dotted form of "US".' },
  { id: 'country-uk-dotted', text: 'U.K.', state: 'GB', kind: 'country', description: 'Dotted form of "UK".' },
  { id: 'country-prc', text: 'PRC', state: 'CN', kind: 'country', description: 'People\'s Republic of China, common in government advisories.' },
  { id: 'country-dprk', text: 'DPRK', state: 'KP', kind: 'country', description: 'Democratic People\'s Republic of Korea.' },
  { id: 'country-georgia', text: 'Georgia', state: 'GE', kind: 'country', description: 'The country; kept only when the article confirms it (see AMBIGUOUS_NAMES), because the US state is as common in news.' },
  { id: 'demonym-american', text: 'American', state: 'US', kind: 'demonym', description: 'US adjective; "Latin/North/South American" are guarded.' },
  { id: 'demonym-georgian', text: 'Georgian', state: 'GE', kind: 'demonym', description: 'Adjective of Georgia (the country).' },
  { id: 'demonym-czech', text: 'Czech', state: 'CZ', kind: 'demonym', description: 'Adjective of Czechia.' },
  { id: 'demonym-albanian', text: 'Albanian', state: 'AL', kind: 'demonym', description: 'Adjective of Albania.' },
  { id: 'demonym-belgian', text: 'Belgian', state: 'BE', kind: 'demonym', description: 'Adjective of Belgium.' },
  { id: 'demonym-austrian', text: 'Austrian', state: 'AT', kind: 'demonym', description: 'Adjective of Austria.' },
  { id: 'demonym-swiss', text: 'Swiss', state: 'CH', kind: 'demonym', description: 'Adjective of Switzerland.' },
  { id: 'demonym-irish', text: 'Irish', state: 'IE', kind: 'demonym', description: 'Adjective of Ireland.' },
  { id: 'demonym-portuguese', text: 'Portuguese', state: 'PT', kind: 'demonym', description: 'Adjective of Portugal.' },
  { id: 'demonym-singaporean', text: 'Singaporean', state: 'SG', kind: 'demonym', description: 'Adjective of Singapore.' },
  { id: 'demonym-cambodian', text: 'Cambodian', state: 'KH', kind: 'demonym', description: 'Adjective of Cambodia.' },
  { id: 'demonym-new-zealand', text: 'New Zealand', state: 'NZ', kind: 'country', description: 'Also used as an adjective.' },
  { id: 'demonym-slovak', text: 'Slovak', state: 'SK', kind: 'demonym', description: 'Adjective of Slovakia.' },
  { id: 'demonym-bulgarian', text: 'Bulgarian', state: 'BG', kind: 'demonym', description: 'Adjective of Bulgaria.' },
  { id: 'demonym-montenegrin', text: 'Montenegrin', state: 'ME', kind: 'demonym', description: 'Adjective of Montenegro.' },
  { id: 'demonym-kyrgyz', text: 'Kyrgyz', state: 'KG', kind: 'demonym', description: 'Adjective of Kyrgyzstan.' },
  { id: 'demonym-tajik', text: 'Tajik', state: 'TJ', kind: 'demonym', description: 'Adjective of Tajikistan.' },
  { id: 'metonym-whitehall', text: 'Whitehall', state: 'GB', kind: 'metonym', description: 'The UK government by its street.' },
  { id: 'metonym-downing-street', text: 'Downing Street', state: 'GB', kind: 'metonym', description: 'The UK prime minister\'s office.' },
  { id: 'metonym-kremlin', text: 'Kremlin', state: 'RU', kind: 'metonym', description: 'The Russian leadership.' },
  { id: 'metonym-white-house', text: 'White House', state: 'US', kind: 'metonym', description: 'The US administration.' },
  { id: 'metonym-pentagon', text: 'Pentagon', state: 'US', kind: 'metonym', description: 'The US Department of Defense.' },
  { id: 'metonym-tbilisi', text: 'Tbilisi', state: 'GE', kind: 'metonym', description: 'Capital of Georgia.' },
  { id: 'metonym-tirana', text: 'Tirana', state: 'AL', kind: 'metonym', description: 'Capital of Albania.' },
  { id: 'metonym-the-hague', text: 'The Hague', state: 'NL', kind: 'metonym', description: 'Seat of the Dutch government.' },
  { id: 'metonym-prague', text: 'Prague', state: 'CZ', kind: 'metonym', description: 'Capital of Czechia.' },
  { id: 'metonym-warsaw', text: 'Warsaw', state: 'PL', kind: 'metonym', description: 'Capital of Poland.' },
  { id: 'metonym-rome', text: 'Rome', state: 'IT', kind: 'metonym', description: 'Capital of Italy.' },
  { id: 'metonym-madrid', text: 'Madrid', state: 'ES', kind: 'metonym', description: 'Capital of Spain.' },
  { id: 'metonym-stockholm', text: 'Stockholm', state: 'SE', kind: 'metonym', description: 'Capital of Sweden.' },
  { id: 'metonym-oslo', text: 'Oslo', state: 'NO', kind: 'metonym', description: 'Capital of Norway.' },
  { id: 'metonym-minsk', text: 'Minsk', state: 'BY', kind: 'metonym', description: 'Capital of Belarus.' },
  { id: 'metonym-wellington', text: 'Wellington', state: 'NZ', kind: 'metonym', description: 'Capital of New Zealand.' },
  { id: 'organ-nsa', text: 'National Security Agency', state: 'US', kind: 'organ', description: 'US signals intelligence.' },
  { id: 'organ-nsa-short', text: 'NSA', state: 'US', kind: 'organ', description: 'US signals intelligence.' },
  { id: 'organ-cia', text: 'CIA', state: 'US', kind: 'organ', description: 'US foreign intelligence.' },
  { id: 'organ-gchq', text: 'GCHQ', state: 'GB', kind: 'organ', description: 'UK signals intelligence.' },
  { id: 'organ-unit-8200', text: 'Unit 8200', state: 'IL', kind: 'organ', description: 'Israeli signals intelligence.' },
  { id: 'organ-svr-long', text: 'Foreign Intelligence Service', state: 'RU', kind: 'organ', description: 'Russia\'s SVR as news writes it; other states\' services are named with their country, which then wins.' },
];

/**
 * A name that is a state only when the article confirms it: otherwise it is a person ("Jordan
 * Smith"), a US state ("Atlanta, Georgia") or a country of the same name.
 */
export interface AmbiguousName {
  readonly id: string;
  readonly text: string;
  /** Regex source searched in the whole article; no match → the mention is dropped. */
  readonly confirmedBy: string;
  readonly description: string;
}

export const AMBIGUOUS_NAMES: readonly AmbiguousName[] = [
  { id: 'ambiguous-georgia', text: 'Georgia', confirmedBy: String.raw`\b(?:Tbilisi|Georgian|South Ossetia|Abkhazia|Caucasus)\b`, description: 'Georgia is also a US state ("Atlanta, Georgia", "Georgia\'s secretary of state"): the country needs its capital, adjective or region.' },
  { id: 'ambiguous-jordan', text: 'Jordan', confirmedBy: String.raw`\b(?:Amman|Jordanian|Kingdom of Jordan|Hashemite)\b`, description: 'Jordan is a common first and last name.' },
  { id: 'ambiguous-chad', text: 'Chad', confirmedBy: String.raw`\b(?:N'Djamena|Chadian)\b`, description: 'Chad is a common first name.' },
  { id: 'ambiguous-niger', text: 'Niger', confirmedBy: String.raw`\b(?:Niamey|Nigerien)\b`, description: 'Niger is also a river and part of "Niger Delta" (Nigeria).' },
  { id: 'ambiguous-turkey', text: 'Turkey', confirmedBy: String.raw`\b(?:Ankara|Turkish|Istanbul|Erdogan)\b`, description: 'A bird and a holiday meal; rare in threat reporting, but cheap to guard.' },
];

/**
 * Phrases in which a state spelling is not the state: a newspaper or broadcaster (a source, not an
 * actor), a US state or place, a language. A mention inside a match is dropped.
 */
export interface FalsePositiveGuard {
  readonly id: string;
  /** Regex source, matched case-sensitively on the normalised sentence. */
  readonly pattern: string;
  readonly description: string;
}

export const FALSE_POSITIVE_GUARDS: readonly FalsePositiveGuard[] = [
  { id: 'guard-newspapers', pattern: String.raw`\b(?:Washington (?:Post|Times|Examiner)|China Daily|Japan Times|Moscow Times|Tehran Times|Taipei Times|Jerusalem Post|Times of India|Russia Today|Voice of America|Kyiv Independent|Jordan Times|Irish Times|New Zealand Herald|Sydney Morning Herald|Financial Times)\b`, description: 'Newspapers and broadcasters named after a place report the story; they are not a party to it.' },
  { id: 'guard-washington-other', pattern: String.raw`\b(?:George Washington|University of Washington|Washington State|Washington state|Washington Commanders|Washington Nationals|Washington Wizards|Washington Capitals)\b`, description: 'Washington as a person, a university, the US state or a sports team.' },
  { id: 'guard-us-places', pattern: String.raw`\b(?:New Mexico|New Jersey|Georgia Tech|University of Georgia|Atlanta, Georgia|Georgia's secretary of state|state of Georgia|Paris, Texas|Moscow, Idaho|Lebanon, (?:New Hampshire|Pennsylvania|Ohio|Tennessee|Missouri)|Jordan Valley)\b`, description: 'US states, towns and universities spelled like countries or capitals.' },
  { id: 'guard-other-places', pattern: String.raw`\b(?:Niger Delta|Latin America|Latin American|North American|South American|Central American|Native American|Papua New Guinea|Equatorial Guinea|Guinea-Bissau|Dominican Republic)\b`, description: 'Regions and other states whose names contain a state name (the longest match wins for states in the registry; these are the rest).' },
  { id: 'guard-language', pattern: String.raw`\b(?:[A-Z][a-z]+-(?:speaking|language)|[A-Z][a-z]+ (?:speakers|language|speaking))\b`, description: 'A language is not a nationality: "Russian-speaking ransomware gang", "Chinese-language media".' },
  { id: 'guard-food-and-things', pattern: String.raw`\b(?:French fries|Turkish delight|Swiss cheese|Swiss army knife|Danish pastry|German shepherd|Russian roulette|Chinese whispers|Brussels sprouts)\b`, description: 'Everyday phrases that contain a demonym or a capital.' },
];
