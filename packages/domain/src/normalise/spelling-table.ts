import { PactwatchError } from '../errors/pactwatch-error.js';

/**
 * One row of a spelling table: the source spellings it covers (kept as seen, so the table also
 * documents the data), and the model terms they normalise to. `to` is empty when the spelling has
 * no model term (unmapped) and has several entries when the source does not say which one it
 * means (ambiguous); either way `reason` says why, so nothing is mapped or left out silently.
 */
export interface SpellingRule<T extends string> {
  /** Stable id: notes, docs and tests refer to it, so it is never reused for another meaning. */
  readonly id: string;
  readonly spellings: readonly string[];
  readonly to: readonly T[];
  readonly reason?: string;
}

/** mapped: one term; ambiguous: several candidates; unmapped: listed, no term; unknown: not in the table. */
export type SpellingOutcome = 'mapped' | 'ambiguous' | 'unmapped' | 'unknown';

export interface SpellingResult<T extends string> {
  readonly input: string;
  readonly outcome: SpellingOutcome;
  readonly to: readonly T[];
  readonly ruleId?: string;
  readonly reason?: string;
}

export interface SpellingTable<T extends string, R extends SpellingRule<T> = SpellingRule<T>> {
  readonly name: string;
  readonly rules: readonly R[];
  lookup(spelling: string): SpellingResult<T> & { readonly rule?: R };
}

/**
 * Folds case, accents, "&" and punctuation so "Civil Society" / "Civil society" or "High-Tech" /
 * "High Tech" meet in one row; word choice ("Telecoms" / "Telecomms") still needs its own spelling.
 */
export function spellingKey(spelling: string): string {
  return spelling
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Builds a table, refusing (at load time) duplicate ids, spellings claimed twice and unexplained rows. */
export function spellingTable<T extends string, R extends SpellingRule<T> = SpellingRule<T>>(name: string, rules: readonly R[]): SpellingTable<T, R> {
  const byKey = new Map<string, R>();
  const ids = new Set<string>();
  for (const rule of rules) {
    if (ids.has(rule.id)) throw new PactwatchError('INTERNAL', `${name}: rule id "${rule.id}" is used twice`);
    ids.add(rule.id);
    if (rule.to.length !== 1 && (rule.reason === undefined || rule.reason.trim() === '')) {
      throw new PactwatchError('INTERNAL', `${name}: rule "${rule.id}" is ${rule.to.length === 0 ? 'unmapped' : 'ambiguous'} and needs a reason`);
    }
    for (const spelling of rule.spellings) {
      const key = spellingKey(spelling);
      const other = byKey.get(key);
      if (other !== undefined && other !== rule) throw new PactwatchError('INTERNAL', `${name}: "${spelling}" is claimed by rules "${other.id}" and "${rule.id}"`);
      byKey.set(key, rule);
    }
  }
  return {
    name,
    rules,
    lookup(spelling) {
      const rule = byKey.get(spellingKey(spelling));
      if (rule === undefined) return { input: spelling, outcome: 'unknown', to: [] };
      const outcome: SpellingOutcome = rule.to.length === 0 ? 'unmapped' : rule.to.length === 1 ? 'mapped' : 'ambiguous';
      return { input: spelling, outcome, to: rule.to, ruleId: rule.id, rule, ...(rule.reason === undefined ? {} : { reason: rule.reason }) };
    },
  };
}
