import type { Dimension, TriValue, Verdict } from '../compliance/types.js';
import type { CooperationStatus } from '../compliance/cooperation.js';
import type { JsonInterval, JsonNumber } from '../contracts/trend-contracts.js';
import type { PreTrend, TrendDirection } from '../series/trend-verdict.js';

/**
 * The report's JSON contract: what `pactwatch report --format json` prints and what the Markdown
 * and HTML renderers read. Plain data only (no Infinity: unbounded limits are null), so the JSON
 * form and the object are the same thing.
 */
export const REPORT_FORMAT = 'pactwatch-report';
export const REPORT_VERSION = 1;

export type ReportScope =
  | { readonly kind: 'agreement'; readonly agreementId: string }
  /** Agreements between the two states; findings for incidents sponsored by `sponsor` against `victim`. */
  | { readonly kind: 'dyad'; readonly sponsor: string; readonly victim: string }
  /** Agreements the state is party to; findings where it is the sponsor. */
  | { readonly kind: 'state'; readonly state: string };

/** One distinct source, numbered in the order the report first cites it. */
export interface ReportCitation {
  readonly number: number;
  readonly publisher: string;
  readonly title: string;
  readonly date: string | null;
  readonly url: string | null;
}

export interface ReportQuote {
  readonly text: string;
  /** How the quote was obtained (primary, secondary…), when the record says. */
  readonly status: string | null;
  readonly citation: number;
}

export interface ReportCommitmentScope {
  readonly activities: readonly string[];
  readonly targets: readonly string[];
  readonly means: string;
  readonly actor: string;
  /** "mutual", or "CN → US" style for one-sided commitments. */
  readonly direction: string;
  readonly rationale: string;
}

export interface ReportCommitment {
  readonly id: string;
  readonly title: string;
  readonly obligation: string;
  /** The commitment's text as the record keeps it. */
  readonly text: string;
  /** How the source gives the text when it quotes it word for word (verbatim, secondary…); null otherwise. */
  readonly textStatus: string | null;
  readonly citation: number;
  readonly quotes: readonly ReportQuote[];
  readonly scope: ReportCommitmentScope | null;
}

export type VerdictCounts = Readonly<Record<Verdict, number>>;

export interface ReportCooperation {
  readonly commitmentId: string;
  readonly status: CooperationStatus;
  readonly reasons: readonly string[];
}

export interface ReportScorecard {
  /** Distinct incidents by their most serious verdict across the agreement's commitments. */
  readonly counts: VerdictCounts;
  readonly countsWithOverrides: VerdictCounts;
  readonly overrides: number;
  readonly commitments: ReadonlyArray<{ readonly commitmentId: string; readonly title: string; readonly counts: VerdictCounts }>;
  /** Null when cooperation was not judged (it depends on the date: only with an explicit as-of). */
  readonly cooperation: readonly ReportCooperation[] | null;
}

export interface ReportAgreement {
  readonly id: string;
  readonly title: string;
  readonly shortTitle: string | null;
  readonly kind: string;
  /** State codes, and groups as "group:<id>". */
  readonly parties: readonly string[];
  readonly signed: string;
  readonly inForce: string | null;
  readonly ended: string | null;
  readonly status: string;
  readonly summary: string;
  readonly citations: readonly number[];
  readonly quotes: readonly ReportQuote[];
  readonly commitments: readonly ReportCommitment[];
  readonly scorecard: ReportScorecard;
}

export interface ReportCheck {
  readonly dimension: Dimension;
  readonly value: TriValue;
  readonly reason: string;
}

export interface ReportAttribution {
  readonly sponsor: string;
  readonly actor: string | null;
  readonly relation: string;
  readonly confidence: number;
  readonly basis: string;
  readonly attributedBy: string;
  readonly citations: readonly number[];
}

/** A breach or possible breach with its evidence trail. */
export interface ReportFinding {
  readonly agreementId: string;
  readonly commitmentId: string;
  readonly commitmentTitle: string;
  readonly incidentId: string;
  readonly incidentTitle: string;
  /** The incident's start as recorded (EDTF). */
  readonly incidentStart: string;
  readonly verdict: Verdict;
  readonly rule: string;
  readonly summary: string;
  readonly sponsor: string;
  readonly victim: string;
  readonly attribution: ReportAttribution | null;
  readonly checks: readonly ReportCheck[];
  readonly override: { readonly verdict: Verdict; readonly note: string; readonly author: string } | null;
  readonly citations: readonly number[];
}

export interface ReportGapEntry {
  readonly agreementId: string;
  readonly commitmentId: string;
  readonly incidentId: string;
  readonly incidentTitle: string;
  /** outside-scope, or before-in-force for an incident of an uncovered kind before the agreement took effect. */
  readonly verdict: Verdict;
  readonly sponsor: string;
  readonly victim: string;
  /** Why the check on this dimension is false. */
  readonly reason: string;
  readonly citations: readonly number[];
}

/** Outside-scope incidents grouped by the dimension that leaves them out (an incident may appear under several). */
export interface ReportGap {
  readonly dimension: Dimension;
  readonly description: string;
  readonly entries: readonly ReportGapEntry[];
}

export interface ReportTrendRow {
  readonly period: string;
  readonly observed: number;
  readonly fitted: JsonNumber;
  readonly counterfactual: JsonNumber;
  readonly lower: JsonNumber;
  readonly upper: JsonNumber;
}

export interface ReportTrend {
  readonly agreementId: string;
  readonly title: string;
  /** Id the renderers use to find the chart's SVG (charts are drawn outside the domain). */
  readonly chartId: string;
  readonly granularity: string | null;
  readonly from: string | null;
  readonly to: string | null;
  readonly breakLabel: string | null;
  readonly events: number | null;
  readonly direction: TrendDirection;
  readonly measure: 'its-level' | 'rate-ratio' | null;
  readonly ratio: JsonNumber;
  readonly interval: JsonInterval | null;
  readonly preTrend: PreTrend | null;
  readonly preTrendRatio: JsonNumber;
  readonly preTrendInterval: JsonInterval | null;
  /** Plain language: the answer, its uncertainty and the pre-existing trend. */
  readonly reading: string;
  /** The statistics' own paragraph (rate ratio, ITS, changepoints). */
  readonly detail: string;
  readonly rows: readonly ReportTrendRow[];
  /** Why no analysis, when it could not be computed. */
  readonly error: string | null;
}

export interface ReportDataset {
  /** "curated (seed articles: …)", "added by an analyst", or the imported dataset's name. */
  readonly name: string;
  readonly version: string | null;
  readonly fileHash: string | null;
  readonly agreements: number;
  readonly incidents: number;
}

export interface ReportLoad {
  readonly kind: string;
  readonly source: string;
  readonly status: string;
  readonly read: number;
  readonly stored: number;
  readonly quarantined: number;
}

export interface ReportExclusion {
  readonly what: string;
  readonly count: number;
  readonly reason: string;
  readonly ids: readonly string[];
}

export interface ReportMethods {
  readonly confidenceThreshold: number;
  readonly engineVersion: string | null;
  readonly rulesetHash: string | null;
  readonly dimensions: ReadonlyArray<{ readonly id: string; readonly description: string }>;
  /** Verdict rules that decided at least one finding in the report. */
  readonly rules: ReadonlyArray<{ readonly id: string; readonly verdict: Verdict; readonly description: string; readonly findings: number }>;
  readonly datasets: readonly ReportDataset[];
  readonly loads: readonly ReportLoad[];
  readonly excluded: readonly ReportExclusion[];
  readonly notes: readonly string[];
}

export interface Report {
  readonly format: typeof REPORT_FORMAT;
  readonly version: typeof REPORT_VERSION;
  readonly title: string;
  readonly scope: ReportScope;
  /** Incident date bounds asked for (EDTF), or null. */
  readonly period: { readonly from: string | null; readonly to: string | null };
  /** The only date a report prints, and only when asked for. */
  readonly asOf: string | null;
  readonly agreements: readonly ReportAgreement[];
  readonly breaches: readonly ReportFinding[];
  readonly possibleBreaches: readonly ReportFinding[];
  readonly gaps: readonly ReportGap[];
  readonly trends: readonly ReportTrend[];
  readonly methods: ReportMethods;
  readonly citations: readonly ReportCitation[];
}
