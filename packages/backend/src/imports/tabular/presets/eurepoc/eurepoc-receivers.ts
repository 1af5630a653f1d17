import { findStateCode, type TargetCategory, type Victim } from '@pactwatch/domain';
import type { CodeBookEntry } from '../../records/code-book.js';
import type { RowView } from '../../table/table.js';
import { eurepocNested, eurepocPositional, eurepocValues } from '../../values/multi-value.js';
import { isNonAnswer, resolveStateNames } from '../../values/state-names.js';
import { clip } from '../../values/text-clip.js';
import { findStripped } from './eurepoc-attributions.js';
import { EUREPOC_RECEIVER_CATEGORIES, EUREPOC_RECEIVER_SUBCATEGORIES } from './eurepoc-code-books.js';
import { INCIDENT_COLUMNS, RECEIVER_COLUMNS } from './eurepoc-layout.js';
import { joinedField } from './eurepoc-tables.js';

interface Receiver {
  readonly country: string;
  readonly alpha2: string;
  readonly pairs: ReadonlyArray<{ readonly category: string; readonly subcategory: string }>;
  readonly names: readonly string[];
}

export interface ReceiverReading {
  readonly victims: readonly Victim[];
  readonly categories: readonly TargetCategory[];
  readonly notes: readonly string[];
  readonly unresolved: readonly string[];
  readonly nonAnswers: readonly string[];
  /** Category spellings no code book knows, for the file-level warning. */
  readonly unmappedCategories: readonly string[];
}

/** The code-book entry for a category and its subcategory: a subcategory that changes the category wins. */
function categoryEntry(pair: { category: string; subcategory: string }): CodeBookEntry<TargetCategory> | undefined {
  const sub = pair.subcategory === '' ? undefined : findStripped(EUREPOC_RECEIVER_SUBCATEGORIES, pair.subcategory);
  return sub ?? findStripped(EUREPOC_RECEIVER_CATEGORIES, pair.category);
}

function pairsOf(categories: readonly string[], subcategories: readonly string[]): Array<{ category: string; subcategory: string }> {
  return categories.filter((category) => category !== '').length === 0 ? [] : categories.map((category, i) => ({ category, subcategory: subcategories.length === categories.length ? (subcategories[i] ?? '') : '' }));
}

/** Receivers from the main table: 1.1 nests categories per receiver country; 1.3 lists them flat. */
function mainReceivers(view: RowView, notes: Set<string>): Receiver[] {
  const countries = eurepocValues(view.get(...INCIDENT_COLUMNS.receiverCountry));
  const alpha2 = eurepocPositional(view.get(...INCIDENT_COLUMNS.receiverAlpha2));
  const nestedCategories = eurepocNested(view.get(...INCIDENT_COLUMNS.receiverCategory));
  const nestedSubs = eurepocNested(view.get(...INCIDENT_COLUMNS.receiverSubcategory));
  const names = eurepocValues(view.get(...INCIDENT_COLUMNS.receiverName)).filter((n) => !isNonAnswer(n));
  const flatCategories = eurepocPositional(view.get(...INCIDENT_COLUMNS.receiverCategory));
  const flatSubs = eurepocPositional(view.get(...INCIDENT_COLUMNS.receiverSubcategory));
  const aligned = nestedCategories !== undefined && nestedCategories.length === countries.length;
  let shared = pairsOf(flatCategories, flatSubs);
  if (!aligned && countries.length > 1 && shared.length > 0) {
    // Flat categories of several receivers cannot be paired with them, unless they all mean one category.
    const meanings = new Set(shared.flatMap((pair) => categoryEntry(pair)?.values ?? []));
    if (meanings.size > 1) {
      notes.add(`receiver categories (${[...meanings].join(', ')}) are not given per receiver country, so they are left unrecorded`);
      shared = [];
    }
  }
  return countries.map((country, i) => ({
    country,
    alpha2: alpha2.length === countries.length ? (alpha2[i] ?? '') : '',
    pairs: aligned ? pairsOf(nestedCategories[i] ?? [], nestedSubs?.length === countries.length ? (nestedSubs[i] ?? []) : []) : shared,
    names: countries.length === 1 ? names : [],
  }));
}

function joinedReceivers(rows: ReadonlyArray<Readonly<Record<string, string>>>): Receiver[] {
  const byCountry = new Map<string, { alpha2: string; pairs: Array<{ category: string; subcategory: string }>; names: string[] }>();
  for (const row of rows) {
    const country = joinedField(row, RECEIVER_COLUMNS.country);
    const entry = byCountry.get(country) ?? { alpha2: joinedField(row, RECEIVER_COLUMNS.alpha2), pairs: [], names: [] };
    entry.pairs.push({ category: joinedField(row, RECEIVER_COLUMNS.category), subcategory: joinedField(row, RECEIVER_COLUMNS.subcategory) });
    const name = joinedField(row, RECEIVER_COLUMNS.name);
    if (name !== '' && !isNonAnswer(name) && !entry.names.includes(name)) entry.names.push(name);
    byCountry.set(country, entry);
  }
  return [...byCountry.entries()].map(([country, entry]) => ({ country, ...entry }));
}

/** Victims of one incident: per receiver country, one victim per target category it was hit in. */
export function readReceivers(view: RowView, joined: ReadonlyArray<Readonly<Record<string, string>>> | undefined): ReceiverReading {
  const notes = new Set<string>();
  const receivers = joined === undefined ? mainReceivers(view, notes) : joinedReceivers(joined);
  const victims: Victim[] = [];
  const all = new Set<TargetCategory>();
  const unresolved: string[] = [];
  const nonAnswers: string[] = [];
  const unmappedCategories: string[] = [];
  for (const receiver of receivers) {
    const resolved = receiver.country === '' || isNonAnswer(receiver.country) ? undefined : resolveStateNames([receiver.country], 'receiver');
    const state = resolved?.codes[0] ?? (/^[A-Za-z]{2}$/.test(receiver.alpha2) ? findStateCode(receiver.alpha2) : undefined);
    resolved?.notes.forEach((n) => notes.add(n));
    if (state === undefined) {
      if (resolved !== undefined && resolved.unresolved.length > 0) unresolved.push(receiver.country);
      else if (receiver.country !== '') nonAnswers.push(receiver.country);
      continue;
    }
    const sectors = new Map<TargetCategory, string[]>();
    for (const pair of receiver.pairs) {
      const entry = categoryEntry(pair);
      const sub = pair.subcategory === '' ? undefined : findStripped(EUREPOC_RECEIVER_SUBCATEGORIES, pair.subcategory);
      if (entry === undefined) {
        if (pair.category !== '') unmappedCategories.push(pair.category);
        continue;
      }
      notes.add(`receiver category '${pair.subcategory === '' || sub === undefined ? pair.category : `${pair.category} / ${pair.subcategory}`}' ${entry.values.length === 0 ? `unmapped [${entry.id}]` : `→ ${entry.values.join(', ')} [${entry.id}]`}`);
      for (const category of entry.values) {
        const list = sectors.get(category) ?? [];
        if (pair.subcategory !== '' && !list.includes(pair.subcategory)) list.push(pair.subcategory);
        sectors.set(category, list);
      }
    }
    const entity = receiver.names.length === 0 ? {} : { entity: clip(receiver.names.join('; '), 300) };
    if (sectors.size === 0) victims.push({ state, ...entity });
    for (const [category, subs] of sectors) {
      all.add(category);
      victims.push({ state, category, ...(subs.length === 0 ? {} : { sector: clip(subs.join('; '), 200) }), ...entity });
    }
  }
  return { victims, categories: [...all], notes: [...notes], unresolved, nonAnswers, unmappedCategories };
}
