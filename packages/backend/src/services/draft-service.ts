import { randomUUID } from 'node:crypto';
import { incidentSchema, PactwatchError, type Incident } from '@pactwatch/domain';
import type { Db } from '../db/connection.js';
import { recordAudit } from '../repositories/audit-repository.js';
import type { DraftDecision } from '../repositories/draft-repository.js';
import type { Repositories } from '../repositories/index.js';
import { canonicalJson } from '../util/hash.js';
import { checkLimit, pageOf, type Page } from './browse-service.js';
import { DRAFT_ORIGIN_PATTERN, DRAFT_STATES, HAND_ENTERED, type DraftListQuery, type IncidentDraft, type NewDraft } from './draft-types.js';
import { inWriteTransaction, parseInput, USER_ORIGIN, type AfterChange, type EditContext } from './edit-support.js';
import { insertUserIncident, replaceUserIncident, requestId, type VersionedIncident } from './incident-edit-service.js';
import { repositories, type ServiceContext } from './service-context.js';

export interface DraftOutcome {
  readonly draft: IncidentDraft;
  /** The incident the draft became or was merged into, with its new version (ETag). */
  readonly incident: VersionedIncident;
}

/** Adds the draft's attributions and sources the target does not already have (equal by content). */
function mergeInto(target: Incident, draft: Incident): Incident {
  const missing = <T>(have: readonly T[], add: readonly T[]): T[] => {
    const known = new Set(have.map((x) => canonicalJson(x)));
    return add.filter((x) => !known.has(canonicalJson(x)));
  };
  return { ...target, attributions: [...target.attributions, ...missing(target.attributions, draft.attributions)], sources: [...target.sources, ...missing(target.sources, draft.sources)] };
}

/**
 * The review queue: proposed incidents that only become incidents when an analyst accepts them
 * (or merges them into one). Every step is one transaction with its audit entries; accepting and
 * merging re-evaluate findings at once, like any incident edit.
 */
export class DraftService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly afterChange: AfterChange,
  ) {}

  async create(input: NewDraft, edit: EditContext): Promise<IncidentDraft> {
    const draft = this.newDraft(input, edit.principal.name);
    await inWriteTransaction(this.ctx, async (repos, trx) => this.insert(repos, trx, draft, edit));
    return draft;
  }

  /** Validates a proposal: the record must be a complete incident, so accepting it later cannot fail validation. */
  newDraft(input: NewDraft, createdBy: string): IncidentDraft {
    const record = parseInput(incidentSchema, input.record, 'proposed incident');
    const origin = input.origin ?? HAND_ENTERED;
    if (!DRAFT_ORIGIN_PATTERN.test(origin)) throw new PactwatchError('VALIDATION_FAILED', `origin must be hand-entered, import:<dataset> or feed:<id>, got "${origin}"`, { problems: [{ path: '/origin', reason: 'not a known origin' }] });
    if (input.confidence !== undefined && (!Number.isInteger(input.confidence) || input.confidence < 0 || input.confidence > 100)) {
      throw new PactwatchError('VALIDATION_FAILED', `confidence must be a whole number from 0 to 100, got ${input.confidence}`, { problems: [{ path: '/confidence', reason: 'out of range' }] });
    }
    return { id: randomUUID(), state: 'pending', origin, confidence: input.confidence ?? null, notes: input.notes ?? null, record, reason: null, incidentId: null, createdBy, createdAt: this.ctx.now().toISOString(), decidedBy: null, decidedAt: null };
  }

  /** Queues a validated draft inside the caller's transaction (imports queue many in theirs). */
  async insert(repos: Repositories, trx: Db, draft: IncidentDraft, edit: EditContext): Promise<void> {
    await repos.drafts.insert(draft);
    await recordAudit(trx, { principal: edit.principal, action: 'draft.create', entityType: 'draft', entityId: draft.id, before: null, after: draft, ...requestId(edit) }, this.ctx.now());
  }

  async get(id: string): Promise<IncidentDraft> {
    return this.find(await repositories(this.ctx).drafts.get(id), id);
  }

  async list(query: DraftListQuery): Promise<Page<IncidentDraft>> {
    checkLimit(query.limit);
    if (query.state !== undefined && !(DRAFT_STATES as readonly string[]).includes(query.state)) throw new PactwatchError('USAGE', `state must be one of ${DRAFT_STATES.join(', ')}, got "${query.state}"`);
    const rows = await repositories(this.ctx).drafts.page({ ...query, limit: query.limit + 1 });
    return pageOf(rows.map((r) => ({ value: r.draft, key: [r.seq] })), query.limit);
  }

  /** Stores the proposed record as a new user-origin incident, through the same path as POST /incidents. */
  async accept(id: string, edit: EditContext): Promise<DraftOutcome> {
    const outcome = await this.decide(id, edit, 'accepted', async (repos, trx, draft) => {
      if ((await repos.browse.recordMeta('incident', draft.record.id)) !== undefined) {
        throw new PactwatchError('CONFLICT', `an incident with id "${draft.record.id}" already exists; merge the draft into it or reject the draft`);
      }
      const incident = await insertUserIncident(repos, trx, parseInput(incidentSchema, draft.record, 'proposed incident'), edit, this.ctx.now());
      return { incident, reason: null };
    });
    await this.afterChange(edit.principal, `draft ${id} accepted as incident ${outcome.incident.incident.id}`);
    return outcome;
  }

  /** Adds the draft's attributions and sources to an incident created here (curated and imported ones are read-only: 409). */
  async merge(id: string, incidentId: string, edit: EditContext): Promise<DraftOutcome> {
    const outcome = await this.decide(id, edit, 'merged', async (repos, trx, draft) => {
      const stored = await repos.browse.recordMeta('incident', incidentId);
      if (stored === undefined) throw new PactwatchError('NOT_FOUND', `no incident "${incidentId}" to merge draft ${id} into`);
      if (stored.origin !== USER_ORIGIN) {
        const source = stored.origin === 'dataset' ? 'the curated dataset' : 'an import';
        throw new PactwatchError('CONFLICT', `incident "${incidentId}" came from ${source} and is read-only, so draft ${id} cannot be merged into it; accept the draft as a new incident, or change the incident at its source`);
      }
      // Merging only appends, so no version is needed; a version that was sent must still match.
      const mergeEdit = { ...edit, ifMatch: edit.ifMatch ?? stored.hash };
      const incident = await replaceUserIncident(repos, trx, { id: incidentId, edit: mergeEdit, action: 'incident.draft.merge', change: (before) => mergeInto(before, draft.record), note: `merged draft ${id}` }, this.ctx.now());
      return { incident, reason: null };
    });
    await this.afterChange(edit.principal, `draft ${id} merged into incident ${incidentId}`);
    return outcome;
  }

  async reject(id: string, reason: string, edit: EditContext): Promise<IncidentDraft> {
    const why = reason.trim();
    if (why === '') throw new PactwatchError('VALIDATION_FAILED', 'a rejection needs a reason', { problems: [{ path: '/reason', reason: 'required' }] });
    const { draft } = await this.decide(id, edit, 'rejected', async () => ({ incident: undefined, reason: why }));
    return draft;
  }

  /** One decision: the draft must still be pending (409 otherwise); the change and both audit entries land together. */
  private async decide<I extends VersionedIncident | undefined>(
    id: string,
    edit: EditContext,
    state: DraftDecision['state'],
    work: (repos: Repositories, trx: Db, draft: IncidentDraft) => Promise<{ incident: I; reason: string | null }>,
  ): Promise<{ draft: IncidentDraft; incident: I }> {
    return inWriteTransaction(this.ctx, async (repos, trx) => {
      // Writers take turns (inWriteTransaction), so two analysts deciding the same draft cannot both pass the pending check.
      const before = this.find(await repos.drafts.get(id), id);
      if (before.state !== 'pending') {
        throw new PactwatchError('CONFLICT', `draft ${id} was already ${before.state} by ${before.decidedBy ?? 'someone'} at ${before.decidedAt ?? 'an earlier time'}; a decided draft cannot be decided again`);
      }
      const { incident, reason } = await work(repos, trx, before);
      const decision: DraftDecision = { state, reason, incidentId: incident?.incident.id ?? null, decidedBy: edit.principal.name, decidedAt: this.ctx.now().toISOString() };
      if (!(await repos.drafts.decide(id, decision))) throw new PactwatchError('CONFLICT', `draft ${id} was decided by someone else meanwhile`);
      const draft: IncidentDraft = { ...before, ...decision };
      const action = state === 'accepted' ? 'draft.accept' : state === 'merged' ? 'draft.merge' : 'draft.reject';
      await recordAudit(trx, { principal: edit.principal, action, entityType: 'draft', entityId: id, before, after: draft, ...requestId(edit) }, this.ctx.now());
      return { draft, incident };
    });
  }

  private find(draft: IncidentDraft | undefined, id: string): IncidentDraft {
    if (draft === undefined) throw new PactwatchError('NOT_FOUND', `no draft "${id}"; list the review queue with GET /api/v1/drafts`);
    return draft;
  }
}
