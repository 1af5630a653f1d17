import { allStates, findStateCode } from '../countries/country-registry.js';
import { literalAlternation } from './regex-trie.js';
import { PROSE_EXCLUDED_NAMES, STATE_DEMONYMS, STATE_ORGANS } from './sponsor-patterns.js';

/** Names of states as prose writes them, each resolved once to an ISO alpha-2 code through the registry. */
export interface StateGazetteer {
  /** Exact spelling → ISO code. */
  readonly countries: ReadonlyMap<string, string>;
  readonly demonyms: ReadonlyMap<string, string>;
  readonly organs: ReadonlyMap<string, string>;
  /** Regex sources (no groups) matching any spelling of each kind, bounded on both sides. */
  readonly countryPattern: string;
  readonly demonymPattern: string;
  readonly organPattern: string;
}

function resolveAll(table: Readonly<Record<string, string>>, what: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [spelling, country] of Object.entries(table)) {
    const code = findStateCode(country);
    // The tables are data written next to this code: a name the registry does not know is a bug there.
    if (code === undefined) throw new Error(`${what} "${spelling}" names "${country}", which the country registry does not resolve`);
    out.set(spelling, code);
  }
  return out;
}

const bounded = (words: Iterable<string>): string => `(?<![A-Za-z0-9])(?:${literalAlternation(words)})(?![A-Za-z0-9])`;

let cached: StateGazetteer | undefined;

/** Built once, on first use: the registry's names and aliases plus the hand-kept demonyms and organs. */
export function stateGazetteer(): StateGazetteer {
  if (cached !== undefined) return cached;
  const excluded = new Set(PROSE_EXCLUDED_NAMES);
  const countries = new Map<string, string>();
  for (const state of allStates()) {
    for (const name of [state.name, ...state.aliases]) {
      // Prose spells names with straight apostrophes once normalised; codes are left to structured data.
      const spelling = name.replace(/[’‘]/g, "'");
      if (!excluded.has(spelling) && !/^[A-Z]{2}$/.test(spelling) && !countries.has(spelling)) countries.set(spelling, state.code);
    }
  }
  const demonyms = resolveAll(STATE_DEMONYMS, 'demonym');
  const organs = resolveAll(STATE_ORGANS, 'state organ');
  cached = { countries, demonyms, organs, countryPattern: bounded(countries.keys()), demonymPattern: bounded(demonyms.keys()), organPattern: bounded(organs.keys()) };
  return cached;
}

/** The distinct states a short text names by country name or demonym ("Communist Party of China" → CN). */
export function statesNamedIn(text: string): string[] {
  const gazetteer = stateGazetteer();
  const pattern = new RegExp(`(${gazetteer.countryPattern}|${gazetteer.demonymPattern})`, 'g');
  const found = new Set<string>();
  for (const match of text.replace(/[’‘]/g, "'").matchAll(pattern)) {
    const spelling = match[1] ?? '';
    const code = gazetteer.countries.get(spelling) ?? gazetteer.demonyms.get(spelling);
    if (code !== undefined) found.add(code);
  }
  return [...found];
}
