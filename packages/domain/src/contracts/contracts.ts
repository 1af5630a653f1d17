import type { Agreement } from '../model/agreement.js';
import type { Incident } from '../model/incident.js';
import type { Dimension, Finding, TriValue, Verdict, VerdictOverride } from '../compliance/types.js';
import type { Scorecard } from '../compliance/scorecard.js';

/**
 * Public JSON contracts: what `--json` prints and the HTTP API returns. Kept apart from the domain
 * objects so internal changes do not silently change what scripts read; mapping functions below.
 */
export interface FindingContract {
  readonly agreement: string;
  readonly commitment: string;
  readonly incident: string;
  readonly verdict: Verdict;
  readonly rule: string;
  readonly summary: string;
  readonly sponsor: string;
  readonly victim: string;
  readonly checks: ReadonlyArray<{ readonly dimension: Dimension; readonly value: TriValue; readonly reason: string; readonly facts: Readonly<Record<string, unknown>> }>;
  readonly alternatives: Finding['alternatives'];
  readonly override?: { readonly verdict: Verdict; readonly note: string; readonly author: string; readonly createdAt: string };
}

export function toFindingContract(finding: Finding & { readonly override?: VerdictOverride }): FindingContract {
  return {
    agreement: finding.agreementId,
    commitment: finding.commitmentId,
    incident: finding.incidentId,
    verdict: finding.verdict,
    rule: finding.rule,
    summary: finding.summary,
    sponsor: finding.dyad.sponsor,
    victim: finding.dyad.victim,
    checks: finding.checks.map((c) => ({ dimension: c.dimension, value: c.value, reason: c.reason, facts: c.facts })),
    alternatives: finding.alternatives,
    ...(finding.override === undefined
      ? {}
      : { override: { verdict: finding.override.verdict, note: finding.override.note, author: finding.override.author, createdAt: finding.override.createdAt } }),
  };
}

/** Agreements print as the dataset stores them: ids, ISO codes, EDTF strings, sources. */
export type AgreementContract = Agreement;
export function toAgreementContract(agreement: Agreement): AgreementContract {
  return agreement;
}

export type IncidentContract = Incident;
export function toIncidentContract(incident: Incident): IncidentContract {
  return incident;
}

