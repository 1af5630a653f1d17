import { excludingDimensions, SCOPE_DIMENSIONS, type Dimension, type FindingContract, type Verdict } from '@pactwatch/domain';

/** Dimension names as the commitment's scope spells them (the engine says `target`, the scope `targets`). */
export const DIMENSION_LABELS: Readonly<Record<Dimension, string>> = {
  timing: 'timing',
  parties: 'parties (direction)',
  activity: 'activity',
  target: 'targets',
  means: 'means',
  actor: 'actor',
  confidence: 'confidence',
};

export const VERDICT_ORDER: readonly Verdict[] = ['breach', 'possible-breach', 'outside-scope', 'before-in-force'];

/** An analyst's override wins over the computed verdict. */
export function effectiveVerdict(finding: FindingContract): Verdict {
  return finding.override?.verdict ?? finding.verdict;
}

export function findingKey(finding: FindingContract): string {
  return `${finding.commitment}|${finding.incident}`;
}

/** Findings by effective verdict, most serious first; empty groups left out. */
export function groupByVerdict(findings: readonly FindingContract[]): Array<{ verdict: Verdict; findings: FindingContract[] }> {
  return VERDICT_ORDER.map((verdict) => ({ verdict, findings: findings.filter((f) => effectiveVerdict(f) === verdict) })).filter((g) => g.findings.length > 0);
}

export function isInScope(finding: FindingContract): boolean {
  return excludingDimensions(finding.checks).length === 0;
}

export interface GapEntry {
  readonly incident: string;
  readonly commitment: string;
  readonly verdict: Verdict;
  readonly dimensions: readonly Dimension[];
  readonly reasons: ReadonlyArray<{ readonly dimension: Dimension; readonly reason: string }>;
}

/**
 * The agreement's gaps: every incident a commitment's scope leaves out, with the dimensions that
 * exclude it. Incidents that also predate the agreement (verdict before-in-force, e.g. the OPM
 * breach) are included: the text would not have covered them either, which is the gap.
 */
export function gapList(findings: readonly FindingContract[]): GapEntry[] {
  return findings
    .map((f) => ({ f, dims: excludingDimensions(f.checks) }))
    .filter(({ dims }) => dims.length > 0)
    .map(({ f, dims }) => ({
      incident: f.incident,
      commitment: f.commitment,
      verdict: effectiveVerdict(f),
      dimensions: dims,
      reasons: f.checks.filter((c) => dims.includes(c.dimension)).map((c) => ({ dimension: c.dimension, reason: c.reason })),
    }))
    .sort((a, b) => a.incident.localeCompare(b.incident) || a.commitment.localeCompare(b.commitment));
}

/** How many gap entries each scope dimension accounts for (an entry may count under several). */
export function gapCounts(gaps: readonly GapEntry[]): Array<{ dimension: Dimension; count: number }> {
  return SCOPE_DIMENSIONS.map((dimension) => ({ dimension, count: gaps.filter((g) => g.dimensions.includes(dimension)).length })).filter((c) => c.count > 0);
}

/** The incident's period as the timing check recorded it (EDTF), if it did. */
export function incidentPeriodOf(finding: FindingContract): string | undefined {
  const timing = finding.checks.find((c) => c.dimension === 'timing');
  const period = timing?.facts['incidentPeriod'];
  return typeof period === 'string' ? period : undefined;
}
