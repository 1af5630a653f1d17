import type { ActivityType, AttributionBasis, TargetCategory } from '../model/taxonomy.js';
import { ACTIVITY_RULES, BASIS_RULES, COMPANY_WORDS_PATTERN, GENERIC_ESPIONAGE_PATTERN, TARGET_RULES } from './keyword-rules.js';
import { NOT_REPORTING } from './role-rules.js';
import type { SentenceAnalysis } from './roles.js';

export interface FacetHit<Id extends string> {
  readonly id: Id;
  readonly ruleId: string;
  readonly sentenceIndex: number;
}

const activityRules = ACTIVITY_RULES.map((rule) => ({ rule, regex: new RegExp(rule.pattern, rule.caseSensitive === true ? 'g' : 'gi') }));
const targetRules = TARGET_RULES.map((rule) => ({ rule, regex: new RegExp(rule.pattern, rule.caseSensitive === true ? 'g' : 'gi') }));
const basisRules = BASIS_RULES.map((rule) => ({ rule, regex: new RegExp(rule.pattern, 'i') }));
const GENERIC_ESPIONAGE = new RegExp(GENERIC_ESPIONAGE_PATTERN, 'i');
const COMPANY_WORDS = new RegExp(COMPANY_WORDS_PATTERN, 'i');
// "the agencies said": a reporting body, not a target.
const REPORTER = new RegExp(`^,?${NOT_REPORTING.replace('(?!', '(?=')}`, 'i');

const blank = (text: string, from: number, to: number): string => text.slice(0, from) + ' '.repeat(Math.max(0, to - from)) + text.slice(to);

/** Target categories: words after the sentence's first attack cue, or inside a victim phrase. */
export function findTargets(sentences: readonly SentenceAnalysis[]): FacetHit<TargetCategory>[] {
  const hits: FacetHit<TargetCategory>[] = [];
  for (const s of sentences) {
    if (s.firstCue < 0 && s.victimSpans.length === 0) continue;
    let text = s.text;
    for (const [from, to] of s.sponsorSpans) text = blank(text, from, to);
    for (const { rule, regex } of targetRules) {
      regex.lastIndex = 0;
      const spans: Array<[number, number]> = [];
      for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
        if (m[0].length === 0) {
          regex.lastIndex += 1;
          continue;
        }
        const at = m.index;
        const reports = REPORTER.test(text.slice(at + m[0].length, at + m[0].length + 40));
        const inVictimPhrase = s.victimSpans.some(([a, b]) => at >= a && at < b);
        const counted = inVictimPhrase || (!reports && s.firstCue >= 0 && at >= s.firstCue);
        if (counted) hits.push({ id: rule.to, ruleId: rule.id, sentenceIndex: s.index });
        spans.push([at, at + m[0].length]);
      }
      for (const [from, to] of spans) text = blank(text, from, to);
    }
  }
  return hits;
}

/**
 * Activity types from keyword rules; "espionage" with no stated purpose is resolved by what was
 * targeted: companies (of any sector) and no government, military or civil-society target →
 * commercial, anything else → political-military (the 2015-style
 * commitments turn on this difference, so the rule id says when it was inferred).
 */
export function findActivities(sentences: readonly SentenceAnalysis[], targets: ReadonlySet<TargetCategory>): FacetHit<ActivityType>[] {
  const hits: FacetHit<ActivityType>[] = [];
  let genericAt = -1;
  for (const s of sentences) {
    let text = s.text;
    for (const { rule, regex } of activityRules) {
      regex.lastIndex = 0;
      const spans: Array<[number, number]> = [];
      for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
        if (m[0].length === 0) {
          regex.lastIndex += 1;
          continue;
        }
        hits.push({ id: rule.to, ruleId: rule.id, sentenceIndex: s.index });
        spans.push([m.index, m.index + m[0].length]);
      }
      for (const [from, to] of spans) text = blank(text, from, to);
    }
    if (genericAt < 0 && GENERIC_ESPIONAGE.test(text)) genericAt = s.index;
  }
  const espionageFound = hits.some((h) => h.id === 'commercial-espionage' || h.id === 'political-military-espionage');
  if (genericAt >= 0 && !espionageFound) {
    const publicTargets = targets.has('government') || targets.has('military') || targets.has('civil-society');
    const companiesOnly = !publicTargets && (targets.has('private-sector') || sentences.some((s) => COMPANY_WORDS.test(s.text)));
    hits.push({ id: companiesOnly ? 'commercial-espionage' : 'political-military-espionage', ruleId: companiesOnly ? 'activity-espionage-against-companies' : 'activity-espionage-other-targets', sentenceIndex: genericAt });
  }
  return hits;
}

/** The attribution basis: the first BASIS_RULES entry any supporting sentence matches; media otherwise. */
export function findBasis(sentences: readonly SentenceAnalysis[]): { readonly basis: AttributionBasis; readonly ruleId: string } {
  for (const { rule, regex } of basisRules) {
    if (sentences.some((s) => regex.test(s.text))) return { basis: rule.basis, ruleId: rule.id };
  }
  return { basis: 'media', ruleId: 'basis-media-default' };
}
