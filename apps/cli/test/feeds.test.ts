import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox } from './cli-harness.js';

// The binary runs in a child process (spawnSync), so the offline folder source stands in for a
// feed here; fetching is covered against a local HTTP server in packages/backend/test/feeds.
const STORIES: Record<string, string> = {
  'bundestag.html': '<html><head><title>Russian military hackers breached the German parliament</title></head><body><p>German officials said on Tuesday that hackers of Russia\'s GRU military intelligence service broke into the Bundestag network in May 2015 and stole emails of members of parliament. Germany summoned the Russian ambassador over the cyber attack.</p></body></html>',
  'contractor.md': '# Chinese state hackers stole data from a US defence contractor\n\nUS prosecutors said hackers working for China\'s Ministry of State Security stole trade secrets from an American aerospace company in March 2019, an act of commercial espionage.\n',
  'bank.txt': 'North Korean hackers robbed the central bank of Bangladesh\nInvestigators said hackers working for North Korea\'s Reconnaissance General Bureau stole 81 million dollars from Bangladesh\'s central bank in February 2016.\n',
  'weather.txt': 'Weather report\nSunny spells and light winds are expected over the weekend.\n',
};

function savedFolder(dir: string): string {
  const folder = join(dir, 'saved');
  mkdirSync(folder);
  for (const [name, text] of Object.entries(STORIES)) writeFileSync(join(folder, name), text);
  return folder;
}

interface Draft {
  id: string;
  state: string;
  origin: string;
  notes: string | null;
}

describe('pactwatch feeds, watch and review', () => {
  it('adds, lists and removes a folder feed, and polls it once (a second round finds nothing new)', () => {
    const s = sandbox();
    const folder = savedFolder(s.dir);
    const db = ['--db', s.db];
    const added = s.run([...db, 'feeds', 'add', folder, '--name', 'Offline reading', '--json']);
    expect(added.status, added.stderr).toBe(0);
    const feed = JSON.parse(added.stdout) as { id: string; kind: string; name: string };
    expect(feed).toMatchObject({ kind: 'folder', name: 'Offline reading' });
    const again = s.run([...db, 'feeds', 'add', folder]);
    expect(again.status).toBe(5);
    expect(again.stderr).toContain('already configured');
    expect(JSON.parse(s.run([...db, 'feeds', 'list', '--json']).stdout)).toMatchObject([{ id: feed.id, lastStatus: null }]);

    const watched = s.run([...db, 'watch', '--once']);
    expect(watched.status, watched.stderr).toBe(0);
    expect(watched.stdout).toMatch(new RegExp(`${feed.id} Offline reading: 4 item\\(s\\); 4 new: 3 proposed \\(\\d+ draft\\(s\\)\\), 0 duplicate, 1 no candidate, 0 rejected`));
    const second = JSON.parse(s.run([...db, 'watch', '--once', '--json']).stdout) as { mode: string; reports: Array<{ known: number; new: number }> };
    expect(second).toMatchObject({ mode: 'polled', reports: [{ known: 4, new: 0 }] });

    const removed = s.run([...db, 'feeds', 'remove', feed.id]);
    expect(removed.status, removed.stderr).toBe(0);
    expect(JSON.parse(s.run([...db, 'feeds', 'list', '--json']).stdout)).toEqual([]);
  }, 180_000);

  it('works the review queue a poll filled: list --json, show, accept, merge, reject --reason', () => {
    const s = sandbox();
    const db = ['--db', s.db];
    expect(s.run([...db, 'feeds', 'add', savedFolder(s.dir)]).status).toBe(0);
    expect(s.run([...db, 'watch', '--once']).status).toBe(0);

    const listed = s.run([...db, 'review', 'list', '--state', 'pending', '--json']);
    expect(listed.status, listed.stderr).toBe(0);
    const drafts = (JSON.parse(listed.stdout) as { items: Draft[] }).items;
    expect(drafts.length).toBeGreaterThanOrEqual(3);
    for (const d of drafts) expect(d).toMatchObject({ state: 'pending', origin: expect.stringMatching(/^feed:/) as unknown });
    const [first, other, third] = drafts as [Draft, Draft, Draft];
    const shown = s.run([...db, 'review', 'show', first.id]);
    expect(shown.stdout).toContain('Supporting sentences:');
    expect(shown.stdout).toContain(`origin      ${first.origin}`);

    const accepted = s.run([...db, 'review', 'accept', first.id]);
    expect(accepted.status, accepted.stderr).toBe(0);
    expect(accepted.stdout).toMatch(new RegExp(`draft ${first.id} accepted as incident \\S+`));
    const incidents = JSON.parse(s.run([...db, 'incidents', '--json']).stdout) as Array<{ id: string }>;
    expect(incidents).toHaveLength(1);
    const merged = s.run([...db, 'review', 'merge', third.id, '--into', incidents[0]?.id ?? '', '--json']);
    expect(merged.status, merged.stderr).toBe(0);
    expect(JSON.parse(merged.stdout)).toMatchObject({ draft: { id: third.id, state: 'merged', incidentId: incidents[0]?.id } });

    expect(s.run([...db, 'review', 'reject', other.id]).status).toBe(2);
    const rejected = s.run([...db, 'review', 'reject', other.id, '--reason', 'the article reports an allegation only']);
    expect(rejected.status, rejected.stderr).toBe(0);
    expect(rejected.stdout).toContain(`draft ${other.id} rejected: the article reports an allegation only`);
    expect((JSON.parse(s.run([...db, 'review', 'list', '--state', 'rejected', '--json']).stdout) as { items: Draft[] }).items.map((d) => d.id)).toEqual([other.id]);
  }, 180_000);

  it('exits 14 from watch --once when every feed failed, and names the reason', () => {
    const s = sandbox();
    const folder = join(s.dir, 'gone');
    mkdirSync(folder);
    expect(s.run(['--db', s.db, 'feeds', 'add', folder]).status).toBe(0);
    rmSync(folder, { recursive: true });
    const watched = s.run(['--db', s.db, 'watch', '--once']);
    expect(watched.status).toBe(14);
    expect(watched.stdout).toContain('FAILED FILE_ERROR');
    expect(watched.stderr).toContain('every feed failed');
    const feeds = JSON.parse(s.run(['--db', s.db, 'feeds', 'list', '--json']).stdout) as Array<{ lastStatus: string; lastError: { code: string } }>;
    expect(feeds[0]).toMatchObject({ lastStatus: 'failed', lastError: { code: 'FILE_ERROR' } });
  }, 120_000);
});
