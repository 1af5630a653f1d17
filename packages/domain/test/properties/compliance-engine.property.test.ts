import { createComplianceEngine, decideVerdictRule, DIMENSIONS, SCOPE_DIMENSIONS, VERDICT_RANK, VERDICT_RULES, VERDICTS, type Finding } from '@pactwatch/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAgreement, buildGroup, buildIncident, perturbUnrelated, unrelatedNoise, world, type World } from './compliance-arbitraries.js';
import { propertyParams } from './property-config.js';


function evaluate({ agreement, group, incident }: World, threshold?: number): Finding[] {
  const engine = createComplianceEngine([buildAgreement(agreement)], [buildGroup(group)], threshold === undefined ? {} : { confidenceThreshold: threshold });
  return engine.evaluateIncident(buildIncident(incident));
}

/** What a verdict rests on; texts (reasons, facts quoting names) are left out on purpose. */
const decision = (findings: readonly Finding[]) =>
  findings.map((f) => ({
    commitmentId: f.commitmentId,
    verdict: f.verdict,
    rule: f.rule,
    dyad: f.dyad,
    attributionIndex: f.attributionIndex,
    values: f.checks.map((c) => `${c.dimension}=${c.value}`),
    alternatives: f.alternatives,
  }));

const RUNS = 250;

describe('compliance engine: properties', () => {
  it('a verdict never changes when only unrelated fields change (texts, sources, names, disputes, disclosure)', () => {
    fc.assert(
      fc.property(world, unrelatedNoise, (w, noise) => {
        const perturbed = perturbUnrelated(w.incident, w.agreement, noise);
        const before = decision(evaluate(w));
        const after = decision(evaluate({ ...w, incident: perturbed.incident as World['incident'], agreement: perturbed.agreement as World['agreement'] }));
        expect(after).toEqual(before);
      }),
      propertyParams(RUNS),
    );
  });

  it('breach only when every dimension is true; possible-breach only as rules.ts defines it', () => {
    let seen = 0;
    const verdicts = new Set<string>();
    fc.assert(
      fc.property(world, (w) => {
        for (const finding of evaluate(w)) {
          seen += 1;
          verdicts.add(finding.verdict);
          const value = (d: string) => finding.checks.find((c) => c.dimension === d)?.value;
          const falseScope = SCOPE_DIMENSIONS.filter((d) => value(d) === 'false');
          // A pair the agreement does not bind is no finding at all.
          expect(value('parties')).not.toBe('false');
          if (finding.verdict === 'breach') expect(finding.checks.every((c) => c.value === 'true')).toBe(true);
          if (finding.checks.some((c) => c.value === 'false')) expect(finding.verdict).not.toBe('breach');
          if (finding.verdict === 'possible-breach') {
            // V4: no scope dimension false and timing not false; something unknown, or confidence below the threshold.
            expect(falseScope).toEqual([]);
            expect(value('timing')).not.toBe('false');
            expect(finding.checks.some((c) => c.value === 'unknown') || value('confidence') === 'false').toBe(true);
          }
          if (finding.verdict === 'before-in-force') {
            const timing = finding.checks.find((c) => c.dimension === 'timing');
            expect(timing?.value).toBe('false');
            expect(timing?.facts['relation']).toBe('before');
          }
          if (finding.verdict === 'outside-scope') expect(falseScope.length > 0 || value('timing') === 'false').toBe(true);
          // The verdict is the rules-as-data applied to the checks, and the best of the dyads evaluated.
          expect(decideVerdictRule(finding.checks)).toEqual({ verdict: finding.verdict, rule: finding.rule });
          for (const alternative of finding.alternatives) expect(VERDICT_RANK[alternative.verdict]).toBeLessThanOrEqual(VERDICT_RANK[finding.verdict]);
        }
      }),
      propertyParams(RUNS * 2),
    );
    // Guard against generators that never reach a verdict (the properties would hold vacuously).
    expect(seen).toBeGreaterThan(RUNS / 2);
    expect([...verdicts].sort()).toEqual([...VERDICTS].sort());
  });

  it('every finding explains itself: seven checks in order, each with a value, a reason and facts', () => {
    const ruleIds = new Set(VERDICT_RULES.map((r) => r.id));
    fc.assert(
      fc.property(world, (w) => {
        for (const finding of evaluate(w)) {
          expect(finding.checks.map((c) => c.dimension)).toEqual([...DIMENSIONS]);
          for (const check of finding.checks) {
            expect(['true', 'false', 'unknown']).toContain(check.value);
            expect(check.reason.trim().length).toBeGreaterThan(0);
            expect(check.reason).not.toMatch(/undefined|NaN|\[object /);
            expect(typeof check.facts).toBe('object');
          }
          expect(VERDICTS).toContain(finding.verdict);
          expect(ruleIds.has(finding.rule)).toBe(true);
          expect(finding.summary.trim().length).toBeGreaterThan(0);
          expect(finding.summary).not.toMatch(/undefined|NaN/);
          const incident = buildIncident(w.incident);
          const victims = incident.victims.map((v) => v.state);
          const sponsors = incident.attributions.map((a) => a.sponsor);
          expect(finding.dyad.sponsor).toBe(sponsors[finding.attributionIndex]);
          expect(victims).toContain(finding.dyad.victim);
          expect(finding.dyad.sponsor).not.toBe(finding.dyad.victim);
        }
      }),
      propertyParams(RUNS),
    );
  });

  it('is deterministic: the same input gives the same findings JSON, from a fresh or a reused engine', () => {
    fc.assert(
      fc.property(world, (w) => {
        const engine = createComplianceEngine([buildAgreement(w.agreement)], [buildGroup(w.group)]);
        const incident = buildIncident(w.incident);
        const first = JSON.stringify(engine.evaluateIncident(incident));
        expect(JSON.stringify(engine.evaluateIncident(incident))).toBe(first);
        expect(JSON.stringify(evaluate(w))).toBe(first);
        expect(JSON.stringify(engine.evaluateAll([incident, incident]))).toBe(JSON.stringify([...JSON.parse(first), ...JSON.parse(first)]));
      }),
      propertyParams(RUNS),
    );
  });

  it('a stricter confidence threshold never raises a verdict, and only the confidence check may change', () => {
    fc.assert(
      fc.property(world, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (w, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const lenient = evaluate(w, low);
        const strict = evaluate(w, high);
        expect(strict.map((f) => f.commitmentId)).toEqual(lenient.map((f) => f.commitmentId));
        strict.forEach((finding, i) => {
          const other = lenient[i];
          if (other === undefined) return;
          expect(VERDICT_RANK[finding.verdict]).toBeLessThanOrEqual(VERDICT_RANK[other.verdict]);
          if (finding.dyad.sponsor === other.dyad.sponsor && finding.attributionIndex === other.attributionIndex && finding.dyad.victim === other.dyad.victim) {
            const scopeValues = (f: Finding) => f.checks.filter((c) => c.dimension !== 'confidence').map((c) => c.value);
            expect(scopeValues(finding)).toEqual(scopeValues(other));
          }
        });
      }),
      propertyParams(RUNS),
    );
  });
});
