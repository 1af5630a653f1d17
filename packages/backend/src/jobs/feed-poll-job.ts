import { PactwatchError, type Principal } from '@pactwatch/domain';
import type { FeedPollReport } from '../feeds/feed-types.js';
import { isPrincipal } from './job-handlers.js';
import type { JobHandler, JobPayload } from './job-types.js';

/**
 * A feed poll is one job per feed, keyed by the feed so at most one waits per feed whatever
 * number of `watch` processes enqueue. A feed that fails is recorded on the feed and in the
 * job's result (the fetcher already retried); only a bug or a vanished feed fails the job.
 */
export const FEED_POLL_POLICY = { retryLimit: 1, retryDelaySeconds: 60, retryBackoff: true, expireInSeconds: 900 } as const;

export interface FeedPollJobPayload {
  readonly feedId: string;
  readonly requestedBy: Principal;
}

export function readFeedPollPayload(payload: JobPayload): { readonly feedId: string; readonly requestedBy: Principal | undefined } {
  const feedId = payload['feedId'];
  if (typeof feedId !== 'string' || feedId === '') throw new PactwatchError('INTERNAL', 'job payload field "feedId" is missing or malformed');
  const requestedBy = payload['requestedBy'];
  return { feedId, requestedBy: isPrincipal(requestedBy) ? requestedBy : undefined };
}

/** Drafts the job queues are created by whoever asked for the round (as when polled inline), else the feed watcher. */
export function feedPollHandler(feeds: { pollOnce(feedId: string, principal?: Principal): Promise<FeedPollReport[]> }): JobHandler {
  return async (job): Promise<FeedPollReport> => {
    const { feedId, requestedBy } = readFeedPollPayload(job.payload);
    const [report] = await feeds.pollOnce(feedId, requestedBy);
    if (report === undefined) throw new PactwatchError('INTERNAL', `polling feed ${feedId} gave no report`);
    return report;
  };
}
