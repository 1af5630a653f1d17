import type { Agreement, Incident } from '@pactwatch/domain';

/** Small records for the list and dyad tests (the shapes the API returns). */
export const OPM: Incident = {
  id: 'cn-us-opm-2015',
  title: 'OPM personnel records breach',
  summary: 'Theft of personnel files.',
  period: { start: '2014-03', end: '2015-04' },
  activities: [{ type: 'personal-data-theft', certainty: 'confirmed' }],
  means: ['cyber'],
  attributions: [
    { sponsor: 'CN', relation: 'state-organ', confidence: 60, basis: 'government-attribution', attributedBy: 'US officials', sources: [] },
    { sponsor: 'CN', relation: 'unknown', confidence: 85, basis: 'technical', attributedBy: 'A vendor', sources: [] },
  ],
  victims: [{ state: 'US', category: 'government' }],
  sources: [{ publisher: 'Example', title: 'OPM' }],
  provenance: { dataset: 'curated' },
  disputes: [],
} as unknown as Incident;

export const US_CN: Agreement = {
  id: 'us-cn-2015',
  title: 'US–China cyber commitments (2015)',
  shortTitle: 'US–China 2015',
  kind: 'joint-statement',
  parties: [{ state: 'US' }, { state: 'CN' }],
  signed: '2015-09-25',
  status: 'announced',
  summary: 'No cyber-enabled theft of IP for commercial advantage.',
  sources: [],
  provenance: { dataset: 'curated' },
  disputes: [],
  commitments: [{ id: 'us-cn-2015/no-ip-theft' }, { id: 'us-cn-2015/cooperate' }],
} as unknown as Agreement;

export const STATES = { items: [{ code: 'CN', name: 'China' }, { code: 'US', name: 'United States' }], nextCursor: null };
