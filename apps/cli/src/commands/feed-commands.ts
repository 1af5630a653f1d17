import { defaultCliPrincipal, type WatchRound } from '@pactwatch/backend';
import { PactwatchError } from '@pactwatch/domain';
import type { Command } from 'commander';
import { feedAddedText, feedTableText, watchRoundText } from '../presenters/feed-presenter.js';
import { json } from '../presenters/output.js';
import { withPactwatch } from '../runtime.js';
import { untilShutdownSignal } from '../shutdown-signal.js';

function minutes(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > 7 * 24 * 60) throw new PactwatchError('USAGE', `--interval must be a number of minutes above 0 (at most a week), got "${raw}"`);
  return value;
}

/** `watch --once` fails (exit 14) only when there were feeds and every one of them failed. */
function everyFeedFailed(round: WatchRound): boolean {
  return round.mode === 'polled' && round.reports.length > 0 && round.reports.every((r) => r.status === 'failed');
}

export function registerFeedCommands(program: Command): void {
  const feeds = program.command('feeds').description('News sources the watcher polls: RSS 2.0 and Atom feeds, or a folder of saved pages and text files.');
  feeds
    .command('add')
    .description('add a feed URL or a folder; a URL is fetched once to tell RSS from Atom unless --kind is given')
    .argument('<location>', 'an http(s) feed URL, or a folder of .html/.htm/.txt/.md files')
    .option('--name <name>', 'what to call it (default: the feed title, or the location)')
    .option('--kind <kind>', 'rss, atom or folder')
    .option('--json', 'print the feed as JSON')
    .addHelpText('after', '\nExamples:\n  pactwatch feeds add https://www.example.org/security/feed.xml --name "Example security news"\n  pactwatch feeds add ./saved-articles --name "Offline reading"')
    .action(async (location: string, options: { name?: string; kind?: string; json?: boolean }, command: Command) => {
      await withPactwatch(command, async (app, output) => {
        const feed = await app.feeds.add({ location, name: options.name, kind: options.kind }, defaultCliPrincipal());
        output.out(options.json === true ? json(feed) : feedAddedText(feed));
      });
    });
  feeds
    .command('list', { isDefault: true })
    .description('list the feeds with their last poll and totals')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withPactwatch(command, async (app, output) => {
        const list = await app.feeds.list();
        output.out(options.json === true ? json(list) : feedTableText(list, output.colors, output.width));
      });
    });
  feeds
    .command('remove')
    .description('remove a feed and its item records (drafts it queued stay in the review queue)')
    .argument('<id>', 'the feed id from `feeds list`')
    .action(async (id: string, _options: unknown, command: Command) => {
      await withPactwatch(command, async (app, output) => {
        const feed = await app.feeds.remove(id, defaultCliPrincipal());
        output.out(`feed ${feed.id} removed ("${feed.name}")`);
      });
    });

  program
    .command('watch')
    .description('Poll the enabled feeds and queue what they report as drafts for review, every --interval minutes until SIGINT or SIGTERM. On PostgreSQL each round queues feed-poll jobs for `pactwatch worker` processes unless --inline.')
    .option('--once', 'one round, then exit (exit 14 when every feed failed)')
    .option('--interval <minutes>', 'minutes between rounds (env PACTWATCH_FEED_POLL_MINUTES; default 30)')
    .option('--inline', 'PostgreSQL: poll in this process instead of queueing jobs')
    .option('--json', 'print each round as JSON')
    .addHelpText('after', '\nExamples:\n  pactwatch watch --once\n  pactwatch watch --interval 15\n  pactwatch --database-url postgres://pactwatch@db.internal/pactwatch watch   (workers poll)')
    .action(async (options: { once?: boolean; interval?: string; inline?: boolean; json?: boolean }, command: Command) => {
      const interval = minutes(options.interval);
      await withPactwatch(command, async (app, output) => {
        const principal = defaultCliPrincipal();
        const show = (round: WatchRound): void => output.out(options.json === true ? json(round) : watchRoundText(round, output.colors));
        if (options.once === true) {
          const round = await app.feeds.watchRound({ inline: options.inline === true, principal });
          show(round);
          if (everyFeedFailed(round)) throw new PactwatchError('FEED_UNREACHABLE', 'every feed failed this round; see the reasons above');
          return;
        }
        const everyMs = (interval ?? app.config.feeds.pollMinutes) * 60_000;
        let stopped = false;
        const signal = untilShutdownSignal().then((s) => {
          stopped = true;
          output.err(`pactwatch watch: ${s}, stopping after this round`);
        });
        output.err(`pactwatch watch: polling every ${everyMs / 60_000} minute(s); stop with Ctrl-C`);
        while (!stopped) {
          show(await app.feeds.watchRound({ inline: options.inline === true, principal }));
          let timer: NodeJS.Timeout | undefined;
          await Promise.race([signal, new Promise((resolve) => (timer = setTimeout(resolve, everyMs)))]);
          clearTimeout(timer);
        }
      });
    });
}
