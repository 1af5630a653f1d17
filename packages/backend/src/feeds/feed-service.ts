import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PactwatchError, SYSTEM_PRINCIPAL, type ActorAlias, type Principal } from '@pactwatch/domain';
import { isPostgres } from '../db/dialect.js';
import type { JobService } from '../jobs/job-service.js';
import { recordAudit } from '../repositories/audit-repository.js';
import { FeedRepository, type StoredFeedItem } from '../repositories/feed-repository.js';
import type { DraftService } from '../services/draft-service.js';
import { inWriteTransaction } from '../services/edit-support.js';
import { repositories, type ServiceContext } from '../services/service-context.js';
import { FeedPoller } from './feed-poller.js';
import { parseFeed } from './feed-parser.js';
import { FEED_KINDS, type FeedKind, type FeedPollReport, type FeedSource, type WatchRound } from './feed-types.js';
import { decodeBody, MAX_REDIRECTS, PoliteFetcher, USER_AGENT } from './polite-fetcher.js';

export interface AddFeedRequest {
  /** An http(s) URL, or a folder of saved pages and text files. */
  readonly location: string;
  readonly name?: string | undefined;
  /** rss, atom or folder; a URL without it is fetched once to tell RSS from Atom. */
  readonly kind?: string | undefined;
}

/** Who feed drafts are created by when no person asked for the poll (a job or the watch loop). */
export const FEED_WATCHER: Principal = { ...SYSTEM_PRINCIPAL, name: 'feed-watcher' };

const isUrl = (location: string): boolean => /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(location);

/**
 * The feed watcher's use cases: configure sources, poll them (here, or as feed-poll jobs on
 * PostgreSQL) and queue what they report as drafts for review. Nothing a feed says is published
 * without an analyst accepting it (DraftService).
 */
export class FeedService {
  private readonly feeds: FeedRepository;
  // One fetcher per process, so the per-host interval holds across feeds and rounds.
  private readonly fetcher: PoliteFetcher;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly drafts: DraftService,
    private readonly jobs: JobService,
  ) {
    this.feeds = new FeedRepository(ctx.db);
    this.fetcher = new PoliteFetcher({ ...ctx.config.feeds, maxRedirects: MAX_REDIRECTS, userAgent: USER_AGENT });
  }

  async add(request: AddFeedRequest, principal: Principal): Promise<FeedSource> {
    const kind = request.kind === undefined ? undefined : FEED_KINDS.find((k) => k === request.kind);
    if (request.kind !== undefined && kind === undefined) throw new PactwatchError('USAGE', `kind must be one of ${FEED_KINDS.join(', ')}, got "${request.kind}"`);
    const located = await this.locate(request.location.trim(), kind);
    const existing = await this.feeds.byLocation(located.location);
    if (existing !== undefined) throw new PactwatchError('CONFLICT', `the feed ${located.location} is already configured as ${existing.id} ("${existing.name}")`);
    const name = request.name?.trim();
    const feed: FeedSource = {
      id: randomUUID().slice(0, 8),
      name: name === undefined || name === '' ? (located.title ?? located.location) : name.slice(0, 200),
      kind: located.kind,
      location: located.location,
      enabled: true,
      etag: null,
      lastModified: null,
      lastPolledAt: null,
      lastStatus: null,
      lastError: null,
      counts: { seen: 0, proposed: 0, duplicate: 0, noCandidate: 0, rejected: 0, drafts: 0 },
      createdBy: principal.name,
      createdAt: this.ctx.now().toISOString(),
    };
    await inWriteTransaction(this.ctx, async (_repos, trx) => {
      await new FeedRepository(trx).insertSource(feed);
      await recordAudit(trx, { principal, action: 'feed.add', entityType: 'feed', entityId: feed.id, before: null, after: feed }, this.ctx.now());
    });
    return feed;
  }

  /** Where the feed lives and what it is: a folder must exist; a URL's kind is detected unless given. */
  private async locate(location: string, kind: FeedKind | undefined): Promise<{ location: string; kind: FeedKind; title?: string | undefined }> {
    if (location === '') throw new PactwatchError('USAGE', 'a feed needs a URL or a folder');
    if (kind === 'folder' || (kind === undefined && !isUrl(location))) {
      const folder = resolve(location);
      const info = await stat(folder).catch(() => undefined);
      if (info === undefined || !info.isDirectory()) throw new PactwatchError('FILE_ERROR', `the feed folder ${folder} does not exist or is not a folder`);
      return { location: folder, kind: 'folder' };
    }
    let url: URL;
    try {
      url = new URL(location);
    } catch {
      throw new PactwatchError('USAGE', `"${location}" is not a URL (http:// or https://) or a folder`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new PactwatchError('USAGE', `feed URLs must be http:// or https://, got ${url.protocol}//`);
    if (kind !== undefined) return { location: url.href, kind };
    // Fetched without validators and not recorded, so the first poll still reads every item.
    const fetched = await this.fetcher.fetch(url.href, { etag: null, lastModified: null });
    if (fetched.kind !== 'ok') throw new PactwatchError('FEED_UNREACHABLE', `the feed ${url.href} answered 304 Not Modified to a plain request; give --kind`);
    const parsed = parseFeed(decodeBody(fetched.body, fetched.contentType), url.href);
    return { location: url.href, kind: parsed.kind, title: parsed.title };
  }

  list(): Promise<FeedSource[]> {
    return this.feeds.list();
  }

  async get(id: string): Promise<FeedSource> {
    const feed = await this.feeds.get(id);
    if (feed === undefined) throw new PactwatchError('NOT_FOUND', `no feed "${id}"; list them with \`pactwatch feeds list\``);
    return feed;
  }

  /** A feed's recorded items with their outcomes, newest first. */
  async items(id: string, limit = 50): Promise<StoredFeedItem[]> {
    await this.get(id);
    return this.feeds.items(id, limit);
  }

  /** Removes the source and its item records; the drafts it queued stay in the review queue. */
  async remove(id: string, principal: Principal): Promise<FeedSource> {
    const feed = await this.get(id);
    await inWriteTransaction(this.ctx, async (_repos, trx) => {
      await new FeedRepository(trx).delete(id);
      await recordAudit(trx, { principal, action: 'feed.remove', entityType: 'feed', entityId: id, before: feed, after: null }, this.ctx.now());
    });
    return feed;
  }

  /** Polls one feed, or every enabled feed in turn, in this process; one report per feed. */
  async pollOnce(feedId?: string, principal: Principal = FEED_WATCHER): Promise<FeedPollReport[]> {
    const targets = feedId === undefined ? (await this.feeds.list()).filter((f) => f.enabled) : [await this.get(feedId)];
    if (targets.length === 0) return [];
    const actors = await this.actorAliases();
    const poller = new FeedPoller(this.ctx, this.drafts, this.fetcher);
    const reports: FeedPollReport[] = [];
    for (const feed of targets) reports.push(await poller.poll(feed, actors, principal));
    return reports;
  }

  /**
   * One round of `pactwatch watch`. On PostgreSQL each enabled feed becomes a feed-poll job that
   * any `pactwatch worker` may run (one waiting job per feed); on SQLite, or with `inline`, the
   * feeds are polled here.
   */
  async watchRound(options: { readonly inline?: boolean; readonly principal?: Principal } = {}): Promise<WatchRound> {
    const principal = options.principal ?? FEED_WATCHER;
    if (options.inline === true || !isPostgres(this.ctx.db)) return { mode: 'polled', reports: await this.pollOnce(undefined, principal) };
    const jobs = [];
    for (const feed of (await this.feeds.list()).filter((f) => f.enabled)) {
      const job = await this.jobs.enqueueFeedPoll(feed.id, principal);
      jobs.push({ feedId: feed.id, jobId: job.id, state: job.state });
    }
    return { mode: 'queued', jobs };
  }

  private async actorAliases(): Promise<ActorAlias[]> {
    const actors = await repositories(this.ctx).actors.listAll();
    return actors.map((a) => ({ actorId: a.id, name: a.name, aliases: a.aliases, ...(a.sponsor === undefined ? {} : { sponsor: a.sponsor }) }));
  }
}
