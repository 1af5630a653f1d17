import { Command } from 'commander';
import { registerAlertCommands } from './commands/alert-commands.js';
import { registerAuditCommand } from './commands/audit-command.js';
import { registerBackupCommands } from './commands/backup-commands.js';
import { registerExportCommand } from './commands/export-command.js';
import { registerImportCommands } from './commands/import-commands.js';
import { registerJobCommands, registerWorkerCommand } from './commands/job-commands.js';
import { registerOverrideCommand } from './commands/override-command.js';
import { registerQueryCommands } from './commands/query-commands.js';
import { registerFeedCommands } from './commands/feed-commands.js';
import { registerReviewCommands } from './commands/review-commands.js';
import { registerReportCommand } from './commands/report-command.js';
import { registerServeCommand } from './commands/serve-command.js';
import { registerSetupCommands } from './commands/setup-commands.js';
import { registerStatsCommand } from './commands/stats-command.js';
import { registerTokenCommands } from './commands/token-commands.js';
import { registerTrendCommands } from './commands/trend-commands.js';
import { registerUserCommands } from './commands/user-commands.js';

export function buildProgram(version: string): Command {
  const program = new Command('pactwatch')
    .version(version)
    .description('Do states keep the cyber agreements they sign? Agreements, incidents and explained compliance verdicts.')
    .option('--db <path>', 'SQLite database file (env PACTWATCH_DB; default: the user data folder)')
    .option('--database-url <url>', 'use PostgreSQL instead of SQLite: postgres://user@host:port/db (env PACTWATCH_DATABASE_URL)')
    .option('--data <dir>', 'curated dataset folder (env PACTWATCH_DATA; default: the repository data/)')
    .option('--threshold <n>', 'minimum attribution confidence for a breach, 0-100 (env PACTWATCH_CONFIDENCE_THRESHOLD; default 70)')
    .option('--no-color', 'plain output (NO_COLOR is respected too)')
    .showHelpAfterError('(run with --help for usage)')
    // Set before the subcommands are added: commander copies these settings into each one, so
    // every usage error reaches main() and exits 2, never commander's own process.exit(1).
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) })
    .addHelpText(
      'after',
      `
Examples:
  pactwatch init                                   create the database and load the dataset
  pactwatch findings --agreement us-cn-2015        which incidents breach the US-China accord, and why
  pactwatch findings --incident opm-breach-2014 --explain
  pactwatch scorecard --agreement ru-cn-2015
  pactwatch incidents --sponsor CN --victim US --json
  pactwatch --database-url postgres://pactwatch@db.example:5432/pactwatch init   the same on PostgreSQL

Exit codes: 0 ok, 1 internal error, 2 usage, 3 invalid or quarantined data, 4 not found,
5 conflict, 6 database, 7 configuration, 8 file, 9 statistics not computable, 14 feed or alert delivery failed
(see docs/ERRORS.md).`,
    );
  registerSetupCommands(program);
  registerQueryCommands(program);
  registerOverrideCommand(program);
  registerStatsCommand(program);
  registerTrendCommands(program);
  registerImportCommands(program);
  registerExportCommand(program);
  registerBackupCommands(program);
  registerReportCommand(program);
  registerServeCommand(program);
  registerUserCommands(program);
  registerTokenCommands(program);
  registerAuditCommand(program);
  registerWorkerCommand(program);
  registerJobCommands(program);
  registerAlertCommands(program);
  registerFeedCommands(program);
  registerReviewCommands(program);
  return program;
}
