import { PactwatchError, type Actor, type Agreement, type ContextEvent, type Group, type Incident, type StixFinding } from '@pactwatch/domain';
import type { IncidentFilter, Repositories } from '../repositories/index.js';

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
 * recorded against it. NOT_FOUND for an unknown agreement. With an incident filter, only the
 * matching incidents go in (see selectIncidents).
 */
export async function selectForExport(repos: Repositories, agreementId?: string, filter?: IncidentFilter): Promise<ExportSelection> {
  if (filter !== undefined) return selectIncidents(repos, filter, agreementId);
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
  return withContext(repos, [agreement], incidents, findings);
}

/**
 * "The current selection" of a list: the incidents matching the filter, their findings (for one
 * agreement when given), and the agreements, actors, groups and context events those need, so
 * the file stands alone and its findings point at records inside it.
 */
async function selectIncidents(repos: Repositories, filter: IncidentFilter, agreementId: string | undefined): Promise<ExportSelection> {
  if (agreementId !== undefined && (await repos.agreements.get(agreementId)) === undefined) {
    throw new PactwatchError('NOT_FOUND', `no agreement "${agreementId}"; list them with \`pactwatch agreements\``);
  }
  const incidents = await repos.incidents.list({ ...filter, ...(agreementId === undefined ? {} : { agreementId }) });
  const ids = new Set(incidents.map((i) => i.id));
  const findings = (await findingsWithOverrides(repos, agreementId)).filter((f) => ids.has(f.incidentId));
  const agreementIds = new Set(agreementId === undefined ? findings.map((f) => f.agreementId) : [agreementId]);
  const agreements = (await repos.agreements.listAll()).filter((a) => agreementIds.has(a.id));
  return withContext(repos, agreements, incidents, findings);
}

/** The actors the incidents name, the groups the agreements' parties name, the context events recorded against the agreements. */
async function withContext(repos: Repositories, agreements: readonly Agreement[], incidents: readonly Incident[], findings: readonly StixFinding[]): Promise<ExportSelection> {
  const actorIds = new Set(incidents.flatMap((i) => i.attributions.flatMap((a) => (a.actor === undefined ? [] : [a.actor]))));
  const groupIds = new Set(agreements.flatMap((agreement) => agreement.parties.flatMap((p) => ('group' in p ? [p.group] : []))));
  const agreementIds = new Set(agreements.map((a) => a.id));
  const [actors, groups, events] = await Promise.all([repos.actors.listAll(), repos.groups.listAll(), repos.contextEvents.listAll()]);
  return {
    agreements,
    incidents,
    actors: actors.filter((a) => actorIds.has(a.id)),
    groups: groups.filter((g) => groupIds.has(g.id)),
    contextEvents: events.filter((e) => e.agreements.some((id) => agreementIds.has(id)) || e.commitments.some((c) => agreementIds.has(c.split('/', 1)[0] ?? ''))),
    findings,
  };
}
