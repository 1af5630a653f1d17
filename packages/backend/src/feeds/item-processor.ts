import { deduplicateCandidates, extractCandidates, PactwatchError, type ActorAlias, type Incident, type IncidentCandidate, type Principal } from '@pactwatch/domain';
import type { Db } from '../db/connection.js';
import { FeedRepository, type PendingDraftRecord } from '../repositories/feed-repository.js';
import type { Repositories } from '../repositories/index.js';
import type { DraftService } from '../services/draft-service.js';
import type { IncidentDraft } from '../services/draft-types.js';
import { inWriteTransaction } from '../services/edit-support.js';
import type { ServiceContext } from '../services/service-context.js';
import { draftNotes } from './draft-notes.js';
import type { FeedSource, ItemOutcome, ItemReport, SourceItem } from './feed-types.js';

/** Incidents a candidate could duplicate: same sponsor, a victim in common, overlapping in time. */
async function overlappingIncidents(repos: Repositories, candidate: IncidentCandidate): Promise<Incident[]> {
  if (candidate.sponsor === undefined && candidate.victims.length === 0) return [];
  const from = candidate.period === undefined ? Number.NaN : Date.parse(candidate.period.earliest);
  const to = candidate.period === undefined ? Number.NaN : Date.parse(candidate.period.latest);
  const range = Number.isFinite(from) && Number.isFinite(to) ? { from, to } : {};
  const sponsor = candidate.sponsor === undefined ? {} : { sponsor: candidate.sponsor };
  const victims: ReadonlyArray<string | undefined> = candidate.victims.length === 0 ? [undefined] : candidate.victims;
  const found = new Map<string, Incident>();
  for (const victim of victims) {
    for (const incident of await repos.incidents.list({ ...range, ...sponsor, ...(victim === undefined ? {} : { victim }) })) found.set(incident.id, incident);
  }
  return [...found.values()];
}

type Early = { readonly outcome: ItemOutcome; readonly reason: string };

/**
 * Turns one new item into its recorded outcome: extract candidates, set aside those that duplicate
 * a stored incident, a pending draft or each other, and queue the rest as drafts. The check, the
 * drafts and the item's record land in one write transaction, so two workers polling feeds that
 * carry the same story cannot both propose it (writers take turns, see db/dialect.ts).
 */
export class ItemProcessor {
  /** Pending drafts read so far in this poll, topped up with newer ones inside each transaction. */
  private readonly pending = new Map<string, PendingDraftRecord>();
  private pendingSeq = 0;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly drafts: DraftService,
    private readonly feed: FeedSource,
    private readonly actors: readonly ActorAlias[],
    private readonly principal: Principal,
  ) {}

  async process(item: SourceItem): Promise<ItemReport> {
    const extracted = this.extract(item);
    return inWriteTransaction(this.ctx, async (repos, trx) => {
      const feeds = new FeedRepository(trx);
      const result = Array.isArray(extracted) ? await this.propose(repos, trx, feeds, item, extracted) : { ...extracted, draftIds: [] };
      await feeds.insertItem({
        feedId: this.feed.id,
        key: item.key,
        title: item.title === '' ? null : item.title,
        link: item.link ?? null,
        published: item.published ?? null,
        fetchedAt: this.ctx.now().toISOString(),
        contentHash: item.contentHash,
        outcome: result.outcome,
        reason: result.reason,
        draftIds: result.draftIds,
      });
      return { key: item.key, title: item.title, outcome: result.outcome, reason: result.reason, draftIds: result.draftIds };
    });
  }

  private extract(item: SourceItem): Early | IncidentCandidate[] {
    if (item.problem !== undefined) return { outcome: 'rejected-item', reason: item.problem };
    if (item.title.trim() === '' && item.text.trim() === '') return { outcome: 'rejected-item', reason: 'the item has neither a title nor any text' };
    let candidates: IncidentCandidate[];
    try {
      candidates = extractCandidates(
        { id: item.key, title: item.title, text: item.text, ...(item.link === undefined ? {} : { url: item.link }), ...(item.published === undefined ? {} : { publishedAt: item.published }), sourceName: this.feed.name },
        { actors: this.actors },
      );
    } catch (error) {
      // Recorded on the item rather than failing the feed: the next items still get their turn.
      if (error instanceof PactwatchError && error.code !== 'INTERNAL') return { outcome: 'rejected-item', reason: `extraction refused the item: ${error.message}` };
      this.ctx.logger.error({ err: error, feedId: this.feed.id, item: item.key }, 'the extractor failed on a feed item');
      return { outcome: 'rejected-item', reason: `the extractor failed (a bug, please report it): ${error instanceof Error ? error.message : String(error)}` };
    }
    if (candidates.length === 0) return { outcome: 'no-candidate', reason: 'no incident found: the text names no state accused of a cyber operation against another' };
    return candidates;
  }

  private async propose(repos: Repositories, trx: Db, feeds: FeedRepository, item: SourceItem, candidates: readonly IncidentCandidate[]): Promise<{ outcome: ItemOutcome; reason: string | null; draftIds: string[] }> {
    for (const draft of await feeds.pendingDraftRecords(this.pendingSeq)) {
      this.pending.set(draft.record.id, draft);
      this.pendingSeq = Math.max(this.pendingSeq, draft.seq);
    }
    const stored = new Map<string, Incident>();
    for (const candidate of candidates) for (const incident of await overlappingIncidents(repos, candidate)) stored.set(incident.id, incident);
    // A pending draft whose record id is also a stored incident's is reported as the incident.
    const existing = [...stored.values(), ...[...this.pending.values()].filter((d) => !stored.has(d.record.id)).map((d) => d.record)];
    const { fresh, duplicates } = deduplicateCandidates(candidates, existing);
    const reasons = duplicates.map((d) => {
      const draft = d.duplicateOf.kind === 'incident' && !stored.has(d.duplicateOf.id) ? this.pending.get(d.duplicateOf.id) : undefined;
      const what = d.duplicateOf.kind === 'candidate' ? `another candidate of this item (${d.duplicateOf.id})` : draft !== undefined ? `pending draft ${draft.draftId} (${d.duplicateOf.id})` : `incident ${d.duplicateOf.id}`;
      return `duplicate of ${what}: ${d.reason}`;
    });
    const queued: IncidentDraft[] = [];
    const refused: string[] = [];
    for (const candidate of fresh) {
      try {
        queued.push(this.drafts.newDraft({ record: candidate.record, origin: `feed:${this.feed.id}`, confidence: candidate.confidence, notes: draftNotes(this.feed, item, candidate) }, this.principal.name));
      } catch (error) {
        if (!(error instanceof PactwatchError) || error.code === 'INTERNAL') throw error;
        refused.push(`candidate ${candidate.key} is not a valid incident: ${error.message}`);
      }
    }
    for (const draft of queued) {
      await this.drafts.insert(repos, trx, draft, { principal: this.principal });
      // Later items in this poll see it as pending without reading it back.
      this.pending.set(draft.record.id, { seq: this.pendingSeq, draftId: draft.id, record: draft.record });
    }
    const reason = [...reasons, ...refused].join('; ');
    if (queued.length > 0) return { outcome: 'proposed', reason: reason === '' ? null : reason, draftIds: queued.map((d) => d.id) };
    if (duplicates.length > 0) return { outcome: 'duplicate', reason, draftIds: [] };
    return { outcome: 'rejected-item', reason, draftIds: [] };
  }
}
