import { stateGazetteer } from './state-gazetteer.js';
import { CRIMINAL_ACTOR_PATTERN, CRIMINAL_HEAD_PATTERN, HEDGE_PENALTY, HEDGE_WORDS, NEGATION_PATTERN, SPONSOR_PATTERNS, type SponsorPattern } from './sponsor-patterns.js';

/** One sentence that names a sponsor state through one pattern. */
export interface ProseSponsorMatch {
  readonly state: string;
  readonly patternId: string;
  readonly confidence: number;
  /** The sentence as the source writes it (citation markers and link markup removed). */
  readonly sentence: string;
  /** The words the pattern matched. */
  readonly phrase: string;
}

export interface ProseSponsorResult {
  /** The best match, when the best confidence names one state only. */
  readonly sponsor?: ProseSponsorMatch;
  readonly matches: readonly ProseSponsorMatch[];
  /** States tied at the best confidence: no sponsor is chosen, and the reason says so. */
  readonly conflicting: readonly string[];
}

interface CompiledPattern {
  readonly source: SponsorPattern;
  readonly regex: RegExp;
}

const HYPHEN = '[-\u2010\u2011\u2012\u2013\u2014]';
let compiled: readonly CompiledPattern[] | undefined;

function compilePatterns(): readonly CompiledPattern[] {
  if (compiled !== undefined) return compiled;
  const g = stateGazetteer();
  const slots: Record<string, string> = {
    '{state}': `(?<place>${g.countryPattern}|${g.demonymPattern})`,
    '{country}': `(?<place>${g.countryPattern})`,
    '{demonym}': `(?<place>${g.demonymPattern})`,
    '{organ}': `(?<organ>${g.organPattern})`,
    '{hyphen}': HYPHEN,
  };
  compiled = SPONSOR_PATTERNS.map((source) => ({ source, regex: new RegExp(source.pattern.replace(/\{(?:state|country|demonym|organ|hyphen)\}/g, (slot) => slots[slot] ?? slot), 'g') }));
  return compiled;
}

/** ATT&CK prose carries "(Citation: …)" markers and Markdown links; both go before reading. */
export function cleanProse(text: string): string {
  return text
    .replace(/\(Citation:[^)]*\)/g, '')
    .replace(/\[([^\]\n]{1,300})\]\([^)\s]{1,2000}\)/g, '$1')
    .replace(/[ \t]+/g, ' ');
}

/** Sentences of cleaned prose; a paragraph break always ends one. */
export function proseSentences(text: string): string[] {
  return cleanProse(text)
    .split(/\n+|(?<=[.!?])\s+(?=[A-Z0-9"'[(])/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const HEDGE = new RegExp(`\\b(?:${HEDGE_WORDS.join('|')})\\b`);
const NEGATION = new RegExp(NEGATION_PATTERN);
const CRIMINAL_ACTOR = new RegExp(CRIMINAL_ACTOR_PATTERN, 'i');
const CRIMINAL_HEAD = new RegExp(CRIMINAL_HEAD_PATTERN, 'i');
const CLAUSE_END = /\s(?:that|which|who|whose)\s|;/;
const GENERIC_SUBJECT = /^(?:The|This) (?:group|actor|threat actor|threat group|campaign|operation)\b/;

function startsWithSubject(sentence: string, subjects: readonly string[]): boolean {
  if (GENERIC_SUBJECT.test(sentence)) return true;
  return subjects.some((name) => name !== '' && sentence.startsWith(name) && !/[A-Za-z0-9]/.test(sentence.charAt(name.length)));
}

function resolve(groups: Record<string, string | undefined> | undefined): string | undefined {
  const g = stateGazetteer();
  const place = groups?.['place'];
  if (place !== undefined) return g.countries.get(place) ?? g.demonyms.get(place);
  const organ = groups?.['organ'];
  return organ === undefined ? undefined : g.organs.get(organ);
}

/**
 * Reads a sponsor state out of an actor's description with the data-driven SPONSOR_PATTERNS.
 * `subjects` are the actor's name and aliases: subject-scoped patterns only read sentences about
 * the actor itself. The best confidence wins; if it names two states, none is chosen.
 */
export function extractProseSponsor(text: string, subjects: readonly string[]): ProseSponsorResult {
  const patterns = compilePatterns();
  const matches: ProseSponsorMatch[] = [];
  const sentences = proseSentences(text);
  const criminal = sentences.some((s) => CRIMINAL_ACTOR.test(s));
  for (const sentence of sentences) {
    // Straightened apostrophes keep every index, so a match's position is valid in the original.
    const plain = sentence.replace(/[’‘]/g, "'");
    if (NEGATION.test(plain)) continue;
    const clauseEnd = plain.search(CLAUSE_END);
    const head = clauseEnd === -1 ? plain : plain.slice(0, clauseEnd);
    const subjectOk = !criminal && !CRIMINAL_HEAD.test(head) && startsWithSubject(plain, subjects);
    for (const { source, regex } of patterns) {
      if (source.scope === 'subject' && !subjectOk) continue;
      const scope = source.scope === 'subject' ? head : plain;
      // exec with lastIndex, not matchAll: matchAll clones the regex, and these are large.
      regex.lastIndex = 0;
      for (let match = regex.exec(scope); match !== null; match = regex.exec(scope)) {
        const state = resolve(match.groups);
        const end = match.index + match[0].length;
        if (state !== undefined) {
          const hedged = HEDGE.test(plain.slice(0, end));
          matches.push({ state, patternId: source.id, confidence: source.confidence - (hedged ? HEDGE_PENALTY : 0), sentence, phrase: sentence.slice(match.index, end) });
        }
        if (match[0].length === 0) regex.lastIndex += 1;
      }
    }
  }
  if (matches.length === 0) return { matches, conflicting: [] };
  const best = Math.max(...matches.map((m) => m.confidence));
  const top = matches.filter((m) => m.confidence === best);
  const states = [...new Set(top.map((m) => m.state))];
  if (states.length > 1) return { matches, conflicting: states.sort() };
  return { sponsor: top[0], matches, conflicting: [] };
}
