import { ACTIVITY_TYPES, GRANULARITIES, TARGET_CATEGORIES, VERDICTS } from '@pactwatch/domain';
import { z } from 'zod';
import { dyadSchema, edtfQuery, errorResponses } from '../contracts/common.js';
import { trendReportResponse, verdictCounts } from '../contracts/records.js';
import { API_PREFIX, type Api, type RouteDeps } from '../route-deps.js';

/** A comma-separated query value, each item checked (the CLI's `--sponsor CN,RU` style). */
function listOf<T extends string>(name: string, allowed: (v: string) => v is T, normalise: (v: string) => string = (v) => v) {
  return z
    .string()
    .max(1000)
    .transform((s, ctx) => {
      const items = s.split(',').map((v) => normalise(v.trim())).filter((v) => v !== '');
      const bad = items.filter((v) => !allowed(v));
      if (bad.length > 0) ctx.addIssue({ code: 'custom', message: `${name}: unknown ${bad.join(', ')}` });
      return items.filter(allowed);
    })
    .optional();
}

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (v: string): v is T =>
    (values as readonly string[]).includes(v);

const stateList = (name: string) => listOf(name, (v): v is string => /^[A-Z]{2}$/.test(v), (v) => v.toUpperCase()).describe('ISO 3166-1 alpha-2 codes, comma-separated');

const seriesQuery = z
  .object({
    sponsor: stateList('sponsor'),
    victim: stateList('victim'),
    activity: listOf('activity', oneOf(ACTIVITY_TYPES.ids)).describe('Activity types, comma-separated'),
    target: listOf('target', oneOf(TARGET_CATEGORIES.ids)).describe('Target categories, comma-separated'),
    minConfidence: z.coerce.number().int().min(0).max(100).optional(),
    agreement: z.string().max(200).optional().describe('Only incidents with a finding for this agreement (see verdict, inScope)'),
    verdict: listOf('verdict', oneOf(VERDICTS)).describe('With agreement: only these verdicts, comma-separated'),
    inScope: z.enum(['true', 'false']).optional().describe('With agreement: only incidents within its scope whatever their date'),
    from: edtfQuery.describe('First period (EDTF or ISO date)'),
    to: edtfQuery.describe('Last period (EDTF or ISO date)'),
    by: z.enum(GRANULARITIES).default('month'),
    dateBy: z.enum(['start', 'disclosure']).default('start'),
    uncertain: z.enum(['spread', 'exclude']).default('spread').describe('Spread incidents whose date spans several periods, or leave them out'),
    coverageFrom: edtfQuery.optional().describe('The data has nothing before this date (earlier periods: count null)'),
    coverageTo: edtfQuery.optional().describe('The data has nothing after this date'),
  })
  .strict();

const countSeries = z
  .object({
    granularity: z.enum(GRANULARITIES),
    periods: z.array(z.object({ label: z.string(), start: z.number(), end: z.number(), count: z.number().nullable().describe('Null outside the coverage (no data, not zero)'), exposure: z.number() })),
    items: z.number().int(),
    exact: z.number().int(),
    spread: z.number().int(),
    excluded: z.object({ uncertain: z.number().int(), unbounded: z.number().int(), undated: z.number().int(), outsideWindow: z.number().int() }),
    weightOutside: z.number(),
    total: z.number(),
  })
  .meta({ id: 'CountSeries' });

const dyadRange = z.object({ from: edtfQuery.optional(), to: edtfQuery.optional() }).strict();

const dyadSummary = z.object({
  sponsor: z.string(),
  victim: z.string(),
  incidents: z.number().int(),
  breach: z.number().int().describe('Incidents with at least one computed breach finding for this pair'),
  possibleBreach: z.number().int().describe('Incidents with at least one computed possible-breach finding for this pair'),
});

const dyadDetail = dyadSummary
  .extend({
    perYear: countSeries.nullable().describe('Incidents per year in this direction; null when there are none'),
    verdicts: verdictCounts.describe('Findings by computed verdict, as GET /findings?dyad= lists them'),
    agreements: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        signed: z.string(),
        inForce: z.string().nullable(),
        trend: z.object({
          source: z.enum(['cache', 'computed']),
          computedAt: z.string(),
          report: trendReportResponse.nullable(),
          error: z.object({ code: z.string(), message: z.string() }).nullable(),
        }),
      }),
    ),
  })
  .meta({ id: 'Dyad' });

/** Chart data for the dashboard: count series, and sponsor → victim pairs for the map of arcs. */
export function registerDashboardRoutes(app: Api, { core, respond }: RouteDeps): void {
  app.get(
    `${API_PREFIX}/series`,
    { config: { access: 'viewer', cache: true }, schema: { tags: ['statistics'], summary: 'Incident counts per month, quarter or year for any filter (the CLI\'s `pactwatch series`)', querystring: seriesQuery, response: { 200: countSeries, ...errorResponses } } },
    async (request, reply) =>
      respond(request, reply, async () => {
        const { sponsor, victim, activity, target, agreement, verdict, inScope, ...rest } = request.query;
        return core.trends.series({
          ...rest,
          ...(sponsor === undefined ? {} : { sponsors: sponsor }),
          ...(victim === undefined ? {} : { victims: victim }),
          ...(activity === undefined ? {} : { activities: activity }),
          ...(target === undefined ? {} : { targets: target }),
          ...(agreement === undefined ? {} : { agreementId: agreement }),
          ...(verdict === undefined ? {} : { verdicts: verdict }),
          ...(inScope === undefined ? {} : { inScope: inScope === 'true' }),
        });
      }),
  );

  app.get(
    `${API_PREFIX}/dyads`,
    {
      config: { access: 'viewer', cache: true },
      schema: { tags: ['statistics'], summary: 'Every sponsor → victim pair with incident, breach and possible-breach counts (for a map of arcs)', querystring: dyadRange, response: { 200: z.object({ items: z.array(dyadSummary) }).meta({ id: 'DyadList' }), ...errorResponses } },
    },
    async (request, reply) => respond(request, reply, async () => ({ items: await core.dyads.list(request.query) })),
  );

  app.get(
    `${API_PREFIX}/dyads/:dyad`,
    {
      config: { access: 'viewer', cache: true },
      schema: {
        tags: ['statistics'],
        summary: 'One sponsor → victim pair (e.g. CN-US): incidents per year, verdict counts, and the agreements between the two states with their trends',
        params: z.object({ dyad: dyadSchema }).strict(),
        querystring: dyadRange,
        response: { 200: dyadDetail, ...errorResponses },
      },
    },
    async (request, reply) => respond(request, reply, async () => core.dyads.detail(request.params.dyad[0], request.params.dyad[1], request.query)),
  );
}
