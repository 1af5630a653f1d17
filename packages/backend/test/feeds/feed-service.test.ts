import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Pactwatch } from '@pactwatch/backend';
import type { Principal } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { workspace } from '../helpers.js';
import { atom, conditional, FAST_FEEDS, fixtureServer, NOT_A_STORY, rss, serve, STORY_BUNDESTAG, STORY_OTHER } from './fixture-server.js';

const analyst: Principal = { kind: 'user', id: 'u-1', name: 'alice', role: 'analyst' };

async function open(): Promise<{ app: Pactwatch; dir: string }> {
  const ws = workspace();
  return { app: await ws.open({ env: FAST_FEEDS }), dir: ws.dir };
}

/** Every item of a poll is accounted for, whatever happened to the feed. */
function expectReconciled(report: { seen: number; known: number; repeated: number; new: number; proposed: number; duplicate: number; noCandidate: number; rejected: number; items: readonly unknown[] }): void {
  expect(report.known + report.repeated + report.new).toBe(report.seen);
  expect(report.proposed + report.duplicate + report.noCandidate + report.rejected).toBe(report.new);
  expect(report.items).toHaveLength(report.new);
}

describe('feed service', () => {
  it('adds feeds: tells RSS from Atom, names them after the feed, refuses a known location or a missing folder', async () => {
    const { app, dir } = await open();
    const server = await fixtureServer();
    server.route('/rss', serve(rss([], 'Wire news')));
    server.route('/atom', serve(atom([], 'Vendor blog'), 'application/atom+xml'));
    const a = await app.feeds.add({ location: server.url('/rss') }, analyst);
    const b = await app.feeds.add({ location: server.url('/atom'), name: 'Blog' }, analyst);
    expect(a).toMatchObject({ kind: 'rss', name: 'Wire news', enabled: true, lastStatus: null, createdBy: 'alice' });
    expect(b).toMatchObject({ kind: 'atom', name: 'Blog' });
    await expect(app.feeds.add({ location: server.url('/rss') }, analyst)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(app.feeds.add({ location: join(dir, 'nowhere') }, analyst)).rejects.toMatchObject({ code: 'FILE_ERROR' });
    await expect(app.feeds.add({ location: 'ftp://example.org/feed' }, analyst)).rejects.toMatchObject({ code: 'USAGE' });
    await expect(app.feeds.add({ location: server.url('/rss'), kind: 'json' }, analyst)).rejects.toMatchObject({ code: 'USAGE' });
    expect((await app.feeds.list()).map((f) => f.id)).toEqual([a.id, b.id]);
    expect((await app.audit.list({ entityType: 'feed', entityId: a.id })).entries.map((e) => e.action)).toEqual(['feed.add']);
  });

  it('polls RSS and Atom feeds into pending drafts of origin feed:<id> with confidence and readable notes', async () => {
    const { app } = await open();
    const server = await fixtureServer();
    server.route('/rss', serve(rss([STORY_BUNDESTAG, NOT_A_STORY])));
    server.route('/atom', serve(atom([STORY_OTHER]), 'application/atom+xml'));
    const wire = await app.feeds.add({ location: server.url('/rss'), name: 'Wire' }, analyst);
    const blog = await app.feeds.add({ location: server.url('/atom'), name: 'Blog' }, analyst);
    const [r1, r2] = await app.feeds.pollOnce();
    expect(r1).toMatchObject({ feedId: wire.id, status: 'ok', error: null, seen: 2, known: 0, new: 2, proposed: 1, noCandidate: 1 });
    expect(r2).toMatchObject({ feedId: blog.id, status: 'ok', seen: 1, new: 1, proposed: 1 });
    for (const report of [r1, r2]) if (report !== undefined) expectReconciled(report);
    expect(r1?.items.find((i) => i.key === NOT_A_STORY.id)).toMatchObject({ outcome: 'no-candidate', draftIds: [] });

    const queue = await app.drafts.list({ origin: `feed:${wire.id}`, limit: 10 });
    expect(queue.items).toHaveLength(r1?.drafts ?? -1);
    const draft = queue.items[0];
    expect(draft).toMatchObject({ state: 'pending', createdBy: 'feed-watcher' });
    expect(draft?.confidence).toBeGreaterThanOrEqual(0);
    expect(draft?.notes).toContain(`URL: https://news.example/${STORY_BUNDESTAG.id}`);
    expect(draft?.notes).toContain('Supporting sentences:');
    expect(draft?.record.attributions.map((a) => a.sponsor)).toContain('RU');
    expect(draft?.record.victims.map((v) => v.state)).toContain('DE');
    // Nothing is published without review.
    expect(await app.query.incidents()).toHaveLength(0);

    const [listed] = await app.feeds.list();
    expect(listed).toMatchObject({ lastStatus: 'ok', lastError: null, counts: { seen: 2, proposed: 1, noCandidate: 1, duplicate: 0, rejected: 0, drafts: r1?.drafts } });
    expect((await app.feeds.items(wire.id)).map((i) => i.outcome).sort()).toEqual(['no-candidate', 'proposed']);
  });

  it('re-polls with conditional GET: a 304 changes nothing, and known items are never proposed again', async () => {
    const { app } = await open();
    const server = await fixtureServer();
    server.route('/cond', conditional(rss([STORY_BUNDESTAG]), '"e-1"'));
    server.route('/plain', serve(rss([STORY_OTHER])));
    const cond = await app.feeds.add({ location: server.url('/cond'), kind: 'rss' }, analyst);
    const plain = await app.feeds.add({ location: server.url('/plain'), kind: 'rss' }, analyst);
    await app.feeds.pollOnce();
    expect((await app.feeds.get(cond.id)).etag).toBe('"e-1"');
    const [again, plainAgain] = await app.feeds.pollOnce();
    expect(again).toMatchObject({ status: 'not-modified', seen: 0, new: 0, drafts: 0 });
    const condRequests = server.requests.filter((r) => r.path === '/cond');
    expect(condRequests[1]?.headers).toMatchObject({ 'if-none-match': '"e-1"', 'if-modified-since': 'Tue, 10 Jun 2025 09:00:00 GMT' });
    expect(plainAgain).toMatchObject({ feedId: plain.id, status: 'ok', seen: 1, known: 1, new: 0, drafts: 0 });
    expect((await app.feeds.get(cond.id)).lastStatus).toBe('not-modified');
    expect((await app.drafts.list({ state: 'pending', limit: 10 })).items).toHaveLength(2);
  });

  it('proposes a story carried by two feeds, or twice by one, only once', async () => {
    const { app } = await open();
    const server = await fixtureServer();
    const republished = { ...STORY_BUNDESTAG, id: 'story-bundestag-update', title: 'Update: Russian hackers behind the Bundestag intrusion' };
    server.route('/a', serve(rss([STORY_BUNDESTAG, republished, STORY_BUNDESTAG])));
    server.route('/b', serve(atom([{ ...STORY_BUNDESTAG, id: 'urn:b:1' }]), 'application/atom+xml'));
    const a = await app.feeds.add({ location: server.url('/a'), kind: 'rss' }, analyst);
    const b = await app.feeds.add({ location: server.url('/b'), kind: 'atom' }, analyst);
    const [ra, rb] = await app.feeds.pollOnce();
    expect(ra).toMatchObject({ feedId: a.id, seen: 3, repeated: 1, new: 2, proposed: 1, duplicate: 1 });
    expect(rb).toMatchObject({ feedId: b.id, seen: 1, new: 1, proposed: 0, duplicate: 1 });
    for (const report of [ra, rb]) if (report !== undefined) expectReconciled(report);
    expect(rb?.items[0]?.reason).toMatch(/duplicate of pending draft/);
    expect((await app.drafts.list({ state: 'pending', limit: 10 })).items).toHaveLength(ra?.drafts ?? -1);
  });

  it('sets aside a story that matches a stored incident (same sponsor, victim and period)', async () => {
    const { app } = await open();
    await app.incidentEdits.create(
      {
        id: 'bundestag-2015',
        title: 'Bundestag intrusion',
        summary: 'GRU intrusion into the German parliament network.',
        period: { start: '2015-05' },
        activities: [{ type: 'political-military-espionage' }],
        means: ['cyber'],
        attributions: [{ sponsor: 'RU', relation: 'state-organ', confidence: 80, basis: 'government-attribution', attributedBy: 'German government', sources: [] }],
        victims: [{ state: 'DE', category: 'government' }],
        sources: [{ publisher: 'Wire', title: 'Bundestag hack' }],
        provenance: { origin: 'added', note: 'feed test' },
      },
      { principal: analyst },
    );
    const server = await fixtureServer();
    server.route('/rss', serve(rss([STORY_BUNDESTAG])));
    await app.feeds.add({ location: server.url('/rss'), kind: 'rss' }, analyst);
    const [report] = await app.feeds.pollOnce();
    expect(report).toMatchObject({ new: 1, proposed: 0, duplicate: 1, drafts: 0 });
    expect(report?.items[0]?.reason).toMatch(/duplicate of incident bundestag-2015/);
    expect((await app.drafts.list({ limit: 10 })).items).toHaveLength(0);
  });

  it('records each failing feed with its reason and still polls the others', async () => {
    const { app } = await open();
    const server = await fixtureServer();
    server.route('/good', serve(rss([STORY_OTHER])));
    server.route('/moved', (_req, res) => res.writeHead(301, { location: '/good' }).end());
    server.route('/malformed', serve('<?xml version="1.0"?>\n<rss version="2.0"><channel>\n<item><title>x</item></channel></rss>'));
    server.route('/huge', serve(rss([{ ...STORY_OTHER, id: 'huge', text: 'word '.repeat(30_000) }])));
    server.route('/slow', () => {
      // Never answers within the one-second timeout of FAST_FEEDS.
    });
    server.route('/down', (_req, res) => res.writeHead(503).end());
    server.route('/loop', (_req, res) => res.writeHead(302, { location: '/loop2' }).end());
    server.route('/loop2', (_req, res) => res.writeHead(302, { location: '/loop' }).end());
    const ids: Record<string, string> = {};
    for (const path of ['/malformed', '/huge', '/slow', '/down', '/loop', '/moved']) ids[path] = (await app.feeds.add({ location: server.url(path), kind: 'rss' }, analyst)).id;
    const reports = await app.feeds.pollOnce();
    const by = (path: string) => reports.find((r) => r.feedId === ids[path]);
    expect(by('/malformed')).toMatchObject({ status: 'failed', error: { code: 'FEED_MALFORMED', message: expect.stringMatching(/line 3, column/) as unknown } });
    expect(by('/malformed')?.error?.message).toContain(server.url('/malformed'));
    expect(by('/huge')).toMatchObject({ status: 'failed', error: { code: 'FEED_UNREACHABLE', message: expect.stringMatching(/cap/) as unknown } });
    expect(by('/slow')).toMatchObject({ status: 'failed', error: { code: 'FEED_UNREACHABLE', message: expect.stringMatching(/did not answer within 1 s/) as unknown } });
    expect(by('/down')).toMatchObject({ status: 'failed', error: { code: 'FEED_UNREACHABLE', message: expect.stringMatching(/3 attempt\(s\): HTTP 503/) as unknown } });
    expect(by('/loop')).toMatchObject({ status: 'failed', error: { code: 'FEED_UNREACHABLE', message: expect.stringMatching(/loop/) as unknown } });
    // The redirected feed, polled after five failures, still delivers.
    expect(by('/moved')).toMatchObject({ status: 'ok', new: 1, proposed: 1 });
    for (const report of reports) expectReconciled(report);
    const stored = await app.feeds.get(ids['/malformed'] ?? '');
    expect(stored).toMatchObject({ lastStatus: 'failed', lastError: { code: 'FEED_MALFORMED' } });
  });

  it('reads an offline folder: pages and text files are items, an edited file is new, other files are not items', async () => {
    const { app, dir } = await open();
    const folder = join(dir, 'saved');
    mkdirSync(join(folder, 'sub'), { recursive: true });
    writeFileSync(join(folder, 'bundestag.html'), `<html><head><title>${STORY_BUNDESTAG.title}</title><script>var x = 1;</script></head><body><p>${STORY_BUNDESTAG.text}</p></body></html>`);
    writeFileSync(join(folder, 'sub', 'weather.txt'), `${NOT_A_STORY.title}\n${NOT_A_STORY.text}\n`);
    writeFileSync(join(folder, 'notes.md'), `# ${STORY_OTHER.title}\n\n${STORY_OTHER.text}\n`);
    writeFileSync(join(folder, 'image.png'), 'not an item');
    writeFileSync(join(folder, 'huge.txt'), 'x'.repeat(70 * 1024));
    const feed = await app.feeds.add({ location: folder, name: 'Offline' }, analyst);
    expect(feed).toMatchObject({ kind: 'folder', location: folder });
    const [first] = await app.feeds.pollOnce(feed.id);
    expect(first).toMatchObject({ status: 'ok', seen: 4, new: 4, proposed: 2, noCandidate: 1, rejected: 1 });
    if (first !== undefined) expectReconciled(first);
    expect(first?.items.find((i) => i.outcome === 'rejected-item')?.reason).toMatch(/over the .*-byte cap/);
    expect(first?.items.map((i) => i.key)).toContain(`sub/weather.txt#${first?.items.find((i) => i.key.startsWith('sub/'))?.key.split('#')[1] ?? ''}`);
    const [second] = await app.feeds.pollOnce(feed.id);
    expect(second).toMatchObject({ seen: 4, known: 4, new: 0 });
    writeFileSync(join(folder, 'sub', 'weather.txt'), `${NOT_A_STORY.title}\nRain later.\n`);
    const [third] = await app.feeds.pollOnce(feed.id);
    expect(third).toMatchObject({ seen: 4, known: 3, new: 1, noCandidate: 1 });
  });

  it('removes a feed and its item records; its drafts stay in the review queue', async () => {
    const { app, dir } = await open();
    const folder = join(dir, 'saved');
    mkdirSync(folder);
    writeFileSync(join(folder, 'story.txt'), `${STORY_BUNDESTAG.title}\n${STORY_BUNDESTAG.text}\n`);
    const feed = await app.feeds.add({ location: folder, kind: 'folder' }, analyst);
    const [report] = await app.feeds.pollOnce();
    await expect(app.feeds.remove('nope', analyst)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await app.feeds.remove(feed.id, analyst);
    expect(await app.feeds.list()).toEqual([]);
    await expect(app.feeds.items(feed.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await app.drafts.list({ origin: `feed:${feed.id}`, limit: 10 })).items).toHaveLength(report?.drafts ?? -1);
    expect((await app.audit.list({ entityType: 'feed', entityId: feed.id })).entries.map((e) => e.action)).toEqual(['feed.remove', 'feed.add']);
  });
});
