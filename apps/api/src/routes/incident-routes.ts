import { z } from 'zod';
import { INCIDENT_SORTS } from '@pactwatch/backend';
import { cursorSchema, errorResponses, idParamsSchema, limitSchema, pageSchema, writeErrorResponses } from '../contracts/common.js';
import { incidentFilterFields } from '../contracts/filters.js';
import { attributionBody, incidentBody, incidentResponse, sourceBody } from '../contracts/records.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { editContext } from '../http/edit-context.js';
import { RECORD_ORIGIN_HEADER, recordEtag, recordOriginLabel, sendJson } from '../http/etag.js';
import { API_PREFIX, type Api, type RouteDeps } from '../route-deps.js';

const listQuery = z
  .object({
    ...incidentFilterFields,
    sort: z.enum(INCIDENT_SORTS).default('start'),
    limit: limitSchema,
    cursor: cursorSchema,
  })
  .strict();

/** The cursor's key shape for each sort: the sort column (if any), then the id. */
function cursorShape(sort: string): Array<'string' | 'number'> {
  return sort.endsWith('start') ? ['number', 'string'] : sort.endsWith('title') ? ['string', 'string'] : ['string'];
}

/** Incidents with attributions, victims and sources; analysts write them, each change audited and re-evaluated. */
export function registerIncidentRoutes(app: Api, { core, respond }: RouteDeps): void {
  app.get(
    `${API_PREFIX}/incidents`,
    { config: { access: 'viewer', cache: true }, schema: { tags: ['incidents'], summary: 'Incidents, filtered and in keyset pages', querystring: listQuery, response: { 200: pageSchema(incidentResponse, 'IncidentPage'), ...errorResponses } } },
    async (request, reply) =>
      respond(request, reply, async () => {
        const { sort, cursor, limit, ...filter } = request.query;
        const after = decodeCursor(cursor, sort, cursorShape(sort));
        const page = await core.browse.incidents(filter, sort, after, limit);
        return { items: page.items, nextCursor: page.next === undefined ? null : encodeCursor(sort, page.next) };
      }),
  );

  app.get(
    `${API_PREFIX}/incidents/:id`,
    { config: { access: 'viewer' }, schema: { tags: ['incidents'], summary: 'One incident; its ETag is the version to send back in If-Match', params: idParamsSchema, response: { 200: incidentResponse, ...errorResponses } } },
    async (request, reply) => {
      const { incident, version, origin } = await core.incidentEdits.get(request.params.id);
      void reply.header(RECORD_ORIGIN_HEADER, recordOriginLabel(origin));
      return sendJson(request, reply, JSON.stringify(incident), recordEtag(version));
    },
  );

  app.post(
    `${API_PREFIX}/incidents`,
    { config: { access: 'analyst' }, schema: { tags: ['incidents'], summary: 'Add an incident (analyst)', body: incidentBody, response: { 201: incidentResponse, ...writeErrorResponses } } },
    async (request, reply) => {
      const { incident, version } = await core.incidentEdits.create(request.body, editContext(request, { ifMatch: false }));
      return reply.code(201).header('etag', recordEtag(version)).header('location', `${API_PREFIX}/incidents/${incident.id}`).send(incident);
    },
  );

  app.put(
    `${API_PREFIX}/incidents/:id`,
    {
      config: { access: 'analyst' },
      schema: { tags: ['incidents'], summary: 'Replace an incident (analyst; If-Match required; curated and imported incidents are read-only)', params: idParamsSchema, body: incidentBody, response: { 200: incidentResponse, ...writeErrorResponses } },
    },
    async (request, reply) => {
      const { incident, version } = await core.incidentEdits.update(request.params.id, request.body, editContext(request, { ifMatch: true }));
      return reply.header('etag', recordEtag(version)).send(incident);
    },
  );

  app.delete(
    `${API_PREFIX}/incidents/:id`,
    { config: { access: 'analyst' }, schema: { tags: ['incidents'], summary: 'Delete an incident (analyst; If-Match required)', params: idParamsSchema, response: { 204: z.null(), ...writeErrorResponses } } },
    async (request, reply) => {
      await core.incidentEdits.delete(request.params.id, editContext(request, { ifMatch: true }));
      return reply.code(204).send(null);
    },
  );

  app.post(
    `${API_PREFIX}/incidents/:id/attributions`,
    { config: { access: 'analyst' }, schema: { tags: ['incidents'], summary: 'Add an attribution to an incident (analyst; If-Match required)', params: idParamsSchema, body: attributionBody, response: { 200: incidentResponse, ...writeErrorResponses } } },
    async (request, reply) => {
      const { incident, version } = await core.incidentEdits.addAttribution(request.params.id, request.body, editContext(request, { ifMatch: true }));
      return reply.header('etag', recordEtag(version)).send(incident);
    },
  );

  app.post(
    `${API_PREFIX}/incidents/:id/sources`,
    { config: { access: 'analyst' }, schema: { tags: ['incidents'], summary: 'Add a source to an incident (analyst; If-Match required)', params: idParamsSchema, body: sourceBody, response: { 200: incidentResponse, ...writeErrorResponses } } },
    async (request, reply) => {
      const { incident, version } = await core.incidentEdits.addSource(request.params.id, request.body, editContext(request, { ifMatch: true }));
      return reply.header('etag', recordEtag(version)).send(incident);
    },
  );
}
