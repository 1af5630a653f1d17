import type { Agreement } from '../model/agreement.js';
import type { Group } from '../model/context-records.js';
import type { Incident } from '../model/incident.js';
import { checkParties } from './party-check.js';
import { prepareCommitment, prepareGroup, prepareIncident, possibleSponsors, possibleVictims, type PreparedCommitment, type PreparedGroup } from './prepared.js';
import { decideVerdictRule, summariseVerdict, VERDICT_RANK } from './rules.js';
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
  readonly checks: readonly Check[];
  readonly sponsor: string;
  readonly victim: string;
  readonly attributionIndex: number;
  readonly confidence: number;
}

/** Checks that depend only on the commitment and the incident, computed once per pair of them. */
interface CommitmentChecks {
  readonly timing: ReturnType<typeof checkTiming>;
  readonly activity: Check;
  readonly means: Check;
  readonly targets: Map<string, Check>;
}

/** Checks that depend only on the attribution (and the commitment's actor standard), per incident. */
interface AttributionChecks {
  readonly actor: Map<string, Check>;
  readonly confidence: Check;
}

function evaluatePair(
  prepared: PreparedCommitment,
  shared: CommitmentChecks,
  incident: Incident,
  attributionIndex: number,
  attributionChecks: AttributionChecks,
  victim: string,
): Candidate | undefined {
  const scope = prepared.commitment.scope;
  const attribution = incident.attributions[attributionIndex];
  if (scope === undefined || attribution === undefined) return undefined;
  const { timing } = shared;
  const parties = checkParties(prepared, attribution.sponsor, victim, timing.judgedFrom, timing.judgedTo);
  // A pair the agreement does not bind at all is not a finding: it is not this agreement's business.
  if (parties.value === 'false') return undefined;
  let target = shared.targets.get(victim);
  if (target === undefined) {
    target = checkTarget(scope, incident, victim);
    shared.targets.set(victim, target);
  }
  // Every check is evaluated even when an earlier one already decides, so the trace is complete.
  let actor = attributionChecks.actor.get(scope.actor);
  if (actor === undefined) {
    actor = checkActor(scope, attribution);
    attributionChecks.actor.set(scope.actor, actor);
  }
  const checks: Check[] = [timing.check, parties, shared.activity, target, shared.means, actor, attributionChecks.confidence];
  const { verdict, rule } = decideVerdictRule(checks);
  return { verdict, rule, checks, sponsor: attribution.sponsor, victim, attributionIndex, confidence: attribution.confidence };
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
  // sponsor → victim → commitments that may bind the one toward the other: only plausible pairs
  // are ever evaluated, whatever the number of agreements.
  const index = new Map<string, Map<string, PreparedCommitment[]>>();
  for (const agreement of agreements) {
    for (const commitment of agreement.commitments) {
      if (commitment.obligation !== 'refrain' || commitment.scope === undefined) continue;
      const prepared = prepareCommitment(agreement, commitment, preparedGroups);
      commitments.set(commitment.id, prepared);
      const victims = possibleVictims(prepared);
      for (const sponsor of possibleSponsors(prepared)) {
        const byVictim = index.get(sponsor) ?? new Map<string, PreparedCommitment[]>();
        index.set(sponsor, byVictim);
        for (const victim of victims) {
          if (victim === sponsor) continue;
          const list = byVictim.get(victim);
          if (list === undefined) byVictim.set(victim, [prepared]);
          else list.push(prepared);
        }
      }
    }
  }

  const evaluateIncident = (incident: Incident): Finding[] => {
    const { window } = prepareIncident(incident);
    const victimStates = [...new Set(incident.victims.map((v) => v.state))];
    const perCommitment = new Map<string, Candidate[]>();
    const shared = new Map<string, CommitmentChecks>();
    incident.attributions.forEach((attribution, attributionIndex) => {
      const byVictim = index.get(attribution.sponsor);
      if (byVictim === undefined) return;
      const attributionChecks: AttributionChecks = { actor: new Map(), confidence: checkConfidence(attribution, resolved.confidenceThreshold) };
      for (const victim of victimStates) {
        for (const prepared of byVictim.get(victim) ?? []) {
          const scope = prepared.commitment.scope;
          if (scope === undefined) continue;
          let checks = shared.get(prepared.commitment.id);
          if (checks === undefined) {
            checks = { timing: checkTiming(prepared, window), activity: checkActivity(scope, incident), means: checkMeans(scope, incident), targets: new Map() };
            shared.set(prepared.commitment.id, checks);
          }
          const candidate = evaluatePair(prepared, checks, incident, attributionIndex, attributionChecks, victim);
          if (candidate === undefined) continue;
          const list = perCommitment.get(prepared.commitment.id);
          if (list === undefined) perCommitment.set(prepared.commitment.id, [candidate]);
          else list.push(candidate);
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
        summary: summariseVerdict(best.verdict, best.checks),
        dyad: { sponsor: best.sponsor, victim: best.victim },
        attributionIndex: best.attributionIndex,
        checks: best.checks,
        alternatives: candidates
          .filter((c) => c !== best)
          .map((c) => ({ sponsor: c.sponsor, victim: c.victim, verdict: c.verdict, attributionIndex: c.attributionIndex })),
      });
    }
    return findings.sort((a, b) => (a.commitmentId < b.commitmentId ? -1 : a.commitmentId > b.commitmentId ? 1 : 0));
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
