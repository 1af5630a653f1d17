import type { Incident } from '../model/incident.js';

/** One news item or vendor report as the feed watcher hands it over. */
export interface ArticleInput {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly url?: string | undefined;
  /** ISO 8601. */
  readonly publishedAt?: string | undefined;
  readonly sourceName?: string | undefined;
}

/** A known actor (MISP / ATT&CK imports or actors.yaml) with every name it goes by. */
export interface ActorAlias {
  readonly actorId: string;
  readonly name: string;
  readonly aliases: readonly string[];
  /** ISO 3166 alpha-2 of the state the actor is attributed to, when known. */
  readonly sponsor?: string | undefined;
}

export interface ExtractionContext {
  readonly actors: readonly ActorAlias[];
}

export type CandidateFacet = 'sponsor' | 'victim' | 'actor' | 'activity' | 'target' | 'date';

export interface SupportingSentence {
  /** 0-based index of the sentence in the article (title first, then the text). */
  readonly index: number;
  readonly text: string;
  readonly supports: readonly CandidateFacet[];
}

export interface CandidatePeriod {
  readonly edtf: string;
  /** ISO 8601 instants (UTC). */
  readonly earliest: string;
  readonly latest: string;
}

export interface IncidentCandidate {
  /** Stable, derived from article id + sponsor + victims + actors. */
  readonly key: string;
  readonly articleId: string;
  /** Alpha-2 of the accused state. */
  readonly sponsor: string | undefined;
  /** Alpha-2 codes. */
  readonly victims: readonly string[];
  readonly actorIds: readonly string[];
  /** Ids of ACTIVITY_TYPES. */
  readonly activityTypes: readonly string[];
  /** Ids of TARGET_CATEGORIES. */
  readonly targetCategories: readonly string[];
  readonly period: CandidatePeriod | undefined;
  /** Whole number 0-100. */
  readonly confidence: number;
  readonly sentences: readonly SupportingSentence[];
  /** A complete incident that passes incidentSchema. */
  readonly record: Incident;
  /** Why the confidence is what it is: ids of the scoring rules that applied (docs/EXTRACTION.md). */
  readonly confidenceReasons?: readonly string[] | undefined;
  /** Plain-language notes for the reviewer (e.g. "no date mentioned: publication year used"). */
  readonly notes?: readonly string[] | undefined;
}

export interface DuplicateMatch {
  readonly candidateKey: string;
  readonly duplicateOf: { readonly kind: 'incident' | 'candidate'; readonly id: string };
  readonly reason: string;
}

export interface DeduplicationResult {
  readonly fresh: readonly IncidentCandidate[];
  readonly duplicates: readonly DuplicateMatch[];
}

/** Why an accused state gave no candidate, or why the article gave none at all. */
export interface SkippedReading {
  /** The accused state, when one was found. */
  readonly sponsor: string | undefined;
  readonly reason: 'no-attack-words' | 'no-sponsor' | 'no-victim' | 'no-attack-in-sentences';
  readonly message: string;
}

/** `extractCandidates` plus the reasons for what gave no candidate (so nothing goes unexplained). */
export interface ArticleReading {
  readonly candidates: readonly IncidentCandidate[];
  readonly skipped: readonly SkippedReading[];
}
