import { findStateCode, groupMembersAsOf, PactwatchError, VERDICTS, ACTIVITY_TYPES, toAgreementContract, toIncidentContract, toScorecardContract } from '@pactwatch/domain';
import type { Command } from 'commander';
import { findingsCsv, findingsExplained, findingsJson, findingsTable } from '../presenters/finding-presenter.js';
import { json } from '../presenters/output.js';
import { agreementDetail, agreementsTable, incidentsTable } from '../presenters/record-presenter.js';
import { scorecardsText } from '../presenters/scorecard-presenter.js';
import { choice, wantsJson, withPactwatch } from '../runtime.js';

function state(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const code = findStateCode(value);
  if (code === undefined) throw new PactwatchError('USAGE', `${name}: "${value}" is not a known country name or ISO code`);
  return code;
}

function parseAsOf(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new PactwatchError('USAGE', `--as-of must be a date such as 2017-12-31, got "${value}"`);
  return date;
}

const FORMATS = ['table', 'json', 'csv'] as const;

export function registerQueryCommands(program: Command): void {
  program
    .command('agreements')
    .description('List agreements with their parties and commitments.')
    .argument('[id]', 'show one agreement in full')
    .option('--party <state>', 'a state party (name or ISO code), directly or through a group')
    .option('--from <date>', 'took effect on or after this EDTF date')
    .option('--to <date>', 'took effect on or before this EDTF date')
    .option('--activity <type>', `a commitment covers this activity (${ACTIVITY_TYPES.ids.join(', ')})`)
    .option('--format <format>', 'table or json', 'table')
    .option('--json', 'same as --format json')
    .addHelpText('after', '\nExamples:\n  pactwatch agreements --party China --from 2015 --to 2017\n  pactwatch agreements us-cn-2015\n  pactwatch agreements --activity commercial-espionage --json')
    .action(async (id: string | undefined, options: { party?: string; from?: string; to?: string; activity?: string; format?: string; json?: boolean }, command: Command) => {
      choice('--format', options.format, ['table', 'json'] as const);
      const activity = choice('--activity', options.activity, ACTIVITY_TYPES.ids);
      await withPactwatch(command, async (app, output) => {
        if (id !== undefined) {
          const agreement = await app.query.agreement(id);
          output.out(wantsJson(options) ? json(toAgreementContract(agreement)) : agreementDetail(agreement, output.colors));
          return;
        }
        const list = await app.query.agreements({ party: state('--party', options.party), from: options.from, to: options.to, activity });
        output.out(wantsJson(options) ? json(list.map(toAgreementContract)) : agreementsTable(list, output.width));
      });
    });

  program
    .command('incidents')
    .description('List incidents with attributions, victims and dates.')
    .option('--party <state>', 'sponsor or victim state')
    .option('--sponsor <state>', 'sponsor state of any attribution')
    .option('--victim <state>', 'victim state')
    .option('--from <date>', 'active on or after this EDTF date')
    .option('--to <date>', 'began on or before this EDTF date')
    .option('--activity <type>', `activity type (${ACTIVITY_TYPES.ids.join(', ')})`)
    .option('--format <format>', 'table or json', 'table')
    .option('--json', 'same as --format json')
    .addHelpText('after', '\nExamples:\n  pactwatch incidents --sponsor CN --victim US --from 2015-09\n  pactwatch incidents --party "Russian Federation" --json')
    .action(async (options: { party?: string; sponsor?: string; victim?: string; from?: string; to?: string; activity?: string; format?: string; json?: boolean }, command: Command) => {
      choice('--format', options.format, ['table', 'json'] as const);
      const activity = choice('--activity', options.activity, ACTIVITY_TYPES.ids);
      await withPactwatch(command, async (app, output) => {
        const list = await app.query.incidents({
          party: state('--party', options.party),
          sponsor: state('--sponsor', options.sponsor),
          victim: state('--victim', options.victim),
          from: options.from,
          to: options.to,
          activity,
        });
        output.out(wantsJson(options) ? json(list.map(toIncidentContract)) : incidentsTable(list, output.width));
      });
    });

  program
    .command('findings')
    .description('Incident × commitment verdicts, each with the check-by-check trace behind it.')
    .option('--agreement <id>', 'only this agreement')
    .option('--commitment <id>', 'only this commitment (agreement/commitment)')
    .option('--incident <id>', 'only this incident')
    .option('--verdict <verdict>', `only this verdict (${VERDICTS.join(', ')})`)
    .option('--format <format>', 'table, json or csv', 'table')
    .option('--json', 'same as --format json')
    .option('--explain', 'print every check with its value and reason')
    .addHelpText('after', '\nExamples:\n  pactwatch findings --agreement us-cn-2015\n  pactwatch findings --incident opm-breach-2014 --explain\n  pactwatch findings --verdict breach --format csv > breaches.csv')
    .action(async (options: { agreement?: string; commitment?: string; incident?: string; verdict?: string; format?: string; json?: boolean; explain?: boolean }, command: Command) => {
      const format = wantsJson(options) ? 'json' : choice('--format', options.format, FORMATS);
      const verdict = choice('--verdict', options.verdict, VERDICTS);
      await withPactwatch(command, async (app, output) => {
        const findings = await app.query.findings({ agreementId: options.agreement, commitmentId: options.commitment, incidentId: options.incident, verdict });
        if (format === 'json') output.out(json(findingsJson(findings)));
        else if (format === 'csv') process.stdout.write(findingsCsv(findings));
        else output.out(options.explain === true ? findingsExplained(findings, output.colors) : findingsTable(findings, output.colors, output.width));
      });
    });

  program
    .command('scorecard')
    .description('Counts by verdict, the incidents behind each, the gaps, and cooperation commitments kept or not.')
    .option('--agreement <id>', 'one agreement (default: all)')
    .option('--as-of <date>', 'judge cooperation commitments as of this date (default: today)')
    .option('--json', 'print as JSON')
    .addHelpText('after', '\nExamples:\n  pactwatch scorecard --agreement us-cn-2015\n  pactwatch scorecard --as-of 2017-12-31 --json')
    .action(async (options: { agreement?: string; asOf?: string; json?: boolean }, command: Command) => {
      const asOf = parseAsOf(options.asOf);
      await withPactwatch(command, async (app, output) => {
        const cards = await app.query.scorecards({ ...(options.agreement === undefined ? {} : { agreementId: options.agreement }), ...(asOf === undefined ? {} : { asOf }) });
        output.out(options.json === true ? json(cards.map((card) => toScorecardContract(card, true))) : scorecardsText(cards, output.colors));
      });
    });

  program
    .command('groups')
    .description('Multilateral groups (G20, SCO, UN…) and their members as of a date.')
    .argument('[id]', 'one group')
    .option('--as-of <date>', 'members on this date (default: today)')
    .option('--json', 'print as JSON')
    .addHelpText('after', '\nExamples:\n  pactwatch groups\n  pactwatch groups sco --as-of 2015-05-08')
    .action(async (id: string | undefined, options: { asOf?: string; json?: boolean }, command: Command) => {
      const asOf = parseAsOf(options.asOf) ?? new Date();
      await withPactwatch(command, async (app, output) => {
        const groups = (await app.query.groups()).filter((g) => id === undefined || g.id === id);
        if (id !== undefined && groups.length === 0) throw new PactwatchError('NOT_FOUND', `no group "${id}"; list them with \`pactwatch groups\``);
        const rows = groups.map((g) => ({ id: g.id, name: g.name, asOf: asOf.toISOString().slice(0, 10), members: groupMembersAsOf(g, asOf.getTime()) ?? null }));
        if (options.json === true) output.out(json(rows));
        else
          output.out(
            rows
              .map((r) => `${r.id} — ${r.name}, as of ${r.asOf}: ${r.members === null ? 'membership not recorded this early' : `${r.members.length} member(s): ${r.members.map((m) => (m.status === 'member' ? m.state : `${m.state}?`)).join(' ')}`}`)
              .join('\n'),
          );
      });
    });
}
