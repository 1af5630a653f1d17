import { agreementSchema, incidentSchema, toAgreement, type Agreement, type Incident } from '@pactwatch/domain';

/** Test data builders: every test makes its own records, validated by the real schemas. */
const source = { publisher: 'Test Publisher', title: 'Test source' };

export function agreement(overrides: Record<string, unknown> = {}, commitments: Record<string, unknown>[] = [ipTheftCommitment()]): Agreement {
  return toAgreement(
    agreementSchema.parse({
      id: 'us-cn-test',
      title: 'Test accord',
      kind: 'joint-statement',
      parties: [{ state: 'US' }, { state: 'CN' }],
      signed: '2015-09-25',
      status: 'announced',
      summary: 'A test agreement.',
      sources: [source],
      provenance: { origin: 'added', note: 'test' },
      commitments,
      ...overrides,
    }),
  );
}

export function ipTheftCommitment(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'no-ip-theft',
    title: 'No cyber-enabled IP theft for commercial advantage',
    obligation: 'refrain',
    text: 'neither country\'s government will conduct or knowingly support cyber-enabled theft of intellectual property',
    source,
    scope: {
      activities: ['commercial-espionage'],
      targets: ['private-sector'],
      means: 'cyber-enabled',
      actor: 'conducted-or-supported',
      rationale: 'test',
    },
    ...overrides,
  };
}

export function incident(overrides: Record<string, unknown> = {}): Incident {
  return incidentSchema.parse({
    id: 'test-incident',
    title: 'Test incident',
    summary: 'Something happened.',
    period: { start: '2016-03-01', end: '2016-04-30' },
    activities: [{ type: 'commercial-espionage' }],
    means: ['cyber'],
    attributions: [{ sponsor: 'CN', relation: 'state-organ', confidence: 85, basis: 'indictment', attributedBy: 'DOJ' }],
    victims: [{ state: 'US', category: 'private-sector', entity: 'Acme Corp' }],
    sources: [source],
    provenance: { origin: 'added', note: 'test' },
    ...overrides,
  });
}
