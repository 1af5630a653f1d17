import { GRANULARITIES, TREND_METHODS, toScorecardContract, type Agreement } from '@pactwatch/domain';
import { z } from 'zod';
import { cursorSchema, edtfQuery, errorResponses, idParamsSchema, limitSchema, pageSchema, stateCodeQuery, writeErrorResponses } from '../contracts/common.js';
import { agreementBody, agreementResponse, scorecardResponse, trendReportResponse } from '../contracts/records.js';
import { editContext } from '../http/edit-context.js';
import { RECORD_ORIGIN_HEADER, recordEtag, recordOriginLabel, sendJson } from '../http/etag.js';
import { pageInMemory } from '../http/memory-page.js';
import { API_PREFIX, type Api, type RouteDeps } from '../route-deps.js';

const listQuery = z
  .object({
    party: stateCodeQuery.optional().describe('A party state, directly or through a group'),
    from: edtfQuery.optional(),
    to: edtfQuery.optional(),
    activity: z.string().max(100).optional().describe('Agreements with a commitment covering this activity type'),
    q: z.string().max(200).optional().describe('Text in the id, title, short title or summary (case-insensitive)'),
    sort: z.enum(['id', '-id', 'signed', '-signed', 'title', '-title']).default('signed'),
    limit: limitSchema,
    cursor: cursorSchema,
  })
  .strict();

const scorecardQuery = z
  .object({ incidents: z.enum(['true', 'false']).optional().describe('Also list the incident ids behind each count (large for big agreements)') })
  .strict();

const trendQuery = z
  .object({
    from: edtfQuery.optional(),
    to: edtfQuery.optional(),
    by: z.enum(GRANULARITIES).optional(),
    methods: z
      .string()
      .optional()
      .transform((s, ctx) => {
        const methods = (s ?? TREND_METHODS.join(',')).split(',').map((m) => m.trim());
        const bad = methods.filter((m) => !(TREND_METHODS as readonly string[]).includes(m));
        if (bad.length > 0) ctx.addIssue({ code: 'custom', message: `unknown method ${bad.join(', ')}; use ${TREND_METHODS.join(', ')}` });
        return methods as Array<(typeof TREND_METHODS)[number]>;
      })
      .describe(`Comma-separated: ${TREND_METHODS.join(', ')} (default all)`),
    family: z.enum(['poisson', 'quasipoisson', 'negbin']).optional(),
    slopeChange: z.enum(['true', 'false']).optional(),
    dateBy: z.enum(['start', 'disclosure']).optional(),
    uncertain: z.enum(['spread', 'exclude']).optional(),
    minConfidence: z.coerce.number().int().min(0).max(100).optional(),
  })
  .strict();

/** The API contract of an agreement: the domain object with its commitments' full ids. */
function agreementContract(agreement: Agreement): Omit<Agreement, 'commitments'> & { commitments: Agreement['commitments'][number][] } {
  return { ...agreement, commitments: [...agreement.commitments] };
}

/** Agreements with their commitments; admins write them, everyone reads them and their scorecards. */
export function registerAgreementRoutes(app: Api, { core, respond }: RouteDeps): void {
  app.get(
    `${API_PREFIX}/agreements`,
    { config: { access: 'viewer', cache: true }, schema: { tags: ['agreements'], summary: 'Agreements with their commitments', querystring: listQuery, response: { 200: pageSchema(agreementResponse, 'AgreementPage'), ...errorResponses } } },
    async (request, reply) =>
      respond(request, reply, async () => {
        const { party, from, to, activity, q, sort, cursor, limit } = request.query;
        const agreements = await core.query.agreements({ party, from, to, activity, q });
        return pageInMemory(agreements, sort, (a, field) => (field === 'title' ? a.title : field === 'signed' ? a.signed : a.id), cursor, limit);
      }),
  );

  app.get(
    `${API_PREFIX}/agreements/:id`,
    { config: { access: 'viewer' }, schema: { tags: ['agreements'], summary: 'One agreement; its ETag is the version to send back in If-Match', params: idParamsSchema, response: { 200: agreementResponse, ...errorResponses } } },
    async (request, reply) => {
      const { agreement, version, origin } = await core.agreementEdits.get(request.params.id);
      void reply.header(RECORD_ORIGIN_HEADER, recordOriginLabel(origin));
      return sendJson(request, reply, JSON.stringify(agreement), recordEtag(version));
    },
  );

  app.post(
    `${API_PREFIX}/agreements`,
    { config: { access: 'admin' }, schema: { tags: ['agreements'], summary: 'Add an agreement with its commitments (admin)', body: agreementBody, response: { 201: agreementResponse, ...writeErrorResponses } } },
    async (request, reply) => {
      const { agreement, version } = await core.agreementEdits.create(request.body, editContext(request, { ifMatch: false }));
      return reply.code(201).header('etag', recordEtag(version)).header('location', `${API_PREFIX}/agreements/${agreement.id}`).send(agreementContract(agreement));
    },
  );

  app.put(
    `${API_PREFIX}/agreements/:id`,
    {
      config: { access: 'admin' },
      schema: { tags: ['agreements'], summary: 'Replace an agreement (admin; If-Match required; curated and imported agreements are read-only)', params: idParamsSchema, body: agreementBody, response: { 200: agreementResponse, ...writeErrorResponses } },
    },
    async (request, reply) => {
      const { agreement, version } = await core.agreementEdits.update(request.params.id, request.body, editContext(request, { ifMatch: true }));
      return reply.header('etag', recordEtag(version)).send(agreementContract(agreement));
    },
  );

  app.delete(
    `${API_PREFIX}/agreements/:id`,
    { config: { access: 'admin' }, schema: { tags: ['agreements'], summary: 'Delete an agreement (admin; If-Match required)', params: idParamsSchema, response: { 204: z.null(), ...writeErrorResponses } } },
    async (request, reply) => {
      await core.agreementEdits.delete(request.params.id, editContext(request, { ifMatch: true }));
      return reply.code(204).send(null);
    },
  );

  app.get(
    `${API_PREFIX}/agreements/:id/scorecard`,
    {
      config: { access: 'viewer', cache: true },
      schema: { tags: ['findings'], summary: 'The agreement\'s scorecard: incidents by verdict, overrides, commitments, gaps, cooperation (the incident ids too with ?incidents=true)', params: idParamsSchema, querystring: scorecardQuery, response: { 200: scorecardResponse, ...errorResponses } },
    },
    async (request, reply) =>
      respond(request, reply, async () => {
        const [scorecard] = await core.query.scorecards({ agreementId: request.params.id });
        return scorecard === undefined ? undefined : toScorecardContract(scorecard, request.query.incidents === 'true');
      }),
  );

  app.get(
    `${API_PREFIX}/agreements/:id/trend`,
    {
      config: { access: 'viewer', cache: true },
      schema: {
        tags: ['statistics'],
        summary: 'Did behaviour change after the agreement? Count series, rate ratio, interrupted time series, changepoints, plain reading',
        params: idParamsSchema,
        querystring: trendQuery,
        response: { 200: trendReportResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      respond(request, reply, async () => {
        const q = request.query;
        return core.trends.trend({
          agreementId: request.params.id,
          methods: q.methods,
          ...(q.from === undefined ? {} : { from: q.from }),
          ...(q.to === undefined ? {} : { to: q.to }),
          ...(q.by === undefined ? {} : { by: q.by }),
          ...(q.family === undefined ? {} : { family: q.family }),
          ...(q.slopeChange === undefined ? {} : { slopeChange: q.slopeChange === 'true' }),
          ...(q.dateBy === undefined ? {} : { dateBy: q.dateBy }),
          ...(q.uncertain === undefined ? {} : { uncertain: q.uncertain }),
          ...(q.minConfidence === undefined ? {} : { minConfidence: q.minConfidence }),
        });
      }),
  );

  app.get(
    `${API_PREFIX}/scorecards`,
    { config: { access: 'viewer', cache: true }, schema: { tags: ['findings'], summary: 'Every agreement\'s scorecard (the incident ids too with ?incidents=true)', querystring: scorecardQuery.extend({ limit: limitSchema, cursor: cursorSchema }).strict(), response: { 200: pageSchema(scorecardResponse, 'ScorecardPage'), ...errorResponses } } },
    async (request, reply) =>
      respond(request, reply, async () => {
        const scorecards = (await core.query.scorecards()).map((s) => ({ ...toScorecardContract(s, request.query.incidents === 'true'), id: s.agreementId }));
        const page = pageInMemory(scorecards, 'id', (s) => s.id, request.query.cursor, request.query.limit);
        return { items: page.items.map(({ id: _id, ...s }) => s), nextCursor: page.nextCursor };
      }),
  );
}
