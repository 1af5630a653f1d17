import type { AttributionBasis } from '@pactwatch/domain';
import { hostOf } from '../values/source-links.js';

/**
 * Attribution basis read from the hosts of a record's cited sources, for curated trackers that
 * cite but do not code who attributed. Ids are stable; the strongest matching basis wins
 * (indictment, then government attribution, then vendor report).
 */
export const SOURCE_BASIS_RULES: ReadonlyArray<{ readonly id: string; readonly basis: AttributionBasis; readonly hosts: readonly string[]; readonly description: string }> = [
  { id: 'src-us-doj', basis: 'indictment', hosts: ['justice.gov'], description: 'US Department of Justice press releases announce indictments.' },
  {
    id: 'src-government',
    basis: 'government-attribution',
    hosts: ['gov', 'gov.uk', 'gc.ca', 'gov.au', 'govt.nz', 'mil', 'europa.eu', 'consilium.europa.eu', 'bund.de', 'gouv.fr', 'go.jp', 'go.kr', 'mod.uk', 'nato.int'],
    description: 'Government and intergovernmental sites (advisories, statements, sanctions).',
  },
  {
    id: 'src-vendor',
    basis: 'vendor-report',
    hosts: ['fireeye.com', 'mandiant.com', 'crowdstrike.com', 'symantec.com', 'broadcom.com', 'kaspersky.com', 'securelist.com', 'microsoft.com', 'paloaltonetworks.com', 'proofpoint.com', 'trendmicro.com', 'eset.com', 'welivesecurity.com', 'recordedfuture.com', 'checkpoint.com', 'sentinelone.com', 'secureworks.com', 'talosintelligence.com', 'f-secure.com', 'clearskysec.com', 'volexity.com', 'lookout.com', 'fortinet.com', 'mcafee.com', 'trellix.com', 'citizenlab.ca'],
    description: 'Security companies\' (and Citizen Lab\'s) technical reports.',
  },
];

const STRENGTH: readonly AttributionBasis[] = ['indictment', 'government-attribution', 'vendor-report'];

function hostMatches(host: string, pattern: string): boolean {
  return host === pattern || host.endsWith(`.${pattern}`);
}

/** The strongest basis the cited URLs show, with the rule id, or undefined. */
export function basisFromUrls(urls: readonly string[]): { basis: AttributionBasis; ruleId: string } | undefined {
  const matches = urls.flatMap((url) => {
    const host = hostOf(url);
    if (host === undefined) return [];
    const rule = SOURCE_BASIS_RULES.find((r) => r.hosts.some((pattern) => hostMatches(host, pattern)));
    return rule === undefined ? [] : [{ basis: rule.basis, ruleId: rule.id }];
  });
  matches.sort((a, b) => STRENGTH.indexOf(a.basis) - STRENGTH.indexOf(b.basis));
  return matches[0];
}
