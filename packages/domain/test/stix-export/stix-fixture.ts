import { actorSchema, createComplianceEngine, type Actor, type Agreement, type Incident, type StixExportInput, type StixFinding } from '@pactwatch/domain';
import { agreement, incident, ipTheftCommitment } from '../builders.js';

/**
 * A small world exercising every mapping: a catalogued actor with a sponsor, an actor known only
 * by name, two attributions with different sponsors, victims with and without entities, an
 * open-start EDTF period, a cooperation commitment, a dispute, a URL with a space, an override.
 */
export function stixWorld(): { agreements: Agreement[]; incidents: Incident[]; actors: Actor[]; findings: StixFinding[]; input: StixExportInput } {
  const accord = agreement({ shortTitle: 'US-China accord', inForce: '2015-09-25', sources: [{ publisher: 'White House', title: 'Fact sheet', date: '2015-09-25', url: 'https://obamawhitehouse.archives.gov/fact sheet' }], disputes: [{ field: 'status', note: 'contested reading', status: 'disagree' }] }, [
    ipTheftCommitment(),
    {
      id: 'cooperate',
      title: 'Respond to requests',
      obligation: 'cooperate',
      text: 'provide timely responses to requests for information',
      source: { publisher: 'White House', title: 'Fact sheet', quote: 'timely responses', quoteStatus: 'verbatim' },
      expectation: { eventKinds: ['dialogue-round'], everyMonths: 6 },
    },
  ]);
  const apt3: Actor = actorSchema.parse({ id: 'apt3', name: 'APT3', aliases: ['Gothic Panda', 'UPS Team'], sponsor: 'CN', sponsorConfidence: 80, description: 'A Chinese group.', sources: [{ publisher: 'FireEye', title: 'Operation Clandestine Wolf', date: '2015-06-23' }] });
  const theft = incident({
    id: 'acme-theft-2016',
    disclosed: '2016-06-01',
    sources: [{ publisher: 'DOJ', title: 'Indictment', date: '2017-11-27', url: 'https://www.justice.gov/opa/pr/x' }],
    attributions: [
      { sponsor: 'CN', actor: 'apt3', actorName: 'APT3', relation: 'state-supported', confidence: 85, basis: 'indictment', attributedBy: 'DOJ', sources: [{ publisher: 'DOJ', title: 'Indictment', date: '2017-11-27' }] },
      { sponsor: 'RU', actorName: 'Cozy Bear', relation: 'unknown', confidence: 40, basis: 'media', attributedBy: 'unnamed officials; Reuters' },
    ],
    victims: [
      { state: 'US', category: 'private-sector', sector: 'aerospace', entity: 'Acme Corp' },
      { state: 'US', category: 'private-sector', entity: 'acme  corp' },
      { state: 'DE', category: 'government' },
    ],
  });
  const influence = incident({
    id: 'influence-2017',
    title: 'Influence, start unknown',
    period: { start: '/2017-05-12', end: '2017-05-12' },
    activities: [{ type: 'influence-operation' }, { type: 'commercial-espionage', certainty: 'possible' }],
    means: ['humint', 'cyber'],
    attributions: [{ sponsor: 'CN', actorName: 'cozy bear', relation: 'state-organ', confidence: 70, basis: 'government-attribution', attributedBy: 'Richardson' }],
    victims: [{ state: 'US', category: 'civil-society' }],
    sources: [{ publisher: 'ABC', title: 'Speech' }],
    provenance: { origin: 'imported', dataset: 'dcid', recordId: '12', fileHash: 'a'.repeat(64), file: 'dcid.xlsx' },
    disputes: [{ field: 'period.start', note: 'no known start', status: 'unconfirmed' }],
  });
  const agreements = [accord];
  const incidents = [theft, influence];
  const actors = [apt3];
  const computed = createComplianceEngine(agreements, []).evaluateAll(incidents);
  const findings: StixFinding[] = computed.map((f) =>
    f.incidentId === 'acme-theft-2016' ? { ...f, override: { commitmentId: f.commitmentId, incidentId: f.incidentId, verdict: 'possible-breach', note: 'attribution contested', author: 'analyst', createdAt: '2024-01-02T03:04:05.000Z' } } : f,
  );
  return { agreements, incidents, actors, findings, input: { agreements, incidents, actors, findings } };
}
