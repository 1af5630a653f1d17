/** Three-valued logic: a check is satisfied, not satisfied, or cannot be decided on the facts. */
export type TriValue = 'true' | 'false' | 'unknown';

export const DIMENSIONS = ['timing', 'parties', 'activity', 'target', 'means', 'actor', 'confidence'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const VERDICTS = ['breach', 'possible-breach', 'outside-scope', 'before-in-force'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** JSON-safe facts a check used, so a reader can re-derive the value by hand. */
export type FactValue = string | number | boolean | null | readonly string[];

export interface Check {
  readonly dimension: Dimension;
  readonly value: TriValue;
  readonly reason: string;
  readonly facts: Readonly<Record<string, FactValue>>;
}

export interface Dyad {
  readonly sponsor: string;
  readonly victim: string;
}

/** One incident × one commitment, with every check evaluated and the rule that decided. */
export interface Finding {
  readonly agreementId: string;
  readonly commitmentId: string;
  readonly incidentId: string;
  readonly verdict: Verdict;
  /** Id of the verdict rule that fired (see VERDICT_RULES). */
  readonly rule: string;
  readonly summary: string;
  readonly dyad: Dyad;
  /** Index of the attribution the verdict rests on. */
  readonly attributionIndex: number;
  readonly checks: readonly Check[];
  /** The other sponsor/victim pairs evaluated for this commitment, with their verdicts. */
  readonly alternatives: ReadonlyArray<Dyad & { readonly verdict: Verdict; readonly attributionIndex: number }>;
}

/** An analyst's override, kept beside the computed verdict, never instead of it. */
export interface VerdictOverride {
  readonly commitmentId: string;
  readonly incidentId: string;
  readonly verdict: Verdict;
  readonly note: string;
  readonly author: string;
  readonly createdAt: string;
}

export interface EvaluationOptions {
  /** Minimum attribution confidence (0–100) for a breach; below it the verdict is possible-breach. */
  readonly confidenceThreshold: number;
}

export const DEFAULT_EVALUATION_OPTIONS: EvaluationOptions = { confidenceThreshold: 70 };
