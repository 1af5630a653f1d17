import { ACTIVITY_TYPE_SPELLINGS, ACTIVITY_TYPES, spellingKey, spellingNote, TARGET_CATEGORIES, TARGET_CATEGORY_SPELLINGS, type ActivityType, type TargetCategory } from '@pactwatch/domain';
import { ESPIONAGE, type ActivityRule } from './activity-rules.js';

/**
 * One entry of a preset's code book: the source's spellings (or numeric codes) and what they
 * mean in the model. Ids are stable: notes and docs name them. An entry with no values is listed
 * on purpose and says why (`reason`), so nothing is left out silently.
 */
export interface CodeBookEntry<T> {
  readonly id: string;
  readonly spellings: readonly string[];
  readonly values: readonly T[];
  readonly reason?: string;
}

export interface CodeBook<T> {
  readonly name: string;
  readonly entries: readonly CodeBookEntry<T>[];
  find(text: string): CodeBookEntry<T> | undefined;
}

export function codeBook<T>(name: string, entries: readonly CodeBookEntry<T>[]): CodeBook<T> {
  const byKey = new Map<string, CodeBookEntry<T>>();
  for (const entry of entries) for (const spelling of entry.spellings) byKey.set(spellingKey(spelling), entry);
  return { name, entries, find: (text) => byKey.get(spellingKey(text)) };
}

/** What one value means: model values (possibly none) and the note that explains the reading. */
export interface Reading<T> {
  readonly values: readonly T[];
  readonly note: string;
}
export type Lookup<T> = (text: string) => Reading<T> | undefined;

export function codeBookLookup<T>(book: CodeBook<T>, label: string, show: (value: T) => string = String): Lookup<T> {
  return (text) => {
    const entry = book.find(text);
    if (entry === undefined) return undefined;
    const reading = entry.values.length === 0 ? `unmapped [${entry.id}]: ${entry.reason ?? ''}` : `→ ${entry.values.map(show).join(' + ')} [${entry.id}]`;
    return { values: entry.values, note: `${label} '${text}' ${reading}` };
  };
}

// The shared tables are typed with plain string terms; these guards bring back the model's types.
const isActivityType = (term: string): term is ActivityType => (ACTIVITY_TYPES.ids as readonly string[]).includes(term);
const isTargetCategory = (term: string): term is TargetCategory => (TARGET_CATEGORIES.ids as readonly string[]).includes(term);

/**
 * The shared activity-type table (packages/domain/src/normalise). Its ambiguous "Espionage"
 * (political-military or commercial) becomes the espionage marker, resolved from the targets;
 * another ambiguous row keeps every candidate as possible.
 */
export function sharedActivityLookup(label: string): Lookup<ActivityRule> {
  return (text) => {
    const result = ACTIVITY_TYPE_SPELLINGS.lookup(text);
    if (result.outcome === 'unknown') return undefined;
    const note = spellingNote(label, result);
    const terms = result.to.filter(isActivityType);
    if (result.outcome === 'mapped') return { values: terms.map((activity) => ({ activity, certainty: 'confirmed' as const })), note };
    if (result.ruleId === 'activity-espionage') return { values: [ESPIONAGE], note: `${note} (purpose read from the target categories)` };
    return { values: terms.map((activity) => ({ activity, certainty: 'possible' as const })), note };
  };
}

/** The shared target-category table; an ambiguous spelling records no category (unknown to the engine). */
export function sharedCategoryLookup(label: string): Lookup<TargetCategory> {
  return (text) => {
    const result = TARGET_CATEGORY_SPELLINGS.lookup(text);
    if (result.outcome === 'unknown') return undefined;
    const note = spellingNote(label, result);
    return { values: result.outcome === 'mapped' ? result.to.filter(isTargetCategory) : [], note: result.outcome === 'ambiguous' ? `${note} (category left unrecorded)` : note };
  };
}

/** Reads values through lookups in order; values no lookup knows are returned for a file-level warning. */
export function readValues<T>(values: readonly string[], lookups: readonly Lookup<T>[], label: string): { values: T[]; notes: string[]; unmapped: string[] } {
  const out: T[] = [];
  const notes: string[] = [];
  const unmapped: string[] = [];
  for (const value of values) {
    const reading = lookups.reduce<Reading<T> | undefined>((found, lookup) => found ?? lookup(value), undefined);
    if (reading === undefined) {
      notes.push(`${label} '${value}' unmapped: not in the ${label} code book`);
      unmapped.push(value);
      continue;
    }
    notes.push(reading.note);
    if (reading.values.length === 0) unmapped.push(value);
    for (const v of reading.values) if (!out.some((o) => JSON.stringify(o) === JSON.stringify(v))) out.push(v);
  }
  return { values: out, notes, unmapped };
}
