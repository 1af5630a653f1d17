import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { PactwatchError, type Actor, type Incident } from '@pactwatch/domain';
import type { Repositories } from '../repositories/index.js';
import type { StoredHash } from '../repositories/record-meta.js';
import { auditOrigin, type AuditContext } from '../services/audit-context.js';
import { DRAFT_ORIGIN_PATTERN, type IncidentDraft } from '../services/draft-types.js';
import { contentHash } from '../util/hash.js';
import type { PreparedUnit, RejectedUnit } from './import-types.js';

/**
 * An import run with `asDrafts` proposes its incidents to the review queue instead of storing
 * them. Actors are reference data, not claims to review: they are stored as usual, so a proposed
 * incident that names one can be accepted later without failing (a MISP galaxy file, which holds
 * only actors, therefore imports as it would without drafts).
 */
export interface DraftPlan {
  /** Units proposed: one draft per incident the store and the queue do not hold yet. */
  readonly proposals: ReadonlyArray<{ readonly unit: PreparedUnit; readonly incidents: readonly Incident[] }>;
  /** Units whose every incident is already in the queue (pending, or decided on this same content). */
  readonly alreadyDrafted: number;
  /** Units naming an incident already stored with other content: a draft of it could never be accepted. */
  readonly conflicts: readonly RejectedUnit[];
  /** Actors of proposed or already drafted units that are new or changed, stored as usual. */
  readonly actors: readonly Actor[];
  /** Units left to the ordinary path: actor-only units, and units whose incidents are stored unchanged. */
  readonly reconciled: readonly PreparedUnit[];
}

/** The review queue's origin for an import of `dataset`, so analysts can filter by it. */
export function importDraftOrigin(dataset: string): string {
  const origin = `import:${dataset}`;
  if (!DRAFT_ORIGIN_PATTERN.test(origin)) throw new PactwatchError('USAGE', `dataset "${dataset}" cannot name a review-queue origin (letters, digits, . _ : - and at most 200 characters); pass a dataset name`);
  return origin;
}

/**
 * What decides "the same proposal" across files: the record without the parts that name the file
 * it came in (hash, name, version), so a new release of an unchanged record is not proposed again.
 */
export function proposalHash(incident: Incident): string {
  const p = incident.provenance;
  return contentHash(p.origin === 'imported' ? { ...incident, provenance: { origin: p.origin, dataset: p.dataset, recordId: p.recordId } } : incident);
}

type Outcome = 'propose' | 'already' | 'stored' | { readonly conflict: string };

function outcomeOf(incident: { value: Incident; hash: string }, queued: ReadonlyMap<string, readonly IncidentDraft[]>, stored: StoredHash | undefined): Outcome {
  const drafts = queued.get(incident.value.id) ?? [];
  // A pending draft is never queued twice; a decided one is proposed again only if its record changed.
  const hash = proposalHash(incident.value);
  if (drafts.some((d) => d.state === 'pending' || proposalHash(d.record) === hash)) return 'already';
  if (stored === undefined) return 'propose';
  if (stored.hash === incident.hash) return 'stored';
  const from = stored.origin === 'dataset' ? 'the curated dataset' : stored.origin === 'import' ? `an import of ${stored.sourceFile ?? 'a file'}` : 'an analyst';
  return { conflict: `incident "${incident.value.id}" is already stored (from ${from}) with other content, so a draft of it could not be accepted; import without drafts to update an imported record` };
}

/** Sorts the units that carry incidents into proposals, already drafted and conflicts; reads only. */
export async function planDrafts(
  repos: Repositories,
  units: readonly PreparedUnit[],
  known: { readonly origin: string; readonly incidents: ReadonlyMap<string, StoredHash>; readonly actors: ReadonlyMap<string, StoredHash> },
): Promise<DraftPlan> {
  const queued = new Map<string, IncidentDraft[]>();
  for (const draft of await repos.drafts.byOrigin(known.origin)) queued.set(draft.record.id, [...(queued.get(draft.record.id) ?? []), draft]);
  const proposals: Array<{ unit: PreparedUnit; incidents: Incident[] }> = [];
  const conflicts: RejectedUnit[] = [];
  const actors: Actor[] = [];
  const reconciled: PreparedUnit[] = [];
  let alreadyDrafted = 0;
  for (const p of units) {
    const outcomes = p.incidents.map((i) => ({ incident: i.value, outcome: outcomeOf(i, queued, known.incidents.get(i.value.id)) }));
    const conflict = outcomes.find((o) => typeof o.outcome === 'object');
    const proposed = outcomes.filter((o) => o.outcome === 'propose').map((o) => o.incident);
    if (p.incidents.length === 0 || outcomes.every((o) => o.outcome === 'stored')) {
      reconciled.push(p);
      continue;
    }
    if (conflict !== undefined && typeof conflict.outcome === 'object') {
      conflicts.push({ locator: p.unit.locator, sourceId: p.unit.sourceId, field: 'id', reason: conflict.outcome.conflict, raw: p.unit.raw });
      continue;
    }
    if (proposed.length > 0) proposals.push({ unit: p, incidents: proposed });
    else alreadyDrafted += 1;
    actors.push(...p.actors.filter((a) => known.actors.get(a.value.id)?.hash !== a.hash).map((a) => a.value));
  }
  return { proposals, alreadyDrafted, conflicts, actors, reconciled };
}

/**
 * Queues the proposals as pending drafts in the caller's transaction (the import's, beside its
 * quarantine), each audited as `draft.create` like a draft an analyst posts.
 */
export async function writeDrafts(repos: Repositories, plan: DraftPlan, run: { readonly origin: string; readonly file: string; readonly format: string; readonly by: AuditContext; readonly now: Date }): Promise<number> {
  let written = 0;
  for (const { unit, incidents } of plan.proposals) {
    for (const record of incidents) {
      const recordId = record.provenance.origin === 'imported' ? record.provenance.recordId : unit.unit.sourceId;
      const notes = [`Proposed by the import of ${basename(run.file)} (${run.format}), ${unit.unit.locator}, record ${recordId}.`, ...(unit.unit.notes ?? [])].join('\n');
      const draft: IncidentDraft = { id: randomUUID(), state: 'pending', origin: run.origin, confidence: null, notes, record, reason: null, incidentId: null, createdBy: run.by.principal.name, createdAt: run.now.toISOString(), decidedBy: null, decidedAt: null };
      await repos.drafts.insert(draft);
      await repos.audit.record({ ...auditOrigin(run.by), action: 'draft.create', entityType: 'draft', entityId: draft.id, before: null, after: draft }, run.now);
      written += 1;
    }
  }
  return written;
}
