import { ROLES } from '@pactwatch/domain';
import type { Command } from 'commander';
import { parseInstant } from '../cli-input.js';
import { newTokenText, TOKEN_WARNING, tokensText } from '../presenters/account-presenter.js';
import { json } from '../presenters/output.js';
import { choice, withPactwatch } from '../runtime.js';
import { ROLE_HELP } from './user-commands.js';

export function registerTokenCommands(program: Command): void {
  const tokens = program.command('tokens').description('API tokens for scripts: shown once, stored hashed, scoped to a role, revocable.');
  tokens
    .command('create')
    .description('Create an API token for a user (printed once).')
    .requiredOption('--user <name>', 'the user the token acts for')
    .requiredOption('--name <label>', 'what uses the token (a script, a machine)')
    .requiredOption('--role <role>', `${ROLE_HELP}; at most the user's own role`)
    .option('--expires <date>', 'expiry date or ISO time (default: never)')
    .option('--json', 'print the token and its details as JSON')
    .addHelpText('after', '\nExample:\n  pactwatch tokens create --user alice --name nightly-import --role analyst --expires 2027-01-01')
    .action(async (options: { user: string; name: string; role: string; expires?: string; json?: boolean }, command: Command) => {
      const role = choice('--role', options.role, ROLES) ?? 'viewer';
      const expires = parseInstant('--expires', options.expires);
      await withPactwatch(command, async (app, output) => {
        const owner = await app.accounts.getUser(options.user);
        const created = await app.auth.createToken(owner.id, options.name, role, expires);
        output.out(options.json === true ? json({ token: created.token, ...created.info }) : newTokenText(created, output.colors));
        output.err(TOKEN_WARNING);
      });
    });

  tokens
    .command('list')
    .description('List API tokens (prefix, owner, role, last use); never the secrets.')
    .option('--user <name>', 'only this user\'s tokens')
    .option('--json', 'print as JSON')
    .action(async (options: { user?: string; json?: boolean }, command: Command) => {
      await withPactwatch(command, async (app, output) => {
        const owner = options.user === undefined ? undefined : await app.accounts.getUser(options.user);
        const list = await app.auth.listTokens(owner?.id);
        output.out(options.json === true ? json(list) : tokensText(list, output.width));
      });
    });

  tokens
    .command('revoke')
    .description('Revoke an API token by id (see `pactwatch tokens list`); it stops working at once.')
    .argument('<id>', 'token id')
    .option('--json', 'print the token as JSON')
    .action(async (id: string, options: { json?: boolean }, command: Command) => {
      await withPactwatch(command, async (app, output) => {
        const info = await app.auth.revokeToken(id);
        output.out(options.json === true ? json(info) : `Revoked API token ${info.id} "${info.name}" of ${info.username}.\n`);
      });
    });
}
