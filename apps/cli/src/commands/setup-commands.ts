import { PactwatchError } from '@pactwatch/domain';
import type { Command } from 'commander';
import { newPasswordText } from '../presenters/account-presenter.js';
import { json } from '../presenters/output.js';
import { evaluationText, loadReportText, validationText } from '../presenters/report-presenter.js';
import { scorecardsText } from '../presenters/scorecard-presenter.js';
import { storeLabel, withPactwatch } from '../runtime.js';

function quarantinedError(count: number): PactwatchError {
  return new PactwatchError('DATASET_QUARANTINED', `${count} record(s) were kept in quarantine instead of stored; see the problems above or \`pactwatch quarantine\``);
}

export function registerSetupCommands(program: Command): void {
  program
    .command('init')
    .description('Create the database (if needed), load the curated dataset and compute findings.')
    .option('--admin <name>', 'also create this admin account for the API, with a one-time password printed once (refused if the user exists)')
    .option('--json', 'print the load and evaluation reports as JSON')
    .addHelpText('after', '\nExamples:\n  pactwatch init\n  pactwatch init --admin alice\n  pactwatch --db ./team.db --data ./data init --json')
    .action(async (options: { admin?: string; json?: boolean }, command: Command) => {
      await withPactwatch(command, async (app, output) => {
        // The account comes first, so an existing user is refused before anything is loaded.
        const admin = options.admin === undefined ? undefined : await app.accounts.createUser({ username: options.admin, role: 'admin' });
        const load = await app.dataset.load();
        const evaluation = await app.evaluation.evaluate();
        if (options.json === true) output.out(json({ database: storeLabel(app.config), load, evaluation, ...(admin === undefined ? {} : { admin }) }));
        else output.out(`database ${storeLabel(app.config)}\n${loadReportText(load, output.colors)}${evaluationText(evaluation)}${admin === undefined ? '' : newPasswordText(admin, 'created', output.colors)}`);
        if (load.quarantined > 0) throw quarantinedError(load.quarantined);
      });
    });

  program
    .command('load')
    .description('Re-load the curated dataset (idempotent: unchanged records are left alone) and re-evaluate.')
    .argument('[dir]', 'dataset folder (default: the configured data folder)')
    .option('--json', 'print the reports as JSON')
    .action(async (dir: string | undefined, options: { json?: boolean }, command: Command) => {
      await withPactwatch(command, async (app, output) => {
        const load = await app.dataset.load(dir ?? app.config.dataDir);
        const evaluation = await app.evaluation.evaluate();
        if (options.json === true) output.out(json({ load, evaluation }));
        else output.out(`${loadReportText(load, output.colors)}${evaluationText(evaluation)}`);
        if (load.quarantined > 0) throw quarantinedError(load.quarantined);
      });
    });

  program
    .command('validate')
    .description('Check dataset files (a folder or one file) against the published schema without loading them.')
    .argument('<path>', 'dataset folder or a single record file')
    .option('--json', 'print the report as JSON')
    .addHelpText('after', '\nExamples:\n  pactwatch validate data\n  pactwatch validate data/incidents/opm-breach-2014.yaml')
    .action(async (path: string, options: { json?: boolean }, command: Command) => {
      await withPactwatch(command, async (app, output) => {
        const report = await app.dataset.validate(path);
        output.out(options.json === true ? json(report) : validationText(report, output.colors));
        if (report.invalid > 0) throw new PactwatchError('VALIDATION_FAILED', `${report.invalid} invalid record(s) in ${path}`);
      });
    });

  program
    .command('evaluate')
    .description('Recompute findings: incremental (only changed incidents) unless the rules changed or --full is given.')
    .option('--full', 're-evaluate every incident')
    .option('--json', 'print the report as JSON')
    .action(async (options: { full?: boolean; json?: boolean }, command: Command) => {
      await withPactwatch(command, async (app, output) => {
        const report = await app.evaluation.evaluate({ full: options.full === true });
        output.out(options.json === true ? json(report) : evaluationText(report));
      });
    });

  program
    .command('start')
    .description('First run: create the database and load the dataset. Every run: refresh and show the scorecards.')
    .option('--json', 'print the scorecards as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withPactwatch(command, async (app, output) => {
        const first = !(await app.query.isInitialised());
        const load = await app.dataset.load();
        const evaluation = await app.evaluation.evaluate();
        const cards = await app.query.scorecards();
        if (options.json === true) {
          output.out(json({ firstRun: first, load, evaluation, scorecards: cards }));
        } else {
          if (first) output.out(`Created ${storeLabel(app.config)} and loaded the curated dataset.`);
          output.out(`${loadReportText(load, output.colors)}${evaluationText(evaluation)}`);
          output.out(scorecardsText(cards, output.colors));
          output.out(output.colors.dim('Next: `pactwatch findings --agreement us-cn-2015` for each verdict and why; `pactwatch --help` for more.'));
        }
        if (load.quarantined > 0) throw quarantinedError(load.quarantined);
      });
    });
}
