import { defaultCliPrincipal, DRAFT_STATES, type EditContext } from '@pactwatch/backend';
import { PactwatchError } from '@pactwatch/domain';
import type { Command } from 'commander';
import { parsePositiveInt } from '../cli-input.js';
import { json } from '../presenters/output.js';
import { draftOutcomeText, draftRejectedText, draftTableText, draftText } from '../presenters/review-presenter.js';
import { choice, withPactwatch } from '../runtime.js';

/** The person at the terminal decides, as in `import --review` and `override` (admin by file access). */
function cliEdit(): EditContext {
  return { principal: defaultCliPrincipal() };
}

export function registerReviewCommands(program: Command): void {
  const review = program.command('review').description('The review queue: proposed incidents (from feeds, imports with --review, or the dashboard) waiting to be accepted, merged or rejected.');
  review
    .command('list', { isDefault: true })
    .description('list drafts, newest first')
    .option('--state <state>', `only drafts in this state: ${DRAFT_STATES.join(', ')}`)
    .option('--origin <origin>', 'only drafts of this origin (feed:<id>, import:<dataset>, hand-entered)')
    .option('--limit <n>', 'at most this many (default 50, at most 500)')
    .option('--after <position>', 'continue a previous listing (the position it printed)')
    .option('--json', 'print the page (items and next) as JSON')
    .action(async (options: { state?: string; origin?: string; limit?: string; after?: string; json?: boolean }, command: Command) => {
      const state = choice('--state', options.state, DRAFT_STATES);
      const limit = parsePositiveInt('--limit', options.limit) ?? 50;
      const after = parsePositiveInt('--after', options.after);
      await withPactwatch(command, async (app, output) => {
        const page = await app.drafts.list({ state, origin: options.origin, after, limit });
        output.out(options.json === true ? json(page) : draftTableText(page, output.colors, output.width));
      });
    });
  review
    .command('show')
    .description('one draft: the proposed incident, where it came from and the supporting sentences')
    .argument('<id>', 'the draft id')
    .option('--json', 'print as JSON')
    .action(async (id: string, options: { json?: boolean }, command: Command) => {
      await withPactwatch(command, async (app, output) => {
        const draft = await app.drafts.get(id);
        output.out(options.json === true ? json(draft) : draftText(draft, output.colors));
      });
    });
  review
    .command('accept')
    .description('store the proposed record as a new incident (evaluated at once)')
    .argument('<id>', 'the draft id')
    .option('--json', 'print the draft and the incident as JSON')
    .action(async (id: string, options: { json?: boolean }, command: Command) => {
      await withPactwatch(command, async (app, output) => {
        const outcome = await app.drafts.accept(id, cliEdit());
        output.out(options.json === true ? json(outcome) : draftOutcomeText(outcome));
      });
    });
  review
    .command('reject')
    .description('reject a draft, with the reason kept in the queue and the audit log')
    .argument('<id>', 'the draft id')
    .requiredOption('--reason <text>', 'why (required)')
    .option('--json', 'print the draft as JSON')
    .action(async (id: string, options: { reason: string; json?: boolean }, command: Command) => {
      if (options.reason.trim() === '') throw new PactwatchError('USAGE', '--reason needs some text: why is the draft rejected?');
      await withPactwatch(command, async (app, output) => {
        const draft = await app.drafts.reject(id, options.reason, cliEdit());
        output.out(options.json === true ? json(draft) : draftRejectedText(draft));
      });
    });
  review
    .command('merge')
    .description("add the draft's attributions and sources to an incident created here (curated and imported incidents are read-only)")
    .argument('<id>', 'the draft id')
    .requiredOption('--into <incidentId>', 'the incident to merge into')
    .option('--json', 'print the draft and the incident as JSON')
    .action(async (id: string, options: { into: string; json?: boolean }, command: Command) => {
      await withPactwatch(command, async (app, output) => {
        const outcome = await app.drafts.merge(id, options.into, cliEdit());
        output.out(options.json === true ? json(outcome) : draftOutcomeText(outcome));
      });
    });
}
