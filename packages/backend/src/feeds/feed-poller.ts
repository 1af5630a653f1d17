import { PactwatchError, type ActorAlias, type Principal } from '@pactwatch/domain';
import { FeedRepository } from '../repositories/feed-repository.js';
import type { DraftService } from '../services/draft-service.js';
import type { ServiceContext } from '../services/service-context.js';
import { parseFeed } from './feed-parser.js';
import type { FeedError, FeedPollReport, FeedSource, ItemReport, PollStatus, SourceItem } from './feed-types.js';
import { readFolder } from './folder-source.js';
import { ItemProcessor } from './item-processor.js';
import { decodeBody, type PoliteFetcher } from './polite-fetcher.js';

interface Delivery {
  readonly status: Exclude<PollStatus, 'failed'>;
  readonly items: readonly SourceItem[];
  readonly validators?: { readonly etag: string | null; readonly lastModified: string | null };
}

function toFeedError(error: unknown): FeedError {
  if (error instanceof PactwatchError) return { code: error.code, message: error.message };
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

/**
 * Polls one feed: fetch (or read the folder), skip the items already recorded, and process each
 * new one. Any failure is recorded on the feed and returned in its report, never thrown, so one
 * broken feed cannot stop the others.
 */
export class FeedPoller {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly drafts: DraftService,
    private readonly fetcher: PoliteFetcher,
  ) {}

  async poll(feed: FeedSource, actors: readonly ActorAlias[], principal: Principal): Promise<FeedPollReport> {
    const startedAt = this.ctx.now().toISOString();
    const feeds = new FeedRepository(this.ctx.db);
    const items: ItemReport[] = [];
    let seen = 0;
    let known = 0;
    let repeated = 0;
    try {
      const delivery = await this.deliver(feed);
      seen = delivery.items.length;
      const keys = new Set<string>();
      const fresh: SourceItem[] = [];
      for (const item of delivery.items) {
        if (keys.has(item.key)) repeated += 1;
        else {
          keys.add(item.key);
          fresh.push(item);
        }
      }
      const recorded = await feeds.knownKeys(feed.id, [...keys]);
      known = recorded.size;
      const processor = new ItemProcessor(this.ctx, this.drafts, feed, actors, principal);
      for (const item of fresh) if (!recorded.has(item.key)) items.push(await processor.process(item));
      const report = this.report(feed, startedAt, delivery.status, null, { seen, known, repeated }, items);
      await feeds.recordPoll(feed.id, { polledAt: report.finishedAt, status: delivery.status, error: null, validators: delivery.validators, added: this.added(report) });
      return report;
    } catch (error) {
      // A bug is logged loudly but still recorded on this feed only; the next feed is polled.
      if (!(error instanceof PactwatchError) || error.code === 'INTERNAL') this.ctx.logger.error({ err: error, feedId: feed.id }, 'feed poll failed unexpectedly');
      const failure = toFeedError(error);
      const report = this.report(feed, startedAt, 'failed', failure, { seen, known, repeated }, items);
      // Items processed before the failure stay recorded, so their counts are added too.
      await feeds.recordPoll(feed.id, { polledAt: report.finishedAt, status: 'failed', error: failure, added: this.added(report) });
      return report;
    }
  }

  private async deliver(feed: FeedSource): Promise<Delivery> {
    if (feed.kind === 'folder') {
      const read = await readFolder(feed.location, this.ctx.config.feeds.maxBytes);
      if (read.skipped.length > 0) this.ctx.logger.info({ feedId: feed.id, skipped: read.skipped }, 'files in the feed folder that are not items');
      return { status: 'ok', items: read.items };
    }
    const fetched = await this.fetcher.fetch(feed.location, { etag: feed.etag, lastModified: feed.lastModified });
    if (fetched.kind === 'not-modified') return { status: 'not-modified', items: [] };
    const parsed = parseFeed(decodeBody(fetched.body, fetched.contentType), feed.location);
    return { status: 'ok', items: parsed.items, validators: { etag: fetched.etag, lastModified: fetched.lastModified } };
  }

  private report(feed: FeedSource, startedAt: string, status: PollStatus, error: FeedError | null, counts: { seen: number; known: number; repeated: number }, items: readonly ItemReport[]): FeedPollReport {
    const count = (outcome: ItemReport['outcome']): number => items.filter((i) => i.outcome === outcome).length;
    return {
      feedId: feed.id,
      name: feed.name,
      location: feed.location,
      status,
      error,
      ...counts,
      new: items.length,
      proposed: count('proposed'),
      duplicate: count('duplicate'),
      noCandidate: count('no-candidate'),
      rejected: count('rejected-item'),
      drafts: items.reduce((n, i) => n + i.draftIds.length, 0),
      items,
      startedAt,
      finishedAt: this.ctx.now().toISOString(),
    };
  }

  private added(report: FeedPollReport): { seen: number; proposed: number; duplicate: number; noCandidate: number; rejected: number; drafts: number } {
    return { seen: report.new, proposed: report.proposed, duplicate: report.duplicate, noCandidate: report.noCandidate, rejected: report.rejected, drafts: report.drafts };
  }
}
