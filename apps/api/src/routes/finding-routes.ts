import { FINDING_SORTS } from '@pactwatch/backend';
import { toFindingContract, VERDICTS } from '@pactwatch/domain';
import { z } from 'zod';
import { cursorSchema, dyadSchema, errorResponses, limitSchema, pageSchema, stateCodeQuery, writeErrorResponses } from '../contracts/common.js';
import { findingResponse, overrideSchema } from '../contracts/records.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { auditContext } from '../http/edit-context.js';
import { ifMatchVersion, recordEtag, sendJson } from '../http/etag.js';
import { API_PREFIX, type Api, type RouteDeps } from '../route-deps.js';

const listQuery = z
  .object({
    agreement: z.string().max(200).optional(),
    commitment: z.string().max(300).optional(),
    incident: z.string().max(200).optional(),
    verdict: z.enum(VERDICTS).optional(),
    dyad: dyadSchema.optional().describe('Sponsor and victim state, e.g. CN-US'),
    sponsor: stateCodeQuery.optional(),
    victim: stateCodeQuery.optional(),
    sort: z.enum(FINDING_SORTS).default('commitment').describe('commitment, incident, -incident, or recent (newest incidents first)'),
    limit: limitSchema,
    cursor: cursorSchema,
  })
  .strict();

const pairQuery = z.object({ commitment: z.string().min(1).max(300), incident: z.string().min(1).max(200) }).strict();

const overrideBody = z
  .object({
    commitment: z.string().min(1).max(300),
    incident: z.string().min(1).max(200),
    verdict: z.enum(VERDICTS),
    note: z.string().trim().min(1).max(4000).describe('Why the computed verdict is wrong: required'),
  })
  .strict()
  .meta({ id: 'OverrideRequest' });

/** Explained verdicts, one per incident × commitment, and analysts' overrides beside them. */
export function registerFindingRoutes(app: Api, { core, respond }: RouteDeps): void {
  app.get(
    `${API_PREFIX}/findings`,
    {
      config: { access: 'viewer', cache: true },
      schema: { tags: ['findings'], summary: 'Findings with every check explained; filter by agreement, commitment, incident, verdict, dyad', querystring: listQuery, response: { 200: pageSchema(findingResponse, 'FindingPage'), ...errorResponses } },
    },
    async (request, reply) =>
      respond(request, reply, async () => {
        const { agreement, commitment, incident, verdict, dyad, sponsor, victim, sort, cursor, limit } = request.query;
        const after = decodeCursor(cursor, sort, sort === 'recent' ? ['number', 'string', 'string'] : ['string', 'string']);
        const filter = { agreementId: agreement, commitmentId: commitment, incidentId: incident, verdict, sponsor: dyad?.[0] ?? sponsor, victim: dyad?.[1] ?? victim };
        const page = await core.browse.findings(filter, sort, after, limit);
        return { items: page.items.map(toFindingContract), nextCursor: page.next === undefined ? null : encodeCursor(sort, page.next) };
      }),
  );

  app.get(
    `${API_PREFIX}/findings/detail`,
    { config: { access: 'viewer' }, schema: { tags: ['findings'], summary: 'One finding; its ETag is the override version to send back in If-Match', querystring: pairQuery, response: { 200: findingResponse, ...errorResponses } } },
    async (request, reply) => {
      const { finding, version } = await core.browse.finding(request.query.commitment, request.query.incident);
      return sendJson(request, reply, JSON.stringify(toFindingContract(finding)), recordEtag(version));
    },
  );

  app.put(
    `${API_PREFIX}/findings/override`,
    {
      config: { access: 'analyst' },
      schema: { tags: ['findings'], summary: 'Override a computed verdict with a note (analyst; If-Match: the finding\'s ETag)', body: overrideBody, response: { 200: overrideSchema, ...writeErrorResponses } },
    },
    async (request, reply) => {
      const by = auditContext(request);
      const { commitment, incident, verdict, note } = request.body;
      const override = await core.overrides.set({ commitmentId: commitment, incidentId: incident, verdict, note, author: by.principal.name, by, expectedVersion: ifMatchVersion(request) });
      const { version } = await core.browse.finding(commitment, incident);
      return reply.header('etag', recordEtag(version)).send({ verdict: override.verdict, note: override.note, author: override.author, createdAt: override.createdAt });
    },
  );

  app.delete(
    `${API_PREFIX}/findings/override`,
    { config: { access: 'analyst' }, schema: { tags: ['findings'], summary: 'Remove an override (analyst; If-Match: the finding\'s ETag)', querystring: pairQuery, response: { 204: z.null(), ...writeErrorResponses } } },
    async (request, reply) => {
      await core.overrides.remove(request.query.commitment, request.query.incident, auditContext(request), ifMatchVersion(request));
      return reply.code(204).send(null);
    },
  );
}
