import type { Command } from 'commander';
import { backupText, restoreText } from '../presenters/backup-presenter.js';
import { json } from '../presenters/output.js';
import { withPactwatch } from '../runtime.js';

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('Back up the whole store: SQLite via its online backup API (safe while `serve` runs), PostgreSQL as a logical JSON backup. Written to a temporary name, then renamed.')
    .argument('<file>', 'the backup file to write (its folder must exist)')
    .option('--force', 'replace FILE if it exists')
    .option('--json', 'print the report as JSON')
    .addHelpText('after', '\nExamples:\n  pactwatch backup pactwatch-2026-12-05.db\n  pactwatch --database-url postgres://… backup pactwatch.backup.json --force\n\nSee docs/RELIABILITY.md for what a backup holds.')
    .action(async (file: string, options: { force?: boolean; json?: boolean }, command: Command) => {
      await withPactwatch(command, async (app, output) => {
        const report = await app.backup.backup(file, { force: options.force === true });
        output.out(options.json === true ? json(report) : backupText(report));
      });
    });
  program
    .command('restore')
    .description('Restore a backup (either kind) into an empty store in one transaction, then re-evaluate; --force replaces a store that holds data.')
    .argument('<file>', 'a file written by `pactwatch backup`')
    .option('--force', 'replace everything in a store that is not empty')
    .option('--json', 'print the report as JSON')
    .addHelpText('after', '\nExamples:\n  pactwatch --db new.db restore pactwatch-2026-12-05.db\n  pactwatch restore pactwatch.backup.json --force')
    .action(async (file: string, options: { force?: boolean; json?: boolean }, command: Command) => {
      await withPactwatch(command, async (app, output) => {
        const report = await app.backup.restore(file, { force: options.force === true });
        output.out(options.json === true ? json(report) : restoreText(report));
      });
    });
}
