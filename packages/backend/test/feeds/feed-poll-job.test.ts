import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JOB_KINDS, type FeedPollReport } from '@pactwatch/backend';
import type { Principal } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { workspace } from '../helpers.js';
import { waitForState } from '../jobs/job-test-support.js';
import { onPostgres } from '../test-store.js';
import { FAST_FEEDS, NOT_A_STORY } from './fixture-server.js';

const analyst: Principal = { kind: 'user', id: 'u-1', name: 'alice', role: 'analyst' };

// Runs on both stores: the SQLite job table, and pg-boss in the postgres project (several
// `pactwatch worker` processes then share feed polling).
describe('feed-poll jobs', () => {
  it('polls a feed as a job of the store\'s queue, one waiting job per feed, the report as its result', async () => {
    const ws = workspace();
    const app = await ws.open({ env: FAST_FEEDS });
    const folder = join(ws.dir, 'saved');
    mkdirSync(folder);
    writeFileSync(join(folder, 'weather.txt'), `${NOT_A_STORY.title}\n${NOT_A_STORY.text}\n`);
    const feed = await app.feeds.add({ location: folder }, analyst);

    const job = await app.jobs.enqueueFeedPoll(feed.id, analyst);
    expect(job).toMatchObject({ name: JOB_KINDS.feedPoll, state: 'created', payload: { feedId: feed.id } });
    // While it waits, asking again for the same feed returns the same job.
    expect((await app.jobs.enqueueFeedPoll(feed.id, analyst)).id).toBe(job.id);

    await app.jobs.startWorker({ concurrency: 1, pollIntervalMs: 200 });
    const done = await waitForState(app.jobs, job.id, ['completed', 'failed']);
    expect(done).toMatchObject({ state: 'completed', error: null });
    const report = done.result as FeedPollReport;
    expect(report).toMatchObject({ feedId: feed.id, status: 'ok', seen: 1, new: 1, noCandidate: 1 });
    expect((await app.feeds.get(feed.id)).counts.seen).toBe(1);
  });

  it('watch rounds queue one job per enabled feed on PostgreSQL and poll inline on SQLite', async () => {
    const ws = workspace();
    const app = await ws.open({ env: FAST_FEEDS });
    const folder = join(ws.dir, 'saved');
    mkdirSync(folder);
    const feed = await app.feeds.add({ location: folder }, analyst);
    const round = await app.feeds.watchRound({ principal: analyst });
    if (onPostgres) {
      expect(round).toMatchObject({ mode: 'queued', jobs: [{ feedId: feed.id }] });
    } else {
      expect(round).toMatchObject({ mode: 'polled', reports: [{ feedId: feed.id, status: 'ok', seen: 0 }] });
    }
    expect(await app.feeds.watchRound({ inline: true })).toMatchObject({ mode: 'polled', reports: [{ feedId: feed.id }] });
  });
});
