import { actorSchema, allStates, contextEventSchema, getState, groupSchema, PactwatchError } from '@pactwatch/domain';
import { z } from 'zod';
import { cursorSchema, errorResponses, idParamsSchema, limitSchema, pageSchema, stateCodeQuery } from '../contracts/common.js';
import { stateResponse } from '../contracts/records.js';
import { pageInMemory } from '../http/memory-page.js';
import { API_PREFIX, type Api, type RouteDeps } from '../route-deps.js';

const actorResponse = actorSchema.meta({ id: 'Actor' });
const groupResponse = groupSchema.meta({ id: 'Group' });
const contextEventResponse = contextEventSchema.meta({ id: 'ContextEvent' });

/** Reference data: states, groups, actors, context events. Read-only here; they change through the dataset and imports. */
export function registerCatalogueRoutes(app: Api, { core, respond }: RouteDeps): void {
  app.get(
    `${API_PREFIX}/states`,
    {
      config: { access: 'viewer' },
      schema: {
        tags: ['reference'],
        summary: 'States pactwatch knows (ISO 3166-1 with aliases and Correlates of War codes)',
        querystring: z.object({ q: z.string().max(100).optional().describe('Case-insensitive match on code, name or alias'), limit: limitSchema, cursor: cursorSchema, sort: z.enum(['code', 'name', '-code', '-name']).default('code') }).strict(),
        response: { 200: pageSchema(stateResponse, 'StatePage'), ...errorResponses },
      },
    },
    async (request, reply) =>
      respond(request, reply, async () => {
        const q = request.query.q?.toLowerCase();
        const states = allStates()
          .filter((s) => q === undefined || s.code.toLowerCase() === q || s.name.toLowerCase().includes(q) || s.aliases.some((a) => a.toLowerCase().includes(q)))
          .map((s) => ({ ...s, id: s.code }));
        const page = pageInMemory(states, request.query.sort, (s, field) => (field === 'name' ? s.name : s.code), request.query.cursor, request.query.limit);
        return { items: page.items.map(({ id: _id, ...state }) => state), nextCursor: page.nextCursor };
      }),
  );

  app.get(
    `${API_PREFIX}/states/:code`,
    {
      config: { access: 'viewer' },
      schema: { tags: ['reference'], summary: 'One state', params: z.object({ code: stateCodeQuery }).strict(), response: { 200: stateResponse, ...errorResponses } },
    },
    async (request, reply) =>
      respond(request, reply, async () => {
        const state = getState(request.params.code);
        if (state === undefined) throw new PactwatchError('NOT_FOUND', `no state with code "${request.params.code}"`);
        return state;
      }),
  );

  app.get(
    `${API_PREFIX}/groups`,
    {
      config: { access: 'viewer', cache: true },
      schema: { tags: ['reference'], summary: 'Groups of states with dated membership (G20, SCO, …)', querystring: z.object({ limit: limitSchema, cursor: cursorSchema }).strict(), response: { 200: pageSchema(groupResponse, 'GroupPage'), ...errorResponses } },
    },
    async (request, reply) => respond(request, reply, async () => pageInMemory(await core.query.groups(), 'id', (g) => g.id, request.query.cursor, request.query.limit)),
  );

  app.get(
    `${API_PREFIX}/groups/:id`,
    { config: { access: 'viewer' }, schema: { tags: ['reference'], summary: 'One group', params: idParamsSchema, response: { 200: groupResponse, ...errorResponses } } },
    async (request, reply) => respond(request, reply, () => core.query.group(request.params.id)),
  );

  app.get(
    `${API_PREFIX}/actors`,
    {
      config: { access: 'viewer', cache: true },
      schema: {
        tags: ['reference'],
        summary: 'Threat actors (curated, MISP, ATT&CK) with their sponsor state',
        querystring: z.object({ sponsor: stateCodeQuery.optional(), q: z.string().max(100).optional(), sort: z.enum(['id', '-id', 'name', '-name']).default('id'), limit: limitSchema, cursor: cursorSchema }).strict(),
        response: { 200: pageSchema(actorResponse, 'ActorPage'), ...errorResponses },
      },
    },
    async (request, reply) =>
      respond(request, reply, async () => {
        const { sponsor, q } = request.query;
        const needle = q?.toLowerCase();
        const actors = (await core.query.actors()).filter(
          (a) => (sponsor === undefined || a.sponsor === sponsor) && (needle === undefined || a.name.toLowerCase().includes(needle) || a.aliases.some((x) => x.toLowerCase().includes(needle))),
        );
        return pageInMemory(actors, request.query.sort, (a, field) => (field === 'name' ? a.name : a.id), request.query.cursor, request.query.limit);
      }),
  );

  app.get(
    `${API_PREFIX}/actors/:id`,
    { config: { access: 'viewer' }, schema: { tags: ['reference'], summary: 'One actor', params: idParamsSchema, response: { 200: actorResponse, ...errorResponses } } },
    async (request, reply) => respond(request, reply, () => core.query.actor(request.params.id)),
  );

  app.get(
    `${API_PREFIX}/context-events`,
    {
      config: { access: 'viewer', cache: true },
      schema: {
        tags: ['reference'],
        summary: 'Context events (dialogues, indictments, statements) that cooperation commitments are judged against',
        querystring: z.object({ state: stateCodeQuery.optional(), agreement: z.string().max(200).optional(), sort: z.enum(['date', '-date', 'id', '-id']).default('date'), limit: limitSchema, cursor: cursorSchema }).strict(),
        response: { 200: pageSchema(contextEventResponse, 'ContextEventPage'), ...errorResponses },
      },
    },
    async (request, reply) =>
      respond(request, reply, async () => {
        const { state, agreement } = request.query;
        const events = (await core.query.contextEvents()).filter((e) => (state === undefined || e.states.includes(state)) && (agreement === undefined || e.agreements.includes(agreement)));
        return pageInMemory(events, request.query.sort, (e, field) => (field === 'date' ? e.date : e.id), request.query.cursor, request.query.limit);
      }),
  );

  app.get(
    `${API_PREFIX}/context-events/:id`,
    { config: { access: 'viewer' }, schema: { tags: ['reference'], summary: 'One context event', params: idParamsSchema, response: { 200: contextEventResponse, ...errorResponses } } },
    async (request, reply) => respond(request, reply, () => core.query.contextEvent(request.params.id)),
  );
}
