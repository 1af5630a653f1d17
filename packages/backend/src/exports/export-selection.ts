import { PactwatchError, type Actor, type Agreement, type ContextEvent, type Group, type Incident, type StixFinding } from '@pactwatch/domain';
import type { Repositories } from '../repositories/index.js';

/** The records one export covers, read from one consistent snapshot of the store. */
export interface ExportSelection {
  readonly agreements: readonly Agreement[];
  readonly incidents: readonly Incident[];
  readonly actors: readonly Actor[];
  readonly groups: readonly Group[];
  readonly contextEvents: readonly ContextEvent[];
  readonly findings: readonly StixFinding[];
}

async function findingsWithOverrides(repos: Repositories, agreementId?: string): Promise<StixFinding[]> {
  const filter = agreementId === undefined ? {} : { agreementId };
  const [findings, overrides] = await Promise.all([repos.findings.list(filter), repos.findings.listOverrides(filter)]);
  const byKey = new Map(overrides.map((o) => [`${o.commitmentId}|${o.incidentId}`, o] as const));
  return findings.map((f) => {
    const override = byKey.get(`${f.commitmentId}|${f.incidentId}`);
    return override === undefined ? f : { ...f, override };
  });
}

/**
 * Everything, or one agreement with what it needs to stand alone: its commitments and findings,
 * the incidents those findings judge, the actors and groups they name, and the context events
 * recorded against it. NOT_FOUND for an unknown agreement.
 */
export async function selectForExport(repos: Repositories, agreementId?: string): Promise<ExportSelection> {
  if (agreementId === undefined) {
    const [agreements, incidents, actors, groups, contextEvents, findings] = await Promise.all([
      repos.agreements.listAll(),
      repos.incidents.list(),
      repos.actors.listAll(),
      repos.groups.listAll(),
      repos.contextEvents.listAll(),
      findingsWithOverrides(repos),
    ]);
    return { agreements, incidents, actors, groups, contextEvents, findings };
  }
  const agreement = await repos.agreements.get(agreementId);
  if (agreement === undefined) throw new PactwatchError('NOT_FOUND', `no agreement "${agreementId}"; list them with \`pactwatch agreements\``);
  const findings = await findingsWithOverrides(repos, agreementId);
  const incidents = await repos.incidents.list({ ids: [...new Set(findings.map((f) => f.incidentId))] });
  const actorIds = new Set(incidents.flatMap((i) => i.attributions.flatMap((a) => (a.actor === undefined ? [] : [a.actor]))));
  const groupIds = new Set(agreement.parties.flatMap((p) => ('group' in p ? [p.group] : [])));
  const [actors, groups, events] = await Promise.all([repos.actors.listAll(), repos.groups.listAll(), repos.contextEvents.listAll()]);
  return {
    agreements: [agreement],
    incidents,
    actors: actors.filter((a) => actorIds.has(a.id)),
    groups: groups.filter((g) => groupIds.has(g.id)),
    contextEvents: events.filter((e) => e.agreements.includes(agreementId) || e.commitments.some((c) => c.startsWith(`${agreementId}/`))),
    findings,
  };
}
