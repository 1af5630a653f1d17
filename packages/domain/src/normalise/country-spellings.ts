import { findStateCode } from '../countries/country-registry.js';
import { spellingTable, type SpellingRule } from './spelling-table.js';

/**
 * alias: a country name the registry should know (candidates for countries/aliases.ts);
 * misspelling: a typo in one source, kept here rather than in the shared alias layer;
 * located-in: an organisation or sector that sits in one state (the victim's state, not a name of it);
 * not-a-state: a region, international body, people or marker that no state code can stand for.
 */
export type CountrySpellingKind = 'alias' | 'misspelling' | 'located-in' | 'not-a-state';

export interface CountrySpellingRule extends SpellingRule<string> {
  readonly kind: CountrySpellingKind;
}

const US_BANK_REASON = 'A bank headquartered in the United States.';
const INTERNATIONAL_BODY = 'An international organisation, not a state; its members or seat are not the victim state.';
const REGION = 'A region, not a state; the source does not say which states.';

/**
 * Country spellings in imported sources that the country registry does not resolve. Consulted only
 * after the registry, so moving an alias into countries/aliases.ts leaves this row unused (a test
 * then asks for it to be deleted here).
 */
export const COUNTRY_SPELLING_RULES: readonly CountrySpellingRule[] = [
  { id: 'country-misspelling-lebanon', kind: 'misspelling', spellings: ['Lebonon'], to: ['LB'] },
  { id: 'located-us-banks', kind: 'located-in', spellings: ['Bank of America', 'US Bancorp', 'Fifth Third Bank', 'Citigroup', 'PNC', 'BB&T', 'Wells Fargo', 'Capital One'], to: ['US'], reason: US_BANK_REASON },
  { id: 'located-us-companies', kind: 'located-in', spellings: ['AT&T', 'NYSE', 'Sony Pictures Entertainment'], to: ['US'], reason: 'A company or exchange in the United States (Sony Pictures Entertainment is the US subsidiary).' },
  { id: 'located-us-sectors', kind: 'located-in', spellings: ['U.S. government/defense sector websites', 'U.S. satellite and aerospace sector'], to: ['US'], reason: 'The spelling names the United States.' },
  { id: 'located-bangladesh-bank', kind: 'located-in', spellings: ['Bangladesh Bank'], to: ['BD'], reason: 'The central bank of Bangladesh.' },
  {
    id: 'located-south-korea',
    kind: 'located-in',
    spellings: ['Cryptocurrency exchanges in South Korea', 'Ministry of Unification', 'Sejong Institute', 'Korea Institute for Defense Analyses'],
    to: ['KR'],
    reason: 'A South Korean ministry, institute or market.',
  },
  { id: 'not-state-unknown', kind: 'not-a-state', spellings: ['Unknown'], to: [], reason: 'The source records that the state is not known.' },
  { id: 'not-state-global', kind: 'not-a-state', spellings: ['Global'], to: [], reason: 'Worldwide; the source names no state.' },
  {
    id: 'not-state-international-bodies',
    kind: 'not-a-state',
    spellings: ['European Union', 'European Commission', 'NATO', 'OSCE', 'Asia Pacific Economic Cooperation', 'Association of Southeast Asian Nations', 'World Anti-Doping Agency', 'International Association of Athletics Federations'],
    to: [],
    reason: INTERNATIONAL_BODY,
  },
  { id: 'not-state-multinational', kind: 'not-a-state', spellings: ['HSBC'], to: [], reason: 'A multinational bank; which country\'s operation was targeted is not stated.' },
  {
    id: 'not-state-regions',
    kind: 'not-a-state',
    spellings: ['Asia', 'Central Asia', 'East Asia', 'South Asia', 'Southeast Asia', 'Southeast Asian', 'Europe', 'Eastern Europe', 'Middle East', 'The Middle East', 'North America', 'South America', 'Southern Africa', 'Northeast Africa'],
    to: [],
    reason: REGION,
  },
  { id: 'not-state-kurdistan', kind: 'not-a-state', spellings: ['Kurdistan'], to: [], reason: 'A region spanning several states (IQ, IR, SY, TR) with no ISO code of its own.' },
  { id: 'not-state-peoples', kind: 'not-a-state', spellings: ['Uighurs', 'Iranian internet activists'], to: [], reason: 'A group of people, not a place: they may be at home or abroad (diaspora).' },
];

export const COUNTRY_SPELLINGS = spellingTable<string, CountrySpellingRule>('country spellings', COUNTRY_SPELLING_RULES);

/** state: resolved to an ISO code; unmapped: listed as not a state, or empty; unknown: not resolvable and not listed. */
export interface CountryNormalisation {
  readonly input: string;
  readonly outcome: 'state' | 'unmapped' | 'unknown';
  readonly code?: string;
  readonly via?: 'registry' | CountrySpellingKind;
  readonly ruleId?: string;
  readonly reason?: string;
}

/** Resolves a country name, alias or ISO code from a source: the registry first, then the table above. */
export function normaliseCountry(input: string): CountryNormalisation {
  if (input.trim() === '') return { input, outcome: 'unmapped', reason: 'The value is empty.' };
  const code = findStateCode(input);
  if (code !== undefined) return { input, outcome: 'state', code, via: 'registry' };
  const found = COUNTRY_SPELLINGS.lookup(input);
  const rule = found.rule;
  if (rule === undefined) return { input, outcome: 'unknown', reason: 'Not a country name or ISO code known to pactwatch, and not in the country-spelling table.' };
  const base = { input, via: rule.kind, ruleId: rule.id, ...(rule.reason === undefined ? {} : { reason: rule.reason }) };
  const target = rule.to[0];
  return target === undefined ? { ...base, outcome: 'unmapped' } : { ...base, outcome: 'state', code: target };
}
