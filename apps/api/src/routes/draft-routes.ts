import { DRAFT_ORIGIN_PATTERN, DRAFT_STATES } from '@pactwatch/backend';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { cursorSchema, errorResponses, idParamsSchema, limitSchema, pageSchema, writeErrorResponses } from '../contracts/common.js';
import { incidentBody, incidentResponse } from '../contracts/records.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { editContext } from '../http/edit-context.js';
import { recordEtag } from '../http/etag.js';
import { API_PREFIX, type Api, type RouteDeps } from '../route-deps.js';

const originSchema = z.string().max(210).regex(DRAFT_ORIGIN_PATTERN, 'hand-entered, import:<dataset> or feed:<id>');

const draftResponse = z
  .object({
    id: z.string(),
    state: z.enum(DRAFT_STATES),
    origin: z.string().describe('hand-entered, import:<dataset> or feed:<id>'),
    confidence: z.number().int().nullable().describe('The proposer\'s confidence in the record (0–100)'),
    notes: z.string().nullable(),
    record: incidentResponse.describe('The proposed incident (always a complete, valid incident record)'),
    reason: z.string().nullable().describe('Why it was rejected'),
    incidentId: z.string().nullable().describe('The incident it became (accepted) or was merged into (merged)'),
    createdBy: z.string(),
    createdAt: z.string(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
  })
  .meta({ id: 'Draft' });

const draftBody = z
  .object({
    record: incidentBody,
    origin: originSchema.optional().describe('Default hand-entered'),
    confidence: z.number().int().min(0).max(100).optional(),
    notes: z.string().max(4000).optional(),
  })
  .strict()
  .meta({ id: 'DraftRequest' });

const outcomeResponse = z.object({ draft: draftResponse, incident: incidentResponse }).meta({ id: 'DraftOutcome' });

const SORT = 'recent';

/** If-Match is optional on a merge (it only appends); one that is sent must match. */
function optionalIfMatch(request: FastifyRequest): ReturnType<typeof editContext> {
  return editContext(request, { ifMatch: request.headers['if-match'] !== undefined });
}

/** The review queue: proposed incidents an analyst accepts, merges into an incident, or rejects. Viewers do not see it. */
export function registerDraftRoutes(app: Api, { core, respond }: RouteDeps): void {
  app.get(
    `${API_PREFIX}/drafts`,
    {
      config: { access: 'analyst', cache: true },
      schema: {
        tags: ['drafts'],
        summary: 'The review queue, newest first; filter by state and origin (analyst)',
        querystring: z.object({ state: z.enum(DRAFT_STATES).optional(), origin: originSchema.optional(), limit: limitSchema, cursor: cursorSchema }).strict(),
        response: { 200: pageSchema(draftResponse, 'DraftPage'), ...errorResponses },
      },
    },
    async (request, reply) =>
      respond(request, reply, async () => {
        const { state, origin, limit, cursor } = request.query;
        const after = decodeCursor(cursor, SORT, ['number']) as [number] | undefined;
        const page = await core.drafts.list({ state, origin, after: after?.[0], limit });
        return { items: page.items, nextCursor: page.next === undefined ? null : encodeCursor(SORT, page.next) };
      }),
  );

  app.get(
    `${API_PREFIX}/drafts/:id`,
    { config: { access: 'analyst' }, schema: { tags: ['drafts'], summary: 'One draft with its decision (analyst)', params: idParamsSchema, response: { 200: draftResponse, ...errorResponses } } },
    async (request, reply) => respond(request, reply, () => core.drafts.get(request.params.id)),
  );

  app.post(
    `${API_PREFIX}/drafts`,
    { config: { access: 'analyst' }, schema: { tags: ['drafts'], summary: 'Propose an incident for review (analyst); the record must be a complete incident', body: draftBody, response: { 201: draftResponse, ...writeErrorResponses } } },
    async (request, reply) => {
      const draft = await core.drafts.create(request.body, editContext(request, { ifMatch: false }));
      return reply.code(201).header('location', `${API_PREFIX}/drafts/${draft.id}`).send(draft);
    },
  );

  app.post(
    `${API_PREFIX}/drafts/:id/accept`,
    {
      config: { access: 'analyst' },
      schema: { tags: ['drafts'], summary: 'Accept a pending draft as a new incident, evaluated at once (analyst; 409 if decided or the id is taken)', params: idParamsSchema, response: { 201: outcomeResponse, ...writeErrorResponses } },
    },
    async (request, reply) => {
      const { draft, incident } = await core.drafts.accept(request.params.id, editContext(request, { ifMatch: false }));
      return reply.code(201).header('etag', recordEtag(incident.version)).header('location', `${API_PREFIX}/incidents/${incident.incident.id}`).send({ draft, incident: incident.incident });
    },
  );

  app.post(
    `${API_PREFIX}/drafts/:id/merge`,
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['drafts'],
        summary: 'Merge a pending draft\'s attributions and sources into an incident created here (analyst; curated and imported incidents are read-only: 409; optional If-Match: the incident\'s ETag)',
        params: idParamsSchema,
        body: z.object({ incidentId: z.string().min(1).max(200) }).strict().meta({ id: 'DraftMergeRequest' }),
        response: { 200: outcomeResponse, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const { draft, incident } = await core.drafts.merge(request.params.id, request.body.incidentId, optionalIfMatch(request));
      return reply.header('etag', recordEtag(incident.version)).send({ draft, incident: incident.incident });
    },
  );

  app.post(
    `${API_PREFIX}/drafts/:id/reject`,
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['drafts'],
        summary: 'Reject a pending draft with a reason (analyst)',
        params: idParamsSchema,
        body: z.object({ reason: z.string().trim().min(1).max(4000) }).strict().meta({ id: 'DraftRejectRequest' }),
        response: { 200: draftResponse, ...writeErrorResponses },
      },
    },
    async (request, reply) => reply.send(await core.drafts.reject(request.params.id, request.body.reason, editContext(request, { ifMatch: false }))),
  );
}
