import { stateName } from '../countries/country-registry.js';
import type { ActorRelation, TargetCategory } from '../model/taxonomy.js';
import { candidateKey } from './candidate-key.js';
import { candidateRecord } from './candidate-record.js';
import { scoreConfidence, type ConfidenceRuleKey } from './confidence-rules.js';
import { fallbackPeriod, findDates, periodOf, publicationDay } from './dates.js';
import { findActivities, findBasis, findTargets } from './facets.js';
import { confirmedAmbiguousNames } from './gazetteer.js';
import { ATTACK_CUE_PATTERN } from './keyword-rules.js';
import { MAX_QUOTED_SENTENCE_CHARS } from './limits.js';
import { analyseSentence, type SentenceAnalysis } from './roles.js';
import { TERRITORY_SOVEREIGN } from './role-rules.js';
import { articleSentences } from './text.js';
import type { ActorAlias, ArticleInput, ArticleReading, CandidateFacet, ExtractionContext, IncidentCandidate, SkippedReading, SupportingSentence } from './types.js';

const ATTACK_CUE = new RegExp(ATTACK_CUE_PATTERN, 'i');
const uniq = <T>(items: Iterable<T>): T[] => [...new Set(items)];

/**
 * Which sponsors each sentence is "about": a sentence naming a sponsor is about it; a sentence
 * naming none continues the previous one's; sentences before the first sponsor go to the first.
 * This is how a two-campaign article gives its second victims to its second sponsor.
 */
function sponsorFocus(analyses: readonly SentenceAnalysis[]): ReadonlyArray<ReadonlySet<string>> {
  const focus: Array<ReadonlySet<string>> = [];
  let current: ReadonlySet<string> = new Set();
  for (const a of analyses) {
    const here = new Set(a.evidence.filter((e) => e.role === 'sponsor').map((e) => e.state));
    if (here.size > 0) current = here;
    focus.push(current);
  }
  const first = focus.find((f) => f.size > 0) ?? new Set<string>();
  return focus.map((f) => (f.size === 0 ? first : f));
}

interface SponsorReading {
  readonly victims: readonly string[];
  readonly victimRule: ConfidenceRuleKey;
  readonly actors: readonly ActorAlias[];
  readonly sentences: readonly SentenceAnalysis[];
}

function readSponsor(sponsor: string, sentences: readonly SentenceAnalysis[]): SponsorReading | SkippedReading {
  if (!sentences.some((s) => s.attackCue)) {
    return { sponsor, reason: 'no-attack-in-sentences', message: `${stateName(sponsor)} is named as a sponsor, but none of its sentences describes an attack` };
  }
  const victims: string[] = [];
  let explicit = false;
  for (const s of sentences) {
    const sponsorsHere = new Set(s.evidence.filter((e) => e.role === 'sponsor').map((e) => e.state));
    for (const e of s.evidence) {
      const state = TERRITORY_SOVEREIGN[e.state] ?? e.state;
      if (e.role !== 'victim' || state === sponsor || sponsorsHere.has(e.state)) continue;
      if (!victims.includes(state)) victims.push(state);
      if (e.strength === 'explicit' || e.strength === 'list') explicit = true;
    }
  }
  let victimRule: ConfidenceRuleKey = explicit ? 'victimExplicit' : 'victimLocation';
  if (victims.length === 0) {
    for (const s of sentences) {
      const sponsorsHere = new Set(s.evidence.filter((e) => e.role === 'sponsor').map((e) => e.state));
      for (const e of s.evidence) if (e.role === 'accuser' && e.state !== sponsor && !sponsorsHere.has(e.state) && !victims.includes(e.state)) victims.push(e.state);
    }
    victimRule = 'victimAccuser';
  }
  if (victims.length === 0) {
    return { sponsor, reason: 'no-victim', message: `${stateName(sponsor)} is named as a sponsor, but no victim state (or accusing state) is named with it` };
  }
  const actors = uniq(sentences.flatMap((s) => s.actors)).filter((a) => a.sponsor === undefined || a.sponsor === sponsor);
  return { victims, victimRule, actors, sentences };
}

function quote(text: string): string {
  return text.length <= MAX_QUOTED_SENTENCE_CHARS ? text : `${text.slice(0, MAX_QUOTED_SENTENCE_CHARS - 1)}…`;
}

/**
 * Candidate incidents in one article: one per accused state that has a victim (docs/EXTRACTION.md).
 * Pure and deterministic: the same article and context give the same candidates and keys.
 */
export function extractCandidates(article: ArticleInput, context: ExtractionContext): IncidentCandidate[] {
  return [...readArticle(article, context).candidates];
}

/** As `extractCandidates`, with the reason every accused state (or the whole article) gave no candidate. */
export function readArticle(article: ArticleInput, context: ExtractionContext): ArticleReading {
  const { sentences, truncated } = articleSentences(article.title, article.text);
  const whole = sentences.map((s) => s.text).join(' ');
  if (!ATTACK_CUE.test(whole)) {
    return { candidates: [], skipped: [{ sponsor: undefined, reason: 'no-attack-words', message: 'the text has no word for a cyber operation (hack, breach, malware, espionage, …)' }] };
  }
  const confirmed = confirmedAmbiguousNames(whole);
  const analyses = sentences.map((s) => analyseSentence(s, context, confirmed));
  const focus = sponsorFocus(analyses);
  const sponsors = uniq(analyses.flatMap((a) => a.evidence.filter((e) => e.role === 'sponsor').map((e) => e.state)));
  if (sponsors.length === 0) {
    return { candidates: [], skipped: [{ sponsor: undefined, reason: 'no-sponsor', message: 'no state is accused: no sponsor phrase and no catalogued actor with a known sponsor' }] };
  }
  const published = publicationDay(article.publishedAt);
  const candidates: IncidentCandidate[] = [];
  const skipped: SkippedReading[] = [];
  for (const sponsor of sponsors) {
    const reading = readSponsor(sponsor, analyses.filter((_a, i) => focus[i]?.has(sponsor) === true));
    if ('reason' in reading) skipped.push(reading);
    else candidates.push(buildCandidate(article, sponsor, reading, { sharedArticle: sponsors.length > 1, truncated, published }));
  }
  return { candidates, skipped };
}

interface BuildOptions {
  readonly sharedArticle: boolean;
  readonly truncated: boolean;
  readonly published: string | undefined;
}

function buildCandidate(article: ArticleInput, sponsor: string, reading: SponsorReading, options: BuildOptions): IncidentCandidate {
  const { victims, actors, sentences } = reading;
  const targetHits = findTargets(sentences);
  const targets = uniq(targetHits.map((h) => h.id));
  const activityHits = findActivities(sentences, new Set<TargetCategory>(targets));
  const activities = uniq(activityHits.map((h) => h.id));
  const dates = sentences.flatMap((s) => findDates(s.text, s.index, options.published));
  const mentioned = periodOf(dates);
  const period = mentioned ?? fallbackPeriod(options.published);
  const sponsorEvidence = sentences.flatMap((s) => s.evidence.filter((e) => e.role === 'sponsor' && e.state === sponsor).map((e) => ({ e, s })));
  const textEvidence = sponsorEvidence.filter(({ e }) => e.strength !== 'catalogue');
  const applied: ConfidenceRuleKey[] = ['base'];
  applied.push(textEvidence.some(({ e }) => e.strength === 'explicit') ? 'sponsorExplicit' : textEvidence.length > 0 ? 'sponsorNationality' : 'sponsorCatalogue');
  if (actors.length > 0) applied.push('actorKnown');
  if (actors.some((a) => a.sponsor === sponsor) && textEvidence.length > 0) applied.push('actorAgrees');
  const textSentences = new Set(textEvidence.map(({ s }) => s.index));
  if (sentences.some((s) => textSentences.has(s.index) && s.actors.some((a) => a.sponsor !== undefined && a.sponsor !== sponsor))) applied.push('actorDisagrees');
  applied.push(reading.victimRule);
  if (activities.length > 0) applied.push('activityFound');
  if (targets.length > 0) applied.push('targetFound');
  applied.push(mentioned === undefined ? 'dateFallback' : 'dateMentioned');
  if (sponsorEvidence.length > 0 && sponsorEvidence.every(({ s }) => s.hedged)) applied.push('hedged');
  if (options.sharedArticle) applied.push('sharedArticle');
  const { confidence, reasons } = scoreConfidence(applied);

  const actorIds = actors.map((a) => a.actorId);
  const key = candidateKey(article.id, sponsor, victims, actorIds);
  const supporting: SupportingSentence[] = [];
  for (const s of sentences) {
    const supports: CandidateFacet[] = [];
    if (s.evidence.some((e) => e.role === 'sponsor' && e.state === sponsor)) supports.push('sponsor');
    if (s.evidence.some((e) => (e.role === 'victim' || e.role === 'accuser') && victims.includes(e.state))) supports.push('victim');
    if (s.actors.some((a) => actors.includes(a))) supports.push('actor');
    if (activityHits.some((h) => h.sentenceIndex === s.index)) supports.push('activity');
    if (targetHits.some((h) => h.sentenceIndex === s.index)) supports.push('target');
    if (dates.some((d) => d.sentenceIndex === s.index)) supports.push('date');
    if (supports.length > 0) supporting.push({ index: s.index, text: quote(s.text), supports });
  }
  const notes: string[] = [];
  if (mentioned === undefined) notes.push(period === undefined ? 'No date is mentioned and the article has no publication date: the period is unknown.' : `No date is mentioned: the publication year ${period.edtf} is used, with lower confidence.`);
  if (reading.victimRule === 'victimAccuser') notes.push('No victim is named: the state that reports or accuses is taken as the victim.');
  if (options.truncated) notes.push('The article is longer than the extraction reads; only its beginning was read.');
  if (options.sharedArticle) notes.push('The article accuses more than one state; check that the sentences belong to this one.');
  const basis = findBasis(sentences.filter((s) => textSentences.has(s.index) || s.index === 0));
  const relation: ActorRelation = sponsorEvidence.some(({ e }) => e.ruleId === 'sponsor-organ') ? 'state-organ' : 'unknown';
  const record = candidateRecord({
    key,
    article,
    publishedDay: options.published,
    sponsor,
    victims,
    actors,
    activities,
    targets,
    period,
    periodFromPublication: mentioned === undefined && period !== undefined,
    confidence,
    basis: basis.basis,
    relation,
  });
  return { key, articleId: article.id, sponsor, victims, actorIds, activityTypes: activities, targetCategories: targets, period, confidence, sentences: supporting, record, confidenceReasons: reasons, notes };
}
