import type { Agreement } from '../model/agreement.js';
import type { Group } from '../model/context-records.js';
import type { Incident } from '../model/incident.js';
import { checkParties } from './party-check.js';
import { prepareCommitment, prepareGroup, prepareIncident, possibleSponsors, type PreparedCommitment, type PreparedGroup } from './prepared.js';
import { decideVerdict, VERDICT_RANK } from './rules.js';
import { checkActivity, checkActor, checkConfidence, checkMeans, checkTarget } from './scope-checks.js';
import { checkTiming } from './timing-check.js';
import { DEFAULT_EVALUATION_OPTIONS, type Check, type EvaluationOptions, type Finding, type Verdict } from './types.js';

/**
 * The compliance engine, pure. Built once from agreements and groups (an index from each state to
 * the refrain commitments that may bind it), then asked about one incident at a time, so that
 * changing one incident re-evaluates only that incident.
 */
export interface ComplianceEngine {
  readonly options: EvaluationOptions;
  /** Refrain commitments known to the engine, by full id. */
  readonly commitments: ReadonlyMap<string, PreparedCommitment>;
  evaluateIncident(incident: Incident): Finding[];
  evaluateAll(incidents: Iterable<Incident>): Finding[];
}

interface Candidate {
  readonly verdict: Verdict;
  readonly rule: string;
  readonly summary: string;
  readonly checks: readonly Check[];
  readonly sponsor: string;
  readonly victim: string;
  readonly attributionIndex: number;
  readonly confidence: number;
}

function evaluatePair(prepared: PreparedCommitment, incident: Incident, window: ReturnType<typeof prepareIncident>['window'], attributionIndex: number, victim: string, threshold: number): Candidate | undefined {
  const scope = prepared.commitment.scope;
  const attribution = incident.attributions[attributionIndex];
  if (scope === undefined || attribution === undefined) return undefined;
  const timing = checkTiming(prepared, window);
  const parties = checkParties(prepared, attribution.sponsor, victim, timing.judgedFrom, timing.judgedTo);
  // A pair the agreement does not bind at all is not a finding: it is not this agreement's business.
  if (parties.value === 'false') return undefined;
  // Every check is evaluated even when an earlier one already decides, so the trace is complete.
  const checks: Check[] = [
    timing.check,
    parties,
    checkActivity(scope, incident),
    checkTarget(scope, incident, victim),
    checkMeans(scope, incident),
    checkActor(scope, attribution),
    checkConfidence(attribution, threshold),
  ];
  const decided = decideVerdict(checks);
  return { ...decided, checks, sponsor: attribution.sponsor, victim, attributionIndex, confidence: attribution.confidence };
}

function better(a: Candidate, b: Candidate): boolean {
  const rank = VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict];
  if (rank !== 0) return rank > 0;
  return a.confidence > b.confidence;
}

export function createComplianceEngine(agreements: readonly Agreement[], groups: readonly Group[], options: Partial<EvaluationOptions> = {}): ComplianceEngine {
  const resolved: EvaluationOptions = { ...DEFAULT_EVALUATION_OPTIONS, ...options };
  const preparedGroups = new Map<string, PreparedGroup>(groups.map((g) => [g.id, prepareGroup(g)]));
  const commitments = new Map<string, PreparedCommitment>();
  const bySponsor = new Map<string, PreparedCommitment[]>();
  for (const agreement of agreements) {
    for (const commitment of agreement.commitments) {
      if (commitment.obligation !== 'refrain' || commitment.scope === undefined) continue;
      const prepared = prepareCommitment(agreement, commitment, preparedGroups);
      commitments.set(commitment.id, prepared);
      for (const state of possibleSponsors(prepared)) {
        const list = bySponsor.get(state) ?? [];
        list.push(prepared);
        bySponsor.set(state, list);
      }
    }
  }

  const evaluateIncident = (incident: Incident): Finding[] => {
    const { window } = prepareIncident(incident);
    const victimStates = [...new Set(incident.victims.map((v) => v.state))];
    const perCommitment = new Map<string, Candidate[]>();
    incident.attributions.forEach((attribution, attributionIndex) => {
      for (const prepared of bySponsor.get(attribution.sponsor) ?? []) {
        for (const victim of victimStates) {
          const candidate = evaluatePair(prepared, incident, window, attributionIndex, victim, resolved.confidenceThreshold);
          if (candidate === undefined) continue;
          const list = perCommitment.get(prepared.commitment.id) ?? [];
          list.push(candidate);
          perCommitment.set(prepared.commitment.id, list);
        }
      }
    });
    const findings: Finding[] = [];
    for (const [commitmentId, candidates] of perCommitment) {
      const prepared = commitments.get(commitmentId);
      const best = candidates.reduce((a, b) => (better(b, a) ? b : a));
      if (prepared === undefined) continue;
      findings.push({
        agreementId: prepared.agreement.id,
        commitmentId,
        incidentId: incident.id,
        verdict: best.verdict,
        rule: best.rule,
        summary: best.summary,
        dyad: { sponsor: best.sponsor, victim: best.victim },
        attributionIndex: best.attributionIndex,
        checks: best.checks,
        alternatives: candidates
          .filter((c) => c !== best)
          .map((c) => ({ sponsor: c.sponsor, victim: c.victim, verdict: c.verdict, attributionIndex: c.attributionIndex })),
      });
    }
    return findings.sort((a, b) => a.commitmentId.localeCompare(b.commitmentId));
  };

  return {
    options: resolved,
    commitments,
    evaluateIncident,
    evaluateAll: (incidents) => {
      const all: Finding[] = [];
      for (const incident of incidents) for (const finding of evaluateIncident(incident)) all.push(finding);
      return all;
    },
  };
}
