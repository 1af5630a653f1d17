import type { Finding, VerdictOverride } from '../compliance/types.js';
import { commitmentStixId } from './agreement-objects.js';
import { incidentStixId } from './incident-objects.js';
import { pactwatchExtension, stixObject } from './stix-common.js';
import { stixId } from './stix-ids.js';
import { laterTimestamp, stixTimestamp, type StixTimes } from './stix-time.js';
import type { StixObject } from './stix-types.js';

export type StixFinding = Finding & { readonly override?: VerdictOverride };

export const findingStixId = (commitmentId: string, incidentId: string): string => stixId('note', 'finding', `${commitmentId}|${incidentId}`);

/** The verdict and its check-by-check trace as text a person can read in any STIX tool. */
export function findingContent(finding: StixFinding): string {
  const lines = [
    `Verdict: ${finding.verdict} (rule ${finding.rule})`,
    `Commitment: ${finding.commitmentId}`,
    `Incident: ${finding.incidentId}`,
    `Sponsor → victim: ${finding.dyad.sponsor} → ${finding.dyad.victim} (attribution #${finding.attributionIndex + 1})`,
    `Why: ${finding.summary}`,
    '',
    'Checks:',
    ...finding.checks.map((c) => `- ${c.dimension}: ${c.value} — ${c.reason}`),
  ];
  if (finding.alternatives.length > 0) {
    lines.push('', 'Other sponsor → victim pairs:', ...finding.alternatives.map((a) => `- ${a.sponsor} → ${a.victim}: ${a.verdict} (attribution #${a.attributionIndex + 1})`));
  }
  if (finding.override !== undefined) {
    lines.push('', `Analyst override: ${finding.override.verdict} by ${finding.override.author} (${finding.override.createdAt}): ${finding.override.note}`);
  }
  return lines.join('\n');
}

/**
 * A finding as a `note` on the incident and the commitment: a note, not an opinion, because a
 * verdict (breach, outside-scope…) is analysis, not agreement with another producer's claim on
 * opinion's five-point scale. Its times follow the two records it joins (and an override's date).
 */
export function findingObject(finding: StixFinding, incidentTimes: StixTimes, agreementTimes: StixTimes): StixObject {
  const created = laterTimestamp(incidentTimes.created, agreementTimes.created);
  const overridden = finding.override === undefined ? undefined : stixTimestamp(Date.parse(finding.override.createdAt));
  const modified = [incidentTimes.modified, agreementTimes.modified, overridden ?? created].reduce(laterTimestamp, created);
  return stixObject('note', findingStixId(finding.commitmentId, finding.incidentId), { created, modified }, {
    labels: ['pactwatch-finding', finding.verdict],
    abstract: `${finding.verdict}: ${finding.incidentId} × ${finding.commitmentId}`,
    content: findingContent(finding),
    authors: ['pactwatch compliance engine'],
    object_refs: [incidentStixId(finding.incidentId), commitmentStixId(finding.commitmentId)],
    extensions: pactwatchExtension('property-extension', {
      agreementId: finding.agreementId,
      commitmentId: finding.commitmentId,
      incidentId: finding.incidentId,
      verdict: finding.verdict,
      rule: finding.rule,
      summary: finding.summary,
      sponsor: finding.dyad.sponsor,
      victim: finding.dyad.victim,
      attributionIndex: finding.attributionIndex,
      checks: finding.checks,
      alternatives: finding.alternatives,
      override: finding.override,
    }),
  });
}
