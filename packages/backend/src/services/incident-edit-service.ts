import { attributionSchema, incidentSchema, PactwatchError, sourceSchema, type Attribution, type Incident, type Source } from '@pactwatch/domain';
import { recordAudit } from '../repositories/audit-repository.js';
import type { Db } from '../db/connection.js';
import type { Repositories } from '../repositories/index.js';
import { contentHash } from '../util/hash.js';
import { checkEditable, inWriteTransaction, parseInput, USER_ORIGIN, type AfterChange, type EditContext } from './edit-support.js';
import type { ServiceContext } from './service-context.js';

export interface VersionedIncident {
  readonly incident: Incident;
  /** Content hash: the ETag a later update must send back. */
  readonly version: string;
}

/**
 * Analysts' writes to incidents (with their attributions, victims and sources). Each change is one
 * transaction holding the row and its audit entry; findings are then re-evaluated in the background.
 */
export class IncidentEditService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly afterChange: AfterChange,
  ) {}

  async get(id: string): Promise<VersionedIncident & { readonly origin: string }> {
    return inWriteTransaction(this.ctx, async (repos, trx) => {
      const [stored, incident] = await Promise.all([repos.browse.recordMeta('incident', id), repos.incidents.get(id)]);
      if (stored === undefined || incident === undefined) throw new PactwatchError('NOT_FOUND', `no incident "${id}"`);
      return { incident, version: stored.hash, origin: stored.origin };
    });
  }

  async create(input: unknown, edit: EditContext): Promise<VersionedIncident> {
    const incident = parseInput(incidentSchema, input, 'incident');
    const created = await inWriteTransaction(this.ctx, async (repos, trx) => insertUserIncident(repos, trx, incident, edit, this.ctx.now()));
    await this.afterChange(edit.principal, `incident ${incident.id} created`);
    return created;
  }

  async update(id: string, input: unknown, edit: EditContext): Promise<VersionedIncident> {
    const incident = parseInput(incidentSchema, input, 'incident');
    if (incident.id !== id) throw new PactwatchError('USAGE', `the body's id "${incident.id}" differs from the path's "${id}"; ids cannot be changed, create a new incident instead`);
    return this.replace(id, edit, 'incident.update', () => incident);
  }

  async addAttribution(id: string, input: unknown, edit: EditContext): Promise<VersionedIncident> {
    const attribution: Attribution = parseInput(attributionSchema, input, 'attribution');
    return this.replace(id, edit, 'incident.attribution.add', (before) => ({ ...before, attributions: [...before.attributions, attribution] }));
  }

  async addSource(id: string, input: unknown, edit: EditContext): Promise<VersionedIncident> {
    const source: Source = parseInput(sourceSchema, input, 'source');
    return this.replace(id, edit, 'incident.source.add', (before) => ({ ...before, sources: [...before.sources, source] }));
  }

  async delete(id: string, edit: EditContext): Promise<void> {
    await inWriteTransaction(this.ctx, async (repos, trx) => {
      checkEditable('incident', id, await repos.browse.recordMeta('incident', id), edit);
      const before = await repos.incidents.get(id);
      await repos.incidents.delete(id);
      await recordAudit(trx, { principal: edit.principal, action: 'incident.delete', entityType: 'incident', entityId: id, before, after: null, ...requestId(edit) }, this.ctx.now());
    });
    await this.afterChange(edit.principal, `incident ${id} deleted`);
  }

  private async replace(id: string, edit: EditContext, action: string, change: (before: Incident) => Incident): Promise<VersionedIncident> {
    const result = await inWriteTransaction(this.ctx, async (repos, trx) => replaceUserIncident(repos, trx, { id, edit, action, change }, this.ctx.now()));
    await this.afterChange(edit.principal, `incident ${id} changed (${action})`);
    return result;
  }
}

export interface IncidentChange {
  readonly id: string;
  readonly edit: EditContext;
  /** The audit action, e.g. incident.update. */
  readonly action: string;
  readonly change: (before: Incident) => Incident;
  readonly note?: string;
}

/**
 * Changes an editable (user-origin) incident and audits it in the caller's transaction: every
 * change to an existing incident goes through here (PUT, sub-resources, merging a draft).
 */
export async function replaceUserIncident(repos: Repositories, trx: Db, { id, edit, action, change, note }: IncidentChange, at: Date): Promise<VersionedIncident> {
  checkEditable('incident', id, await repos.browse.recordMeta('incident', id), edit);
  const before = await repos.incidents.get(id);
  if (before === undefined) throw new PactwatchError('NOT_FOUND', `no incident "${id}"`);
  // Re-validate the whole record: a sub-resource change must leave a valid incident.
  const after = parseInput(incidentSchema, change(before), 'incident');
  const version = contentHash(after);
  await repos.incidents.save(after, { origin: USER_ORIGIN, sourceFile: null, hash: version });
  await recordAudit(trx, { principal: edit.principal, action, entityType: 'incident', entityId: id, before, after, ...(note === undefined ? {} : { note }), ...requestId(edit) }, at);
  return { incident: after, version };
}

/**
 * Stores a new user-origin incident and its audit entry in the caller's transaction: the one path
 * every new incident written through the API takes (POST /incidents, accepting a draft).
 */
export async function insertUserIncident(repos: Repositories, trx: Db, incident: Incident, edit: EditContext, at: Date): Promise<VersionedIncident> {
  if ((await repos.browse.recordMeta('incident', incident.id)) !== undefined) {
    throw new PactwatchError('CONFLICT', `an incident with id "${incident.id}" already exists; choose another id or update it`);
  }
  const version = contentHash(incident);
  await repos.incidents.save(incident, { origin: USER_ORIGIN, sourceFile: null, hash: version });
  await recordAudit(trx, { principal: edit.principal, action: 'incident.create', entityType: 'incident', entityId: incident.id, before: null, after: incident, ...requestId(edit) }, at);
  return { incident, version };
}

export function requestId(edit: EditContext): { requestId?: string } {
  return edit.requestId === undefined ? {} : { requestId: edit.requestId };
}
