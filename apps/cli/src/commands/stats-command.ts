/**
 * `pactwatch stats`: the statistical methods of packages/domain/src/statistics on numbers given
 * on the command line or a count series in a CSV file. No database is opened.
 */
import {
  bayesianOnlineChangepoints,
  detectChangepoints,
  exactPoissonRateRatio,
  fitInterruptedTimeSeries,
  PactwatchError,
  type ChangepointMethod,
  type ItsFamily,
  type PenaltyType,
} from '@pactwatch/domain';
import type { Command } from 'commander';
import { createOutput, json, type Output } from '../presenters/output.js';
import {
  bocpdJson,
  bocpdText,
  itsJson,
  itsText,
  offlineChangepointJson,
  offlineChangepointText,
  rateRatioJson,
  rateRatioText,
  type ItsContext,
  type RateSide,
  type SeriesJson,
} from '../presenters/stats-presenter.js';
import { choice, type GlobalOptions } from '../runtime.js';
import { readCountSeries, MAX_SERIES_FILE_BYTES, type CountSeries } from '../series-csv.js';

// ---------------------------------------------------------------------------------------------
// Option parsing: every bad value is a USAGE error (exit 2) naming the option.

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const WHOLE = /^\d+$/;

function usage(message: string): PactwatchError {
  return new PactwatchError('USAGE', message);
}

function numberOption(name: string, raw: string | undefined, what: string, valid: (value: number) => boolean): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw.trim());
  if (!DECIMAL.test(raw.trim()) || !Number.isFinite(value) || !valid(value)) throw usage(`${name} must be ${what}, got "${raw}"`);
  return value;
}

function wholeOption(name: string, raw: string | undefined, min: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw.trim());
  if (!WHOLE.test(raw.trim()) || !Number.isSafeInteger(value) || value < min) throw usage(`${name} must be a whole number of at least ${min}, got "${raw}"`);
  return value;
}

function confLevelOption(raw: string | undefined): number {
  return numberOption('--conf-level', raw, 'a number strictly between 0 and 1, such as 0.95', (v) => v > 0 && v < 1) ?? 0.95;
}

/** `COUNT:EXPOSURE`, e.g. `12:24` for 12 events over 24 months. */
function rateSide(name: string, raw: string): RateSide {
  const match = /^\s*(\d+)\s*:\s*([^:]+?)\s*$/.exec(raw);
  const count = match?.[1] === undefined ? Number.NaN : Number(match[1]);
  const exposureText = match?.[2] ?? '';
  const exposure = Number(exposureText);
  if (match === null || !Number.isSafeInteger(count)) {
    throw usage(`${name} must be COUNT:EXPOSURE with a whole number of events and a positive exposure, such as 12:24, got "${raw}"`);
  }
  if (!DECIMAL.test(exposureText) || !Number.isFinite(exposure) || exposure <= 0) {
    throw usage(`${name}: the exposure after ":" must be a positive number, got "${exposureText}"`);
  }
  return { count, exposure };
}

/** `SHAPE:RATE` of the Gamma prior. */
function priorOption(raw: string | undefined): { shape: number; rate: number } {
  if (raw === undefined) return { shape: 1, rate: 1 };
  const parts = raw.split(':');
  const [shape, rate] = parts.map((p) => Number(p.trim()));
  if (parts.length !== 2 || !parts.every((p) => DECIMAL.test(p.trim())) || !(shape !== undefined && shape > 0 && Number.isFinite(shape)) || !(rate !== undefined && rate > 0 && Number.isFinite(rate))) {
    throw usage(`--prior must be SHAPE:RATE with two positive numbers, such as 1:1, got "${raw}"`);
  }
  return { shape, rate };
}

function penaltyOption(raw: string | undefined): { penalty: PenaltyType; penaltyValue?: number } {
  if (raw === undefined) return { penalty: 'MBIC' };
  const named: Readonly<Record<string, PenaltyType>> = { mbic: 'MBIC', bic: 'BIC', sic: 'SIC', aic: 'AIC', 'hannan-quinn': 'Hannan-Quinn', hq: 'Hannan-Quinn', none: 'None' };
  const found = named[raw.trim().toLowerCase()];
  if (found !== undefined) return { penalty: found };
  const value = numberOption('--penalty', raw, 'mbic, bic, aic, hannan-quinn, none or a non-negative number (a manual penalty)', (v) => v >= 0);
  return { penalty: 'Manual', penaltyValue: value ?? 0 };
}

function outputFor(command: Command): Output {
  return createOutput({ color: command.optsWithGlobals<GlobalOptions>().color !== false });
}

function seriesJson(series: CountSeries): SeriesJson {
  return { file: series.file, observations: series.counts.length, countColumn: series.countColumn, offsetColumn: series.offsetColumn };
}

// ---------------------------------------------------------------------------------------------
// Help

const RATE_RATIO_HELP = `
The ratio is after / before: (after count / after exposure) / (before count / before exposure).
Exposure is whatever the counts are per: months, days, monitored networks. The test conditions on
the total count, as R's poisson.test(c(after, before), c(exposureAfter, exposureBefore)): the
interval is the exact (Clopper-Pearson) one, and is unbounded above ("∞", null in JSON) when there
were no events before.

Two-sided p-value (--two-sided-rule):
  minlike  (default, R's rule) the probability of every after-count no more likely than the one
           observed, under the null ratio
  central  twice the smaller one-sided tail (capped at 1); always agrees with the interval
One-sided tests (--alternative less|greater) use the single tail; "greater" means the after rate
is higher than the null ratio times the before rate.

Examples:
  pactwatch stats rate-ratio --before 60:12 --after 5:12
      60 incidents in the 12 months before an agreement, 5 in the 12 months after
  pactwatch stats rate-ratio --before 10:20000 --after 2:17877 --conf-level 0.9 --json
  pactwatch stats rate-ratio --before 4:12 --after 12:12 --alternative greater

JSON: { method, ratio: "after/before", before: {count, exposure, rate}, after: {…}, rateRatio,
ci: [lower, upper], confLevel, pValue, alternative, twoSidedRule, nullRatio, expectedCountAfter }.
Unbounded values are null.`;

const SERIES_HELP = `
The series file is CSV (RFC 4180: quoted fields, CRLF or LF, an optional UTF-8 BOM) with a header
row and one row per period, oldest first. The count column (default "count") holds non-negative
whole numbers. At most ${MAX_SERIES_FILE_BYTES / 1024 / 1024} MB. Errors name the file, the row (the header is row 1, as in a
spreadsheet) and the column. Observations are numbered from 1: observation k is data row k, which
is row k + 1 of the file.`;

const ITS_HELP = `
Model:
  log mu_t = log(exposure_t) + intercept + time*t + level*L_t [+ slope*S_t]
             [+ sin1*sin(2 pi m_t/P) + ... + cosK*cos(2 pi K m_t/P)]
  t = 1..n; L_t = 0 before the break, 1 from it; S_t = 0 before the break, then 1, 2, 3, ...
  In R: glm(count ~ offset(log(exposure)) + level + time [+ level:I(time - (INDEX - 1))]
            [+ harmonic(m, K, P)], family = …)
--break INDEX is the number of the first observation AFTER the intervention (1-based, the header
row not counted), as R's smokban is 1 from time INDEX. Each side needs at least one observation.
--offset-column names a column of positive exposures; the model uses log(exposure) as offset.
--seasonal K adds K sine/cosine pairs with period --period (default 12), as tsModel::harmonic;
the cycle position is the observation number unless --season-column gives it (e.g. month 1-12).
Families: quasipoisson (default: Poisson with the dispersion estimated as Pearson chi2 / df;
1 when the counts lie on the fitted curve, exactFit), poisson, negbin (MASS::glm.nb; falls back to Poisson when theta runs to infinity).
${SERIES_HELP}

Examples:
  pactwatch stats its --series incidents.csv --break 37
  pactwatch stats its --series sicily.csv --break 37 --offset-column stdpop --seasonal 2 --period 12 --slope
  pactwatch stats its --series monthly.csv --break 25 --family negbin --json

JSON: { method, series, breakObservation, slopeChange, seasonality, offset, family, fittedFamily,
negbinFellBackToPoisson, confLevel, coefficients: { intercept|time|level|slope|sin1…|cos1…:
{ estimate, se, ci, rr, rrCi } }, deviance, nullDeviance, dfResidual, dfNull, pearsonChi2,
dispersion, exactFit, aic, logLik, theta, thetaSe, iterations, alternations, converged, fitted[],
counterfactual[] }. rr = exp(estimate) with exp(ci), the rate ratio per unit of the term (null for
the intercept). counterfactual = fitted values with level and slope set to 0. aic is null for
quasipoisson.`;

const CHANGEPOINTS_HELP = `
Methods:
  pelt    (default) optimal partitioning with pruning, Poisson cost: R changepoint::cpt.meanvar(
          x, test.stat = "Poisson", method = "PELT", penalty = …, minseglen = …)
  amoc    at most one change (method = "AMOC")
  binseg  binary segmentation with at most --max-changepoints changes (default 5, R's Q)
  bocpd   Bayesian online detection, Poisson counts with a Gamma(--prior SHAPE:RATE, default 1:1)
          prior and constant --hazard (default 0.01): R ocp::onlineCPD; reports the most probable
          changepoint set (ocp's maxCPs); --posterior adds the run-length posterior
Penalties (pelt, amoc, binseg): mbic (default, 3 log n), bic (2 log n), aic (4), hannan-quinn,
none, or a number (a manual penalty per changepoint). --min-seglen defaults to 2, as in R.

Changepoints are reported as R's cpts(): the number of the LAST observation of each segment but
the final one (observations numbered from 1, header not counted). A changepoint at 41 means the
new segment starts at observation 42. Segments list their first and last observation.
${SERIES_HELP}

Examples:
  pactwatch stats changepoints --series coal.csv
  pactwatch stats changepoints --series coal.csv --method pelt --penalty bic --json
  pactwatch stats changepoints --series coal.csv --penalty 20 --min-seglen 3
  pactwatch stats changepoints --series coal.csv --method bocpd --hazard 0.01 --posterior --json

JSON: { method, cost, series, penaltyType, penaltyValue, minSegmentLength, indexing, changepoints,
segments: [{ firstObservation, lastObservation, observations, total, mean }] }; for bocpd:
{ method: "BOCPD", model, series, hazard, prior, indexing, changepoints, segments
[, runLengthPosteriorIndexing, runLengthPosterior] }.`;

// ---------------------------------------------------------------------------------------------

interface RateRatioOptions {
  before: string;
  after: string;
  confLevel?: string;
  alternative?: string;
  twoSidedRule?: string;
  nullRatio?: string;
  json?: boolean;
}

interface ItsOptions {
  series: string;
  break: string;
  slope?: boolean;
  seasonal?: string;
  period?: string;
  seasonColumn?: string;
  family?: string;
  countColumn?: string;
  offsetColumn?: string;
  confLevel?: string;
  fitted?: boolean;
  json?: boolean;
}

interface ChangepointOptions {
  series: string;
  method?: string;
  penalty?: string;
  minSeglen?: string;
  maxChangepoints?: string;
  hazard?: string;
  prior?: string;
  posterior?: boolean;
  countColumn?: string;
  json?: boolean;
}

const FAMILIES = ['quasipoisson', 'poisson', 'negbin'] as const satisfies readonly ItsFamily[];
const METHODS = ['pelt', 'amoc', 'binseg', 'bocpd'] as const;
const OFFLINE_METHOD: Readonly<Record<'pelt' | 'amoc' | 'binseg', ChangepointMethod>> = { pelt: 'PELT', amoc: 'AMOC', binseg: 'BinSeg' };

function runRateRatio(options: RateRatioOptions, command: Command): void {
  const before = rateSide('--before', options.before);
  const after = rateSide('--after', options.after);
  const confLevel = confLevelOption(options.confLevel);
  const alternative = choice('--alternative', options.alternative, ['two-sided', 'less', 'greater'] as const) ?? 'two-sided';
  const twoSidedRule = choice('--two-sided-rule', options.twoSidedRule, ['minlike', 'central'] as const) ?? 'minlike';
  const nullRatio = numberOption('--null-ratio', options.nullRatio, 'a positive number', (v) => v > 0) ?? 1;
  const result = exactPoissonRateRatio(
    { countBefore: before.count, exposureBefore: before.exposure, countAfter: after.count, exposureAfter: after.exposure },
    { confLevel, alternative, twoSidedRule, nullRatio },
  );
  const output = outputFor(command);
  output.out(options.json === true ? json(rateRatioJson(before, after, result)) : rateRatioText(before, after, result, output.colors));
}

function runIts(options: ItsOptions, command: Command): void {
  const breakObservation = wholeOption('--break', options.break, 2);
  const family = choice('--family', options.family, FAMILIES) ?? 'quasipoisson';
  const harmonics = wholeOption('--seasonal', options.seasonal, 1);
  const periodGiven = numberOption('--period', options.period, 'a positive number of periods, such as 12', (v) => v > 0);
  if (harmonics === undefined && periodGiven !== undefined) throw usage('--period needs --seasonal K (the number of sine/cosine pairs)');
  if (harmonics === undefined && options.seasonColumn !== undefined) throw usage('--season-column needs --seasonal K (the number of sine/cosine pairs)');
  const period = periodGiven ?? 12;
  if (harmonics !== undefined && harmonics > period / 2) throw usage(`--seasonal must be at most --period / 2 (${period / 2}), got ${harmonics}`);
  const confLevel = confLevelOption(options.confLevel);
  if (breakObservation === undefined) throw usage('--break is required');

  const series = readCountSeries(options.series, {
    countColumn: options.countColumn ?? 'count',
    ...(options.offsetColumn === undefined ? {} : { offsetColumn: options.offsetColumn }),
    ...(options.seasonColumn === undefined ? {} : { positionColumn: options.seasonColumn }),
  });
  const n = series.counts.length;
  if (n >= 2 && breakObservation > n) {
    throw usage(`--break ${breakObservation} is past the last observation (${options.series} has ${n}); it must be from 2 to ${n}`);
  }
  const fit = fitInterruptedTimeSeries({
    counts: series.counts,
    breakIndex: breakObservation - 1,
    ...(series.exposure === null ? {} : { exposure: series.exposure }),
    family,
    slopeChange: options.slope === true,
    ...(harmonics === undefined ? {} : { seasonality: { period, harmonics, ...(series.positions === null ? {} : { positions: series.positions }) } }),
    confLevel,
  });
  const context: ItsContext = {
    series: seriesJson(series),
    breakObservation,
    slopeChange: options.slope === true,
    seasonality: harmonics === undefined ? null : { harmonics, period, positionColumn: options.seasonColumn ?? null },
  };
  const output = outputFor(command);
  output.out(options.json === true ? json(itsJson(context, fit)) : itsText(context, fit, series.counts, options.fitted === true, output.colors, output.width));
}

function runChangepoints(options: ChangepointOptions, command: Command): void {
  const method = choice('--method', options.method, METHODS) ?? 'pelt';
  const only = (flag: string, given: boolean, allowed: readonly string[]): void => {
    if (given && !allowed.includes(method)) throw usage(`${flag} applies to --method ${allowed.join(' or ')}, not ${method}`);
  };
  only('--penalty', options.penalty !== undefined, ['pelt', 'amoc', 'binseg']);
  only('--min-seglen', options.minSeglen !== undefined, ['pelt', 'amoc', 'binseg']);
  only('--max-changepoints', options.maxChangepoints !== undefined, ['binseg']);
  only('--hazard', options.hazard !== undefined, ['bocpd']);
  only('--prior', options.prior !== undefined, ['bocpd']);
  only('--posterior', options.posterior === true, ['bocpd']);
  const output = outputFor(command);

  if (method === 'bocpd') {
    const hazard = numberOption('--hazard', options.hazard, 'a probability strictly between 0 and 1, such as 0.01', (v) => v > 0 && v < 1) ?? 0.01;
    const prior = priorOption(options.prior);
    const series = readCountSeries(options.series, { countColumn: options.countColumn ?? 'count' });
    const withPosterior = options.posterior === true;
    const result = bayesianOnlineChangepoints(series.counts, { hazard, prior, keepRunLengthPosterior: withPosterior });
    output.out(
      options.json === true
        ? json(bocpdJson(seriesJson(series), result, prior, series.counts, withPosterior))
        : bocpdText(seriesJson(series), result, prior, series.counts, withPosterior, output.colors, output.width),
    );
    return;
  }

  const { penalty, penaltyValue } = penaltyOption(options.penalty);
  const minSegmentLength = wholeOption('--min-seglen', options.minSeglen, 1) ?? 2;
  const maxChangepoints = wholeOption('--max-changepoints', options.maxChangepoints, 1) ?? 5;
  const series = readCountSeries(options.series, { countColumn: options.countColumn ?? 'count' });
  const result = detectChangepoints(series.counts, {
    method: OFFLINE_METHOD[method],
    cost: 'poisson',
    penalty,
    ...(penaltyValue === undefined ? {} : { penaltyValue }),
    minSegmentLength,
    ...(method === 'binseg' ? { maxChangepoints } : {}),
  });
  output.out(
    options.json === true
      ? json(offlineChangepointJson(seriesJson(series), result, method === 'binseg' ? maxChangepoints : null, series.counts))
      : offlineChangepointText(seriesJson(series), result, series.counts, output.colors, output.width),
  );
}

export function registerStatsCommand(program: Command): void {
  const stats = program
    .command('stats')
    .description('Statistics without a database: exact rate ratio of two counts, interrupted time series and changepoints of a count series (CSV).')
    .exitOverride()
    .addHelpText(
      'after',
      '\nExamples:\n  pactwatch stats rate-ratio --before 60:12 --after 5:12\n  pactwatch stats its --series incidents.csv --break 37 --offset-column exposure\n  pactwatch stats changepoints --series incidents.csv --method pelt --json\n\nConventions (docs/STATISTICS.md): ratios are after/before; observations are numbered from 1;\nchangepoints are R cpts(); unbounded limits print as ∞ and are null in JSON.',
    );

  stats
    .command('rate-ratio')
    .description('Exact conditional test and interval for the ratio of two Poisson rates, after / before (R poisson.test).')
    .requiredOption('--before <count:exposure>', 'events and exposure before, e.g. 60:12')
    .requiredOption('--after <count:exposure>', 'events and exposure after, e.g. 5:12')
    .option('--conf-level <level>', 'confidence level of the interval (default 0.95)')
    .option('--alternative <alternative>', 'two-sided (default), less or greater')
    .option('--two-sided-rule <rule>', "two-sided p-value: minlike (default, R's) or central; see below")
    .option('--null-ratio <ratio>', 'rate ratio under the null hypothesis (default 1)')
    .option('--json', 'print as JSON')
    .addHelpText('after', RATE_RATIO_HELP)
    .action((options: RateRatioOptions, command: Command) => runRateRatio(options, command));

  stats
    .command('its')
    .description('Interrupted time series: a segmented Poisson / quasi-Poisson / negative-binomial regression with a level (and slope) change at a break.')
    .requiredOption('--series <file.csv>', 'CSV with a header row and a count column')
    .requiredOption('--break <index>', 'first observation after the intervention, 1-based (the header row not counted)')
    .option('--slope', 'also estimate a change of slope from the break')
    .option('--seasonal <K>', 'add K sine/cosine pairs (harmonic seasonality)')
    .option('--period <P>', 'length of the seasonal cycle in observations (default 12; needs --seasonal)')
    .option('--season-column <name>', 'column with each row\'s position in the cycle, e.g. month 1-12 (default: the observation number)')
    .option('--family <family>', 'quasipoisson (default), poisson or negbin')
    .option('--count-column <name>', 'column of event counts (default "count")')
    .option('--offset-column <name>', 'column of exposures; the model uses log(exposure) as offset')
    .option('--conf-level <level>', 'level of the Wald intervals (default 0.95)')
    .option('--fitted', 'also print the fitted values and the counterfactual (text output)')
    .option('--json', 'print as JSON')
    .addHelpText('after', ITS_HELP)
    .action((options: ItsOptions, command: Command) => runIts(options, command));

  stats
    .command('changepoints')
    .description('Where did the rate of a count series change? PELT / AMOC / BinSeg with a Poisson cost (R changepoint), or Bayesian online detection (R ocp).')
    .requiredOption('--series <file.csv>', 'CSV with a header row and a count column')
    .option('--method <method>', 'pelt (default), amoc, binseg or bocpd')
    .option('--penalty <penalty>', 'mbic (default), bic, aic, hannan-quinn, none or a number')
    .option('--min-seglen <n>', 'minimum segment length (default 2)')
    .option('--max-changepoints <q>', 'binseg: at most this many changepoints (default 5)')
    .option('--hazard <h>', 'bocpd: probability of a change at each step (default 0.01)')
    .option('--prior <shape:rate>', 'bocpd: Gamma prior on the rate (default 1:1)')
    .option('--posterior', 'bocpd: include the run-length posterior')
    .option('--count-column <name>', 'column of event counts (default "count")')
    .option('--json', 'print as JSON')
    .addHelpText('after', CHANGEPOINTS_HELP)
    .action((options: ChangepointOptions, command: Command) => runChangepoints(options, command));
}
