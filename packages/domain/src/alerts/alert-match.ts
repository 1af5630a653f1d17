import type { Finding, Verdict } from '../compliance/types.js';
import type { Attribution, Incident } from '../model/incident.js';
import type { Source } from '../model/common-schemas.js';
import type { ChangepointAlertRule, FindingAlertRule, IncidentAlertRule } from './alert-rule.js';

/** The attribution a match rests on: who says so, on what basis, how sure, with which sources. */
export interface AlertEvidence {
  readonly sponsor: string;
  readonly basis: string;
  readonly confidence: number;
  readonly attributedBy: string;
  readonly actor: string | null;
  readonly sources: readonly Source[];
}

/** Ids of the records a match is about, so a receiver can look them up (CLI, API, dashboard). */
export interface AlertLinks {
  readonly incidentId?: string;
  readonly agreementId?: string;
  readonly commitmentId?: string;
  readonly sponsor?: string;
  readonly victim?: string;
}

/** A level shift found in a dyad's yearly series. */
export interface DyadChangepoint {
  readonly sponsor: string;
  readonly victim: string;
  /** Label of the first period of the new level (e.g. "2019"). */
  readonly period: string;
  readonly meanBefore: number;
  readonly meanAfter: number;
  /** How the series was segmented (method, cost, penalty), so the reader can redo it. */
  readonly method: string;
}

/**
 * One thing a rule matched. `subjectKey` is stable across scans (it names the record and what
 * made it match, never a time), so storing it once per rule is what makes "new" idempotent.
 */
export interface AlertMatch {
  readonly kind: 'finding' | 'incident' | 'changepoint';
  readonly subjectKey: string;
  /** What matched, in one line. */
  readonly summary: string;
  /** Why it matched the rule. */
  readonly reason: string;
  readonly links: AlertLinks;
  readonly verdict: Verdict | null;
  readonly evidence: AlertEvidence | null;
  readonly changepoint: DyadChangepoint | null;
}

function evidenceOf(attribution: Attribution): AlertEvidence {
  return {
    sponsor: attribution.sponsor,
    basis: attribution.basis,
    confidence: attribution.confidence,
    attributedBy: attribution.attributedBy,
    actor: attribution.actorName ?? attribution.actor ?? null,
    sources: attribution.sources,
  };
}

export function findingSubjectKey(finding: Pick<Finding, 'incidentId' | 'commitmentId' | 'verdict'>): string {
  return `finding:${finding.incidentId}:${finding.commitmentId}:${finding.verdict}`;
}

/** A finding matches when its agreement/commitment is the rule's (or the rule names none) and its verdict is listed. */
export function matchFinding(rule: FindingAlertRule, finding: Finding, incident?: Incident): AlertMatch | undefined {
  if (rule.agreementId !== undefined && finding.agreementId !== rule.agreementId) return undefined;
  if (rule.commitmentId !== undefined && finding.commitmentId !== rule.commitmentId) return undefined;
  if (!rule.verdicts.includes(finding.verdict)) return undefined;
  const attribution = incident?.attributions[finding.attributionIndex];
  const title = incident === undefined ? finding.incidentId : `${incident.title} (${finding.incidentId})`;
  return {
    kind: 'finding',
    subjectKey: findingSubjectKey(finding),
    summary: `${finding.verdict} of ${finding.commitmentId}: ${title}, ${finding.dyad.sponsor}→${finding.dyad.victim}`,
    reason: `verdict ${finding.verdict} (rule ${finding.rule}) is one of ${rule.verdicts.join(', ')}: ${finding.summary}`,
    links: { incidentId: finding.incidentId, agreementId: finding.agreementId, commitmentId: finding.commitmentId, sponsor: finding.dyad.sponsor, victim: finding.dyad.victim },
    verdict: finding.verdict,
    evidence: attribution === undefined ? null : evidenceOf(attribution),
    changepoint: null,
  };
}

/**
 * An incident matches when one attribution names the sponsor at or above the confidence and a
 * victim is the rule's victim; the most confident such attribution is the evidence.
 */
export function matchIncident(rule: IncidentAlertRule, incident: Incident): AlertMatch | undefined {
  const minimum = rule.minConfidence ?? 0;
  if (rule.victim !== undefined && !incident.victims.some((v) => v.state === rule.victim)) return undefined;
  const candidates = incident.attributions.filter((a) => a.sponsor === rule.sponsor && a.confidence >= minimum);
  const best = candidates.reduce<Attribution | undefined>((top, a) => (top === undefined || a.confidence > top.confidence ? a : top), undefined);
  if (best === undefined) return undefined;
  const victim = rule.victim ?? incident.victims[0]?.state;
  return {
    kind: 'incident',
    subjectKey: `incident:${incident.id}`,
    summary: `${incident.title} (${incident.id}) attributed to ${best.sponsor}${victim === undefined ? '' : ` against ${victim}`}`,
    reason: `attributed to ${best.sponsor} by ${best.attributedBy} (${best.basis}, confidence ${best.confidence}${rule.minConfidence === undefined ? '' : ` ≥ ${rule.minConfidence}`})${rule.victim === undefined ? '' : `; a victim is in ${rule.victim}`}`,
    links: { incidentId: incident.id, sponsor: best.sponsor, ...(victim === undefined ? {} : { victim }) },
    verdict: null,
    evidence: evidenceOf(best),
    changepoint: null,
  };
}

export function matchChangepoint(rule: ChangepointAlertRule, changepoint: DyadChangepoint): AlertMatch | undefined {
  if (changepoint.sponsor !== rule.sponsor || changepoint.victim !== rule.victim) return undefined;
  const direction = changepoint.meanAfter > changepoint.meanBefore ? 'rises' : 'falls';
  const round = (x: number): string => (Math.round(x * 100) / 100).toString();
  return {
    kind: 'changepoint',
    subjectKey: `changepoint:${changepoint.sponsor}-${changepoint.victim}:${changepoint.period}`,
    summary: `incidents ${changepoint.sponsor}→${changepoint.victim} ${direction} from ${round(changepoint.meanBefore)} to ${round(changepoint.meanAfter)} a year from ${changepoint.period}`,
    reason: `${changepoint.method} places a changepoint at ${changepoint.period} in the yearly series of dyad ${changepoint.sponsor}→${changepoint.victim}`,
    links: { sponsor: changepoint.sponsor, victim: changepoint.victim },
    verdict: null,
    evidence: null,
    changepoint,
  };
}
