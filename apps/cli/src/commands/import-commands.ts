import { PactwatchError } from '@pactwatch/domain';
import type { Command } from 'commander';
import { json } from '../presenters/output.js';
import { importReportText, quarantineCsv, quarantineText } from '../presenters/import-presenter.js';
import { progressBar } from '../presenters/progress.js';
import { choice, withPactwatch } from '../runtime.js';

export function registerImportCommands(program: Command): void {
  program
    .command('import')
    .description('Import an external file (STIX 2.1, MISP galaxy, CSV/XLSX with a mapping, native JSON); nothing is dropped silently.')
    .argument('<file>', 'the file to import')
    .requiredOption('--format <format>', 'stix, misp-galaxy, csv, xlsx or json')
    .option('--mapping <mapping>', 'for csv/xlsx: cfr, eurepoc, dcid, or a mapping YAML file')
    .option('--dry-run', 'read, validate and reconcile, but write nothing')
    .option('--review', 'propose the incidents to the review queue as pending drafts (origin import:<dataset>) instead of storing them; actors are stored as usual')
    .option('--json', 'print the reconciliation as JSON')
    .addHelpText('after', '\nExamples:\n  pactwatch import enterprise-attack.json --format stix\n  pactwatch import DCID_2.0.xlsx --format xlsx --mapping dcid --dry-run --json\n  pactwatch import cfr-tracker.csv --format csv --mapping cfr --review\n  pactwatch import my-export.csv --format csv --mapping ./my-mapping.yaml')
    .action(async (file: string, options: { format: string; mapping?: string; dryRun?: boolean; review?: boolean; json?: boolean }, command: Command) => {
      await withPactwatch(command, async (app, output) => {
        const report = await app.imports.import(
          { file, format: options.format, ...(options.mapping === undefined ? {} : { mapping: options.mapping }), dryRun: options.dryRun === true, asDrafts: options.review === true },
          progressBar(`import ${file}`, options.json !== true),
        );
        output.out(options.json === true ? json(report) : importReportText(report, output.colors));
        if (report.drafted > 0 && !report.dryRun && options.json !== true) output.err(`pactwatch: ${report.drafted} record(s) wait in the review queue (origin ${report.draftOrigin ?? ''}); decide them in the dashboard's review page or at /api/v1/drafts`);
        if (report.quarantined > 0 && options.json !== true) output.err(`pactwatch: ${report.quarantined} record(s) kept in quarantine; see \`pactwatch quarantine list\``);
      });
    });

  const quarantine = program.command('quarantine').description('Records the latest load or import of each source kept out of the store, with the reason for each.');
  quarantine
    .command('list', { isDefault: true })
    .description('list quarantined records (latest batch of each source)')
    .option('--json', 'print as JSON (includes the raw record)')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withPactwatch(command, async (app, output) => {
        const entries = await app.query.quarantine();
        output.out(options.json === true ? json(entries) : quarantineText(entries));
      });
    });
  quarantine
    .command('show')
    .description('show one quarantined record with its raw text')
    .argument('<id>', 'the number from `quarantine list`')
    .option('--json', 'print as JSON')
    .action(async (id: string, options: { json?: boolean }, command: Command) => {
      const number = Number(id);
      if (!Number.isInteger(number) || number < 1) throw new PactwatchError('USAGE', `quarantine id must be a positive whole number, got "${id}"`);
      await withPactwatch(command, async (app, output) => {
        const entry = await app.query.quarantineEntry(number);
        output.out(options.json === true ? json(entry) : `${quarantineText([entry])}\n--- raw ---\n${entry.raw}`);
      });
    });
  quarantine
    .command('export')
    .description('export quarantined records (to fix and re-import)')
    .option('--format <format>', 'json or csv', 'json')
    .action(async (options: { format: string }, command: Command) => {
      const format = choice('--format', options.format, ['json', 'csv'] as const);
      await withPactwatch(command, async (app, output) => {
        const entries = await app.query.quarantine();
        if (format === 'csv') process.stdout.write(quarantineCsv(entries));
        else output.out(json(entries));
      });
    });
}
