import { ACTIVITY_TYPES, findStateCode, GRANULARITIES, PactwatchError, TARGET_CATEGORIES, TREND_METHODS, VERDICTS, type TrendMethod } from '@pactwatch/domain';
import type { Command } from 'commander';
import { json } from '../presenters/output.js';
import { seriesAccounting, seriesChart, seriesCsv, trendText } from '../presenters/trend-presenter.js';
import { choice, withPactwatch } from '../runtime.js';

const list = (value: string | undefined): string[] | undefined => (value === undefined ? undefined : value.split(',').map((v) => v.trim()).filter((v) => v !== ''));

function states(name: string, value: string | undefined): string[] | undefined {
  return list(value)?.map((v) => {
    const code = findStateCode(v);
    if (code === undefined) throw new PactwatchError('USAGE', `${name}: "${v}" is not a known country name or ISO code`);
    return code;
  });
}

function each<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T[] | undefined {
  return list(value)?.map((v) => choice(name, v, allowed) as T);
}

function whole(name: string, value: string | undefined, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new PactwatchError('USAGE', `${name} must be a whole number from 0 to ${max}, got "${value}"`);
  return n;
}

interface SeriesOptions {
  sponsor?: string;
  victim?: string;
  activity?: string;
  target?: string;
  minConfidence?: string;
  agreement?: string;
  verdict?: string;
  inScope?: boolean;
  by: string;
  from: string;
  to: string;
  dateBy: string;
  excludeUncertain?: boolean;
  coverageFrom?: string;
  coverageTo?: string;
  format: string;
  json?: boolean;
}

export function registerTrendCommands(program: Command): void {
  program
    .command('series')
    .description('Count incidents per month, quarter or year for any filter (uncertain dates spread over the periods they may fall in).')
    .option('--sponsor <states>', 'sponsor state(s), comma-separated')
    .option('--victim <states>', 'victim state(s), comma-separated')
    .option('--activity <types>', `activity type(s): ${ACTIVITY_TYPES.ids.join(', ')}`)
    .option('--target <categories>', `target categories: ${TARGET_CATEGORIES.ids.join(', ')}`)
    .option('--min-confidence <n>', 'minimum attribution confidence (0-100)')
    .option('--agreement <id>', 'only incidents with a finding for this agreement (see --verdict, --in-scope)')
    .option('--verdict <verdicts>', `with --agreement: only these verdicts (${VERDICTS.join(', ')})`)
    .option('--in-scope', 'with --agreement: only incidents within its scope whatever their date')
    .requiredOption('--from <date>', 'first period (EDTF or ISO date)')
    .requiredOption('--to <date>', 'last period (EDTF or ISO date)')
    .option('--by <period>', 'month, quarter or year', 'month')
    .option('--date-by <field>', 'start or disclosure', 'start')
    .option('--exclude-uncertain', 'leave out incidents whose date spans several periods instead of spreading them')
    .option('--coverage-from <date>', 'the data has nothing before this date (periods before it are "no data", not zero)')
    .option('--coverage-to <date>', 'the data has nothing after this date')
    .option('--format <format>', 'table, csv or json', 'table')
    .option('--json', 'same as --format json')
    .addHelpText('after', '\nExamples:\n  pactwatch series --sponsor CN --victim US --from 2012 --to 2019 --by quarter\n  pactwatch series --agreement us-cn-2015 --in-scope --from 2012 --to 2018 --format csv > series.csv\n  pactwatch stats its --series series.csv --break 45')
    .action(async (options: SeriesOptions, command: Command) => {
      const format = options.json === true ? 'json' : choice('--format', options.format, ['table', 'csv', 'json'] as const);
      const by = choice('--by', options.by, GRANULARITIES) ?? 'month';
      const dateBy = choice('--date-by', options.dateBy, ['start', 'disclosure'] as const) ?? 'start';
      const request = {
        by,
        from: options.from,
        to: options.to,
        dateBy,
        uncertain: options.excludeUncertain === true ? ('exclude' as const) : ('spread' as const),
        sponsors: states('--sponsor', options.sponsor),
        victims: states('--victim', options.victim),
        activities: each('--activity', options.activity, ACTIVITY_TYPES.ids),
        targets: each('--target', options.target, TARGET_CATEGORIES.ids),
        minConfidence: whole('--min-confidence', options.minConfidence, 100),
        agreementId: options.agreement,
        verdicts: each('--verdict', options.verdict, VERDICTS),
        inScope: options.inScope,
        coverageFrom: options.coverageFrom,
        coverageTo: options.coverageTo,
      };
      await withPactwatch(command, async (app, output) => {
        const series = await app.trends.series(request);
        if (format === 'json') output.out(json(series));
        else if (format === 'csv') process.stdout.write(seriesCsv(series));
        else output.out(`${seriesChart(series, undefined, output.width, output.colors)}\n${seriesAccounting(series)}`);
      });
    });

  program
    .command('trend')
    .description('Did behaviour change after an agreement? Its in-scope incidents over time, with rate ratio, interrupted time series and changepoints.')
    .requiredOption('--agreement <id>', 'the agreement')
    .option('--from <date>', 'series start (default: 3 years before it took effect)')
    .option('--to <date>', 'series end (default: 3 years after; never past today)')
    .option('--by <period>', 'month, quarter or year', 'month')
    .option('--method <method>', 'rate-ratio, its, changepoints or all', 'all')
    .option('--family <family>', 'ITS family: poisson, quasipoisson or negbin', 'quasipoisson')
    .option('--slope', 'ITS with a slope change as well as a level change')
    .option('--date-by <field>', 'start or disclosure', 'start')
    .option('--exclude-uncertain', 'leave out incidents whose date spans several periods instead of spreading them')
    .option('--min-confidence <n>', 'minimum attribution confidence (0-100)')
    .option('--json', 'print the series and every result as JSON')
    .addHelpText('after', '\nExamples:\n  pactwatch trend --agreement us-cn-2015\n  pactwatch trend --agreement ru-cn-2015 --by quarter --method its --family negbin --json')
    .action(async (options: { agreement: string; from?: string; to?: string; by: string; method: string; family: string; slope?: boolean; dateBy: string; excludeUncertain?: boolean; minConfidence?: string; json?: boolean }, command: Command) => {
      const method = choice('--method', options.method, [...TREND_METHODS, 'all'] as const);
      const methods: TrendMethod[] = method === 'all' || method === undefined ? [...TREND_METHODS] : [method];
      const request = {
        agreementId: options.agreement,
        ...(options.from === undefined ? {} : { from: options.from }),
        ...(options.to === undefined ? {} : { to: options.to }),
        by: choice('--by', options.by, GRANULARITIES) ?? 'month',
        methods,
        family: choice('--family', options.family, ['poisson', 'quasipoisson', 'negbin'] as const) ?? 'quasipoisson',
        slopeChange: options.slope === true,
        dateBy: choice('--date-by', options.dateBy, ['start', 'disclosure'] as const) ?? 'start',
        uncertain: options.excludeUncertain === true ? ('exclude' as const) : ('spread' as const),
        ...(options.minConfidence === undefined ? {} : { minConfidence: whole('--min-confidence', options.minConfidence, 100) }),
      };
      await withPactwatch(command, async (app, output) => {
        const report = await app.trends.trend(request);
        output.out(options.json === true ? json(report) : trendText(report, output.colors, output.width));
      });
    });
}
