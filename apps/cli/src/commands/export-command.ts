import { EXPORT_FORMATS } from '@pactwatch/backend';
import { PactwatchError } from '@pactwatch/domain';
import type { Command } from 'commander';
import { exportSummary, exportTarget, writeExportFile } from '../presenters/export-presenter.js';
import { choice, withPactwatch } from '../runtime.js';

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    // Subcommands do not inherit main's exitOverride (set after registration); without this a
    // missing --format would exit 1 instead of the catalogue's usage code 2.
    .exitOverride()
    .description('Export the store: a STIX 2.1 bundle, incidents as CSV, or the native dataset JSON (byte-identical for an unchanged store).')
    .requiredOption('--format <format>', `stix (STIX 2.1 bundle), csv (incidents, one row each) or json (native dataset)`)
    .option('--agreement <id>', 'one agreement with its commitments, findings and the incidents, actors and groups they name')
    .option('--all', 'every record (the default)')
    .option('--out <file>', 'write to this file (its folder must exist) instead of standard output')
    .addHelpText(
      'after',
      '\nExamples:\n  pactwatch export --format stix --all --out pactwatch.stix.json\n  pactwatch export --format stix --agreement us-cn-2015 > us-cn-2015.json\n  pactwatch export --format csv --out incidents.csv\n  pactwatch export --format json --out dataset.json   (re-import with `pactwatch import dataset.json --format json`)\n\nSee docs/EXPORT.md for the STIX mapping and how to load a bundle into OpenCTI or MISP.',
    )
    .action(async (options: { format: string; agreement?: string; all?: boolean; out?: string }, command: Command) => {
      const format = choice('--format', options.format, EXPORT_FORMATS) ?? 'stix';
      if (options.all === true && options.agreement !== undefined) throw new PactwatchError('USAGE', 'give either --agreement <id> or --all, not both');
      if (options.out !== undefined && options.out.trim() === '') throw new PactwatchError('USAGE', '--out needs a file name');
      // A bad --out fails before the store is read, not after the export is built.
      if (options.out !== undefined) exportTarget(options.out);
      await withPactwatch(command, async (app, output) => {
        const result = await app.exports.export({ format, ...(options.agreement === undefined ? {} : { agreementId: options.agreement }) });
        if (options.out === undefined) {
          process.stdout.write(result.text);
          return;
        }
        writeExportFile(options.out, result.text);
        output.err(exportSummary(result, options.out));
      });
    });
}
