import type { FeedPollReport, FeedSource, WatchRound } from '@pactwatch/backend';
import type { Colors } from './output.js';
import { renderTable } from './table.js';

const time = (iso: string | null): string => (iso === null ? 'never' : iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z'));

function lastPoll(feed: FeedSource, colors: Colors): string {
  if (feed.lastStatus === null) return 'not polled yet';
  if (feed.lastStatus === 'failed') return colors.red(`failed ${time(feed.lastPolledAt)}: ${feed.lastError?.code ?? ''} ${feed.lastError?.message ?? ''}`);
  return `${feed.lastStatus} ${time(feed.lastPolledAt)}`;
}

export function feedTableText(feeds: readonly FeedSource[], colors: Colors, width: number): string {
  if (feeds.length === 0) return 'No feeds. Add one with `pactwatch feeds add <url|folder>`.\n';
  return renderTable(
    feeds,
    [
      { header: 'id', value: (f) => f.id },
      { header: 'name', value: (f) => f.name },
      { header: 'kind', value: (f) => f.kind },
      { header: 'on', value: (f) => (f.enabled ? 'yes' : 'no') },
      { header: 'items', value: (f) => String(f.counts.seen) },
      { header: 'drafts', value: (f) => String(f.counts.drafts) },
      { header: 'last poll', value: (f) => lastPoll(f, colors), wrap: true },
    ],
    width,
    { detail: (f) => f.location },
  );
}

export function feedAddedText(feed: FeedSource): string {
  return `feed ${feed.id} added: "${feed.name}" (${feed.kind}) ${feed.location}\npoll it with \`pactwatch watch --once\`\n`;
}

/** One line per feed: what its items became, or why it failed. */
export function pollReportText(reports: readonly FeedPollReport[], colors: Colors): string {
  if (reports.length === 0) return 'No enabled feeds to poll.\n';
  const lines = reports.map((r) => {
    const head = `${r.feedId} ${r.name}`;
    if (r.status === 'failed') return colors.red(`${head}: FAILED ${r.error?.code ?? ''}: ${r.error?.message ?? ''}`);
    if (r.status === 'not-modified') return `${head}: not modified since the last poll`;
    const known = r.known + r.repeated > 0 ? `, ${r.known} already seen${r.repeated > 0 ? `, ${r.repeated} repeated` : ''}` : '';
    return `${head}: ${r.seen} item(s)${known}; ${r.new} new: ${r.proposed} proposed (${r.drafts} draft(s)), ${r.duplicate} duplicate, ${r.noCandidate} no candidate, ${r.rejected} rejected`;
  });
  const rejected = reports.flatMap((r) => r.items.filter((i) => i.outcome === 'rejected-item').map((i) => `  ${r.feedId} rejected "${i.title || i.key}": ${i.reason ?? ''}`));
  const drafts = reports.reduce((n, r) => n + r.drafts, 0);
  const tail = drafts > 0 ? [`${drafts} draft(s) wait in the review queue: \`pactwatch review list --state pending\``] : [];
  return `${[...lines, ...rejected, ...tail].join('\n')}\n`;
}

export function watchRoundText(round: WatchRound, colors: Colors): string {
  if (round.mode === 'polled') return pollReportText(round.reports, colors);
  if (round.jobs.length === 0) return 'No enabled feeds to poll.\n';
  return `${round.jobs.map((j) => `${j.feedId}: feed-poll job ${j.jobId} (${j.state})`).join('\n')}\nworkers run them: \`pactwatch worker\`; results: \`pactwatch jobs list --name feed-poll\`\n`;
}
