import { PactwatchError } from '@pactwatch/domain';
import type { Command } from 'commander';
import { parseInstant, parsePositiveInt } from '../cli-input.js';
import { auditText } from '../presenters/audit-presenter.js';
import { json } from '../presenters/output.js';
import { withPactwatch } from '../runtime.js';

/** `--entity incident:opm-breach-2014` → type and id; `--entity user` → every user. */
function parseEntity(raw: string | undefined): { entityType?: string; entityId?: string } {
  if (raw === undefined) return {};
  const colon = raw.indexOf(':');
  const entityType = colon < 0 ? raw : raw.slice(0, colon);
  const entityId = colon < 0 ? undefined : raw.slice(colon + 1);
  if (entityType === '' || entityId === '') throw new PactwatchError('USAGE', `--entity must be TYPE or TYPE:ID (e.g. incident:opm-breach-2014), got "${raw}"`);
  return entityId === undefined ? { entityType } : { entityType, entityId };
}

export function registerAuditCommand(program: Command): void {
  program
    .command('audit')
    .description('Read the append-only audit log: who changed what, when, with before and after (newest first).')
    .option('--entity <type[:id]>', 'only this kind of record, or this one record (user, api-token, verdict-override, import-batch, incident, agreement, …)')
    .option('--incident <id>', 'everything about one incident: its own changes and the verdict overrides on its findings')
    .option('--action <action>', 'only this action (e.g. user.disable, override.set, import.run)')
    .option('--user <name>', 'only changes by this principal (a username, "token NAME of USER", "cli:osuser", "pactwatch")')
    .option('--since <date>', 'from this date or ISO time on')
    .option('--until <date>', 'before this date or ISO time')
    .option('--limit <n>', 'at most this many entries (default 50, at most 500)')
    .option('--before <id>', 'entries older than this entry number (to page back)')
    .option('--json', 'print the entries (with full before/after) and the next cursor as JSON')
    .addHelpText('after', '\nExamples:\n  pactwatch audit --entity user --since 2026-01-01\n  pactwatch audit --entity verdict-override --json\n  pactwatch audit --incident cn-us-opm-2015\n  pactwatch audit --action import.run --limit 5')
    .action(async (options: { entity?: string; incident?: string; action?: string; user?: string; since?: string; until?: string; limit?: string; before?: string; json?: boolean }, command: Command) => {
      const since = parseInstant('--since', options.since);
      const until = parseInstant('--until', options.until);
      const limit = parsePositiveInt('--limit', options.limit);
      const cursor = parsePositiveInt('--before', options.before);
      await withPactwatch(command, async (app, output) => {
        const page = await app.audit.list({
          ...parseEntity(options.entity),
          ...(options.incident === undefined ? {} : { incident: options.incident }),
          ...(options.action === undefined ? {} : { action: options.action }),
          ...(options.user === undefined ? {} : { principalName: options.user }),
          ...(since === undefined ? {} : { since }),
          ...(until === undefined ? {} : { until }),
          ...(limit === undefined ? {} : { limit }),
          ...(cursor === undefined ? {} : { cursor }),
        });
        output.out(options.json === true ? json(page) : auditText(page, output.width));
      });
    });
}
