import { parseDyad, REPORT_FORMATS, type ReportFormat } from '@pactwatch/backend';
import { findStateCode, PactwatchError, type ReportScope } from '@pactwatch/domain';
import type { Command } from 'commander';
import { reportSummary, reportTarget, writeReportFile } from '../presenters/report-file.js';
import { choice, withPactwatch } from '../runtime.js';

interface ReportOptions {
  agreement?: string;
  dyad?: string;
  state?: string;
  from?: string;
  to?: string;
  asOf?: string;
  format: string;
  out?: string;
}

function scopeOf(options: ReportOptions): ReportScope {
  const given = [options.agreement, options.dyad, options.state].filter((v) => v !== undefined).length;
  if (given !== 1) throw new PactwatchError('USAGE', 'give exactly one of --agreement <id>, --dyad <SPONSOR:VICTIM> or --state <code>');
  if (options.agreement !== undefined) return { kind: 'agreement', agreementId: options.agreement };
  if (options.dyad !== undefined) return { kind: 'dyad', ...parseDyad(options.dyad) };
  const state = findStateCode(options.state ?? '');
  if (state === undefined) throw new PactwatchError('USAGE', `--state: "${options.state ?? ''}" is not a known country name or ISO code`);
  return { kind: 'state', state };
}

export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .exitOverride()
    .description('Write a compliance report: commitments with quotes, scorecard, breaches with their evidence, gaps, trend with chart, methods and numbered citations.')
    .option('--agreement <id>', 'one agreement')
    .option('--dyad <sponsor:victim>', 'incidents sponsored by the first state against the second, under the agreements between them (e.g. CN:US)')
    .option('--state <code>', 'incidents the state sponsored, under the agreements it is party to')
    .option('--from <date>', 'only incidents that may have run on or after this date (EDTF)')
    .option('--to <date>', 'only incidents that may have run on or before this date (EDTF)')
    .option('--as-of <date>', 'YYYY-MM-DD printed as the report\'s date (and cooperation judged on it); without it the report prints no date')
    .option('--format <format>', `${REPORT_FORMATS.join(', ')}`, 'md')
    .option('--out <file>', 'write to this file (its folder must exist) instead of standard output; required for pdf')
    .addHelpText(
      'after',
      '\nExamples:\n  pactwatch report --agreement us-cn-2015 --format md > us-cn-2015.md\n  pactwatch report --dyad CN:US --from 2013 --to 2018 --format html --out cn-us.html\n  pactwatch report --state CN --format pdf --out cn.pdf --as-of 2026-12-01\n\nThe same store and options give byte-identical md, html and json. PDF needs Chromium (apt-get install -y chromium). See docs/REPORTS.md.',
    )
    .action(async (options: ReportOptions, command: Command) => {
      const format = choice('--format', options.format, REPORT_FORMATS) as ReportFormat;
      const scope = scopeOf(options);
      if (options.out !== undefined && options.out.trim() === '') throw new PactwatchError('USAGE', '--out needs a file name');
      if (format === 'pdf' && options.out === undefined) throw new PactwatchError('USAGE', 'a PDF is binary: give --out <file.pdf>');
      // A bad --out fails before the store is read, not after the report is built.
      if (options.out !== undefined) reportTarget(options.out);
      await withPactwatch(command, async (app, output) => {
        const rendered = await app.reports.render({ scope, from: options.from, to: options.to, asOf: options.asOf, format });
        if (options.out === undefined) {
          process.stdout.write(rendered.body);
          return;
        }
        writeReportFile(options.out, rendered.body);
        output.err(reportSummary(rendered, options.out));
      });
    });
}
