import { allStates } from '../countries/country-registry.js';
import { COUNTRY_METONYMS } from '../countries/aliases.js';
import { literalAlternation } from '../stix-import/regex-trie.js';
import { stateGazetteer } from '../stix-import/state-gazetteer.js';
import { AMBIGUOUS_NAMES, EXTRA_GAZETTEER, FALSE_POSITIVE_GUARDS, type GazetteerEntry, type MentionKind } from './gazetteer-data.js';

/** A state named in a sentence. */
export interface StateMention {
  readonly kind: MentionKind;
  readonly state: string;
  /** Id of the gazetteer entry that matched (registry entries: `registry-<kind>-<code>-<spelling>`). */
  readonly entryId: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface ExtractionGazetteer {
  readonly entries: ReadonlyMap<string, GazetteerEntry>;
  readonly pattern: RegExp;
  readonly guards: readonly RegExp[];
  readonly ambiguous: ReadonlyMap<string, RegExp>;
}

const slugPart = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

let cached: ExtractionGazetteer | undefined;

/**
 * Built once: the registry's names (via the stix-import gazetteer, which drops names that are
 * ambiguous in prose), its demonyms and organs, the capital metonyms and EXTRA_GAZETTEER. When two
 * layers spell the same text the first wins, in that order.
 */
export function extractionGazetteer(): ExtractionGazetteer {
  if (cached !== undefined) return cached;
  const entries = new Map<string, GazetteerEntry>();
  const add = (entry: GazetteerEntry): void => {
    if (!entries.has(entry.text)) entries.set(entry.text, entry);
  };
  const base = stateGazetteer();
  for (const [text, state] of base.countries) add({ id: `registry-country-${state.toLowerCase()}-${slugPart(text)}`, text, state, kind: 'country', description: 'Country name or alias from the country registry.' });
  for (const [text, state] of base.demonyms) add({ id: `registry-demonym-${state.toLowerCase()}-${slugPart(text)}`, text, state, kind: 'demonym', description: 'Demonym from the stix-import STATE_DEMONYMS table.' });
  for (const [text, state] of base.organs) add({ id: `registry-organ-${state.toLowerCase()}-${slugPart(text)}`, text, state, kind: 'organ', description: 'State organ from the stix-import STATE_ORGANS table.' });
  for (const [text, state] of Object.entries(COUNTRY_METONYMS)) add({ id: `registry-metonym-${state.toLowerCase()}-${slugPart(text)}`, text, state, kind: 'metonym', description: 'Capital used as a metonym (countries/aliases.ts).' });
  for (const entry of EXTRA_GAZETTEER) add(entry);
  // The stix-import layer drops "Georgia" for prose; here it comes back behind AMBIGUOUS_NAMES.
  const known = new Set(allStates().map((s) => s.code));
  for (const entry of entries.values()) {
    if (!known.has(entry.state)) throw new Error(`gazetteer entry ${entry.id} names unknown state ${entry.state}`);
  }
  const pattern = new RegExp(`(?<![A-Za-z0-9])(?:${literalAlternation(entries.keys())})(?![A-Za-z0-9])`, 'g');
  const guards = FALSE_POSITIVE_GUARDS.map((g) => new RegExp(g.pattern, 'g'));
  const ambiguous = new Map(AMBIGUOUS_NAMES.map((a) => [a.text, new RegExp(a.confirmedBy)]));
  cached = { entries, pattern, guards, ambiguous };
  return cached;
}

/** Ambiguous names ("Georgia", "Jordan") the article confirms as states. */
export function confirmedAmbiguousNames(articleText: string): ReadonlySet<string> {
  const out = new Set<string>();
  for (const [name, confirm] of extractionGazetteer().ambiguous) if (confirm.test(articleText)) out.add(name);
  return out;
}

function guardedSpans(sentence: string, guards: readonly RegExp[]): Array<readonly [number, number]> {
  const spans: Array<readonly [number, number]> = [];
  for (const guard of guards) {
    guard.lastIndex = 0;
    for (let m = guard.exec(sentence); m !== null; m = guard.exec(sentence)) {
      spans.push([m.index, m.index + m[0].length]);
      if (m[0].length === 0) guard.lastIndex += 1;
    }
  }
  return spans;
}

/** States named in one normalised sentence, minus guarded phrases and unconfirmed ambiguous names. */
export function findStateMentions(sentence: string, confirmed: ReadonlySet<string>): StateMention[] {
  const g = extractionGazetteer();
  const guarded = guardedSpans(sentence, g.guards);
  const out: StateMention[] = [];
  g.pattern.lastIndex = 0;
  for (let m = g.pattern.exec(sentence); m !== null; m = g.pattern.exec(sentence)) {
    const text = m[0];
    const start = m.index;
    const end = start + text.length;
    if (text.length === 0) {
      g.pattern.lastIndex += 1;
      continue;
    }
    const entry = g.entries.get(text);
    if (entry === undefined) continue;
    if (g.ambiguous.has(text) && !confirmed.has(text)) continue;
    if (guarded.some(([a, b]) => start >= a && end <= b)) continue;
    out.push({ kind: entry.kind, state: entry.state, entryId: entry.id, text, start, end });
  }
  return out;
}
