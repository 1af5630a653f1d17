import type { Agreement } from '../model/agreement.js';
import type { CooperationFinding } from './cooperation.js';
import { SCOPE_DIMENSIONS, VERDICT_RANK } from './rules.js';
import { VERDICTS, type Dimension, type Finding, type Verdict, type VerdictOverride } from './types.js';

export interface ScorecardGap {
  readonly dimension: Dimension;
  readonly count: number;
  readonly incidents: readonly string[];
}

export interface CommitmentScore {
  readonly commitmentId: string;
  readonly title: string;
  readonly counts: Readonly<Record<Verdict, number>>;
}

/** One agreement's record: counts by verdict, the incidents behind each, and its gaps. */
export interface Scorecard {
  readonly agreementId: string;
  readonly title: string;
  readonly signed: string;
  /** Distinct incidents by their most serious verdict across the agreement's commitments. */
  readonly counts: Readonly<Record<Verdict, number>>;
  readonly incidents: Readonly<Record<Verdict, readonly string[]>>;
  /** The same counts with analysts' overrides applied (computed verdicts are kept above). */
  readonly countsWithOverrides: Readonly<Record<Verdict, number>>;
  readonly overrides: number;
  readonly commitments: readonly CommitmentScore[];
  /** Outside-scope incidents by the dimension that excluded them (an incident may count twice). */
  readonly gaps: readonly ScorecardGap[];
  readonly cooperation: readonly CooperationFinding[];
}

function emptyCounts(): Record<Verdict, number> {
  return { breach: 0, 'possible-breach': 0, 'outside-scope': 0, 'before-in-force': 0 };
}

function strongestByIncident(findings: readonly { incidentId: string; verdict: Verdict }[]): Map<string, Verdict> {
  const strongest = new Map<string, Verdict>();
  for (const finding of findings) {
    const current = strongest.get(finding.incidentId);
    if (current === undefined || VERDICT_RANK[finding.verdict] > VERDICT_RANK[current]) strongest.set(finding.incidentId, finding.verdict);
  }
  return strongest;
}

/**
 * What a scorecard reads of a finding. Checks are read only for outside-scope findings (the gaps),
 * so a store may leave them empty on the others and spare itself parsing every trace.
 */
export type ScorecardFinding = Pick<Finding, 'agreementId' | 'commitmentId' | 'incidentId' | 'verdict' | 'checks'>;

export function buildScorecard(
  agreement: Agreement,
  findings: readonly ScorecardFinding[],
  overrides: readonly VerdictOverride[] = [],
  cooperation: readonly CooperationFinding[] = [],
): Scorecard {
  const own = findings.filter((f) => f.agreementId === agreement.id);
  const overrideByKey = new Map(overrides.map((o) => [`${o.commitmentId}|${o.incidentId}`, o] as const));
  const strongest = strongestByIncident(own);
  const counts = emptyCounts();
  const incidents: Record<Verdict, string[]> = { breach: [], 'possible-breach': [], 'outside-scope': [], 'before-in-force': [] };
  for (const [incidentId, verdict] of [...strongest].sort((a, b) => a[0].localeCompare(b[0]))) {
    counts[verdict] += 1;
    incidents[verdict].push(incidentId);
  }
  let overrideCount = 0;
  const effective = own.map((f) => {
    const override = overrideByKey.get(`${f.commitmentId}|${f.incidentId}`);
    if (override !== undefined) overrideCount += 1;
    return { incidentId: f.incidentId, verdict: override?.verdict ?? f.verdict };
  });
  const countsWithOverrides = emptyCounts();
  for (const verdict of strongestByIncident(effective).values()) countsWithOverrides[verdict] += 1;

  const gapMap = new Map<Dimension, Set<string>>();
  for (const finding of own) {
    if (finding.verdict !== 'outside-scope') continue;
    for (const check of finding.checks) {
      // A gap is what the agreement does not cover (scope, or its end date); a weak attribution is not a gap.
      if (check.value !== 'false' || !(SCOPE_DIMENSIONS.includes(check.dimension) || check.dimension === 'timing')) continue;
      const set = gapMap.get(check.dimension) ?? new Set<string>();
      set.add(finding.incidentId);
      gapMap.set(check.dimension, set);
    }
  }
  const commitments = agreement.commitments
    .filter((c) => c.obligation === 'refrain')
    .map((c) => {
      const perCommitment = emptyCounts();
      for (const f of own) if (f.commitmentId === c.id) perCommitment[f.verdict] += 1;
      return { commitmentId: c.id, title: c.title, counts: perCommitment };
    });
  return {
    agreementId: agreement.id,
    title: agreement.shortTitle ?? agreement.title,
    signed: agreement.signed,
    counts,
    incidents,
    countsWithOverrides,
    overrides: overrideCount,
    commitments,
    gaps: [...gapMap]
      .map(([dimension, set]) => ({ dimension, count: set.size, incidents: [...set].sort() }))
      .sort((a, b) => b.count - a.count || a.dimension.localeCompare(b.dimension)),
    cooperation: cooperation.filter((c) => c.agreementId === agreement.id),
  };
}

export { VERDICTS };
