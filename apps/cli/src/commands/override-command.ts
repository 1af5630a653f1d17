import { userInfo } from 'node:os';
import { toFindingContract } from '@pactwatch/domain';
import type { Command } from 'commander';
import { json } from '../presenters/output.js';
import { withPactwatch } from '../runtime.js';

export function registerOverrideCommand(program: Command): void {
  program
    .command('override')
    .description('Record an analyst\'s verdict beside the computed one (never instead of it), or remove it.')
    .requiredOption('--commitment <id>', 'commitment id (agreement/commitment)')
    .requiredOption('--incident <id>', 'incident id')
    .option('--verdict <verdict>', 'the analyst\'s verdict')
    .option('--note <text>', 'why (required when setting)')
    .option('--author <name>', 'who (default: the current user)')
    .option('--remove', 'remove the override')
    .option('--json', 'print the finding with its override as JSON')
    .addHelpText('after', '\nExample:\n  pactwatch override --commitment us-cn-2015/no-ip-theft --incident crowdstrike-post-accord-intrusions-2015 \\\n    --verdict breach --note "DOJ indictment of 2018 confirms commercial intent"')
    .action(async (options: { commitment: string; incident: string; verdict?: string; note?: string; author?: string; remove?: boolean; json?: boolean }, command: Command) => {
      await withPactwatch(command, async (app, output) => {
        if (options.remove === true) {
          await app.overrides.remove(options.commitment, options.incident);
          output.out(`override removed for ${options.incident} × ${options.commitment}`);
          return;
        }
        await app.overrides.set({
          commitmentId: options.commitment,
          incidentId: options.incident,
          verdict: options.verdict ?? '',
          note: options.note ?? '',
          author: options.author ?? userInfo().username,
        });
        const [finding] = await app.query.findings({ commitmentId: options.commitment, incidentId: options.incident });
        if (options.json === true && finding !== undefined) output.out(json(toFindingContract(finding)));
        else if (finding !== undefined) output.out(`${options.incident} × ${options.commitment}: computed ${finding.verdict}, override ${finding.override?.verdict ?? '?'} (${finding.override?.note ?? ''})`);
      });
    });
}
