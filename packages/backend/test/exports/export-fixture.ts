import type { Pactwatch } from '@pactwatch/backend';
import { AGREEMENT_YAML, incidentYaml, workspace, type Workspace } from '../helpers.js';

export const ACTOR_YAML = `id: apt3
name: APT3
aliases: [Gothic Panda, UPS Team]
sponsor: CN
sponsorConfidence: 80
sources: [{ publisher: FireEye, title: Operation Clandestine Wolf, date: "2015-06-23" }]
`;

export const GROUP_YAML = `id: g2
name: Group of two
members: [{ state: DE }, { state: CN, from: "2010" }]
sources: [{ publisher: Test, title: Members }]
`;

export const DE_AGREEMENT_YAML = `id: de-cn-test
title: German-Chinese test understanding
kind: mou
parties: [{ group: g2 }]
signed: "2016-06-13"
status: signed
summary: Through a group.
sources: [{ publisher: Test, title: Source }]
provenance: { origin: added, note: test }
commitments:
  - id: no-theft
    title: No theft
    obligation: refrain
    text: no theft
    source: { publisher: Test, title: Source }
    scope: { activities: [commercial-espionage], targets: [private-sector], means: any, actor: conducted, rationale: test }
`;

/** A title with a comma, quotes and a line break, and a second attribution: CSV's hard cases. */
export const TRICKY_INCIDENT_YAML = `id: tricky
title: "Acme, \\"Beta\\" and\\nGamma"
summary: Two attributions, two victims.
period: { start: "2016-05", end: "2016-12~" }
disclosed: "2016-08-01"
activities: [{ type: commercial-espionage }, { type: sabotage, certainty: possible }]
means: [cyber, insider]
attributions:
  - { sponsor: CN, actor: apt3, actorName: APT3, relation: state-supported, confidence: 90, basis: vendor-report, attributedBy: "Mandiant; later DOJ" }
  - { sponsor: RU, relation: unknown, confidence: 30, basis: media, attributedBy: Press }
victims:
  - { state: DE, category: private-sector, sector: chemicals, entity: "Beta AG" }
  - { state: US, category: private-sector }
sources: [{ publisher: Test, title: Report, date: "2016-09-01", url: "https://example.org/report?id=1" }]
provenance: { origin: seed-article, seeds: [burgess-2017] }
`;

export const EVENT_YAML = `id: us-cn-round-1
kind: dialogue-round
title: First round
date: "2015-12-01"
states: [US, CN]
agreements: [us-cn-test]
summary: Met.
sources: [{ publisher: Test, title: Minutes }]
provenance: { origin: added, note: test }
`;

/** A store with two agreements (one through a group), an actor, three incidents and an event, evaluated. */
export async function exportWorkspace(options: { now?: () => Date } = {}): Promise<{ ws: Workspace; app: Pactwatch }> {
  const ws = workspace();
  ws.write('groups/g2.yaml', GROUP_YAML);
  ws.write('actors/apt3.yaml', ACTOR_YAML);
  ws.write('agreements/us-cn-test.yaml', AGREEMENT_YAML);
  ws.write('agreements/de-cn-test.yaml', DE_AGREEMENT_YAML);
  ws.write('incidents/hack.yaml', incidentYaml('hack'));
  ws.write('incidents/spy.yaml', incidentYaml('spy', { means: 'humint', start: '2016-07' }));
  ws.write('incidents/tricky.yaml', TRICKY_INCIDENT_YAML);
  ws.write('context-events/us-cn-round-1.yaml', EVENT_YAML);
  const app = await ws.open(options);
  const load = await app.dataset.load();
  if (load.quarantined > 0) throw new Error(`fixture does not load: ${JSON.stringify(load.problems)}`);
  await app.evaluation.evaluate();
  return { ws, app };
}
