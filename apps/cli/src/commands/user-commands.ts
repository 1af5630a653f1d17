import type { Pactwatch, UserAccount } from '@pactwatch/backend';
import { ROLES } from '@pactwatch/domain';
import type { Command } from 'commander';
import { readPasswordFromStdin } from '../cli-input.js';
import { newPasswordText, userText, usersText } from '../presenters/account-presenter.js';
import { json } from '../presenters/output.js';
import { choice, withPactwatch } from '../runtime.js';

export const ROLE_HELP = `role: ${ROLES.join(', ')} (viewer reads; analyst edits incidents and overrides verdicts; admin manages agreements, imports, users and tokens)`;

export function registerUserCommands(program: Command): void {
  const users = program.command('users').description('Accounts for the API (`pactwatch serve`): add, list, disable, enable, set roles, reset passwords.');
  users
    .command('add')
    .description('Add a user; without --password-stdin a one-time password is generated and printed once.')
    .argument('<name>', 'username (case-insensitive)')
    .requiredOption('--role <role>', ROLE_HELP)
    .option('--display-name <text>', 'full name shown in the interface')
    .option('--password-stdin', 'read the password from standard input instead of generating one')
    .option('--json', 'print the account (and any one-time password) as JSON')
    .addHelpText('after', '\nExamples:\n  pactwatch users add alice --role analyst\n  pactwatch users add ci-bot --role viewer --password-stdin < secret.txt')
    .action(async (name: string, options: { role: string; displayName?: string; passwordStdin?: boolean; json?: boolean }, command: Command) => {
      const role = choice('--role', options.role, ROLES) ?? 'viewer';
      const password = options.passwordStdin === true ? readPasswordFromStdin() : undefined;
      await withPactwatch(command, async (app, output) => {
        const result = await app.accounts.createUser({ username: name, role, ...(options.displayName === undefined ? {} : { displayName: options.displayName }), ...(password === undefined ? {} : { password }) });
        output.out(options.json === true ? json(result) : newPasswordText(result, 'created', output.colors));
      });
    });

  users
    .command('list')
    .description('List users with their role and state (active, disabled, locked).')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withPactwatch(command, async (app, output) => {
        const list = await app.accounts.listUsers();
        output.out(options.json === true ? json(list) : usersText(list, output.width));
      });
    });

  const change = (verb: string, description: string, run: (app: Pactwatch, name: string) => Promise<UserAccount>): void => {
    users
      .command(verb)
      .description(description)
      .argument('<name>', 'username')
      .option('--json', 'print the account as JSON')
      .action(async (name: string, options: { json?: boolean }, command: Command) => {
        await withPactwatch(command, async (app, output) => {
          const user = await run(app, name);
          output.out(options.json === true ? json(user) : userText(user));
        });
      });
  };
  change('disable', 'Disable a user: sessions end, API tokens stop working until enabled again.', (app, name) => app.accounts.disableUser(name));
  change('enable', 'Enable a user again (also clears a login lockout).', (app, name) => app.accounts.enableUser(name));

  users
    .command('set-role')
    .description('Change a user\'s role; their API tokens are capped at the new role.')
    .argument('<name>', 'username')
    .argument('<role>', ROLE_HELP)
    .option('--json', 'print the account as JSON')
    .action(async (name: string, role: string, options: { json?: boolean }, command: Command) => {
      const next = choice('role', role, ROLES) ?? 'viewer';
      await withPactwatch(command, async (app, output) => {
        const user = await app.accounts.setRole(name, next);
        output.out(options.json === true ? json(user) : userText(user));
      });
    });

  users
    .command('reset-password')
    .description('Give a user a new one-time password (printed once); their sessions end and any lockout is cleared.')
    .argument('<name>', 'username')
    .option('--json', 'print the account and the one-time password as JSON')
    .action(async (name: string, options: { json?: boolean }, command: Command) => {
      await withPactwatch(command, async (app, output) => {
        const result = await app.accounts.resetPassword(name);
        output.out(options.json === true ? json(result) : newPasswordText(result, 'reset', output.colors));
      });
    });
}
