import { EXPORT_FORMATS } from '@pactwatch/backend';
import { PactwatchError } from '@pactwatch/domain';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { cursorSchema, errorResponses, limitSchema, pageSchema } from '../contracts/common.js';
import { hasIncidentFilter, incidentFilterFields } from '../contracts/filters.js';
import { bodyEtag, notModified } from '../http/etag.js';
import { pageInMemory } from '../http/memory-page.js';
import { API_PREFIX, type Api, type RouteDeps } from '../route-deps.js';

const quarantineEntry = z
  .object({ id: z.number().int(), batchId: z.number().int(), sourceFile: z.string(), locator: z.string(), recordKind: z.string(), recordId: z.string().nullable(), reason: z.string(), raw: z.string(), createdAt: z.string() })
  .meta({ id: 'QuarantineEntry' });

const CONTENT_TYPES: Record<(typeof EXPORT_FORMATS)[number], { type: string; extension: string }> = {
  stix: { type: 'application/stix+json;version=2.1', extension: 'stix.json' },
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
  json: { type: 'application/json; charset=utf-8', extension: 'json' },
};

/** Quarantined input (nothing is dropped silently) and whole-store exports. */
export function registerDataRoutes(app: Api, { core, respond }: RouteDeps): void {
  app.get(
    `${API_PREFIX}/quarantine`,
    {
      config: { access: 'analyst', cache: true },
      schema: {
        tags: ['data'],
        summary: 'Records of the latest load kept in quarantine, with file, location and reason (analyst)',
        querystring: z.object({ file: z.string().max(500).optional(), limit: limitSchema, cursor: cursorSchema }).strict(),
        response: { 200: pageSchema(quarantineEntry, 'QuarantinePage'), ...errorResponses },
      },
    },
    async (request, reply) =>
      respond(request, reply, async () => {
        const entries = (await core.query.quarantine()).filter((e) => request.query.file === undefined || e.sourceFile.includes(request.query.file)).map((e) => ({ ...e, key: String(e.id).padStart(12, '0') }));
        const page = pageInMemory(entries.map((e) => ({ ...e, id: e.key, entry: e })), 'id', (e) => e.id, request.query.cursor, request.query.limit);
        return { items: page.items.map(({ entry: { key: _key, ...entry } }) => entry), nextCursor: page.nextCursor };
      }),
  );

  app.get(
    `${API_PREFIX}/quarantine/:id`,
    { config: { access: 'analyst' }, schema: { tags: ['data'], summary: 'One quarantined record (analyst)', params: z.object({ id: z.coerce.number().int().min(1) }).strict(), response: { 200: quarantineEntry, ...errorResponses } } },
    async (request, reply) => respond(request, reply, () => core.query.quarantineEntry(request.params.id)),
  );

  app.get(
    `${API_PREFIX}/exports/:format`,
    {
      config: { access: 'viewer' },
      schema: {
        tags: ['data'],
        summary: 'Export the store: STIX 2.1 bundle, incident CSV, or the native JSON dataset (lossless); the incident list\'s filters export only the matching incidents',
        params: z.object({ format: z.enum(EXPORT_FORMATS) }).strict(),
        querystring: z.object({ ...incidentFilterFields, agreement: z.string().max(200).optional().describe('Only this agreement and what it needs (with other filters: its findings of the matching incidents)') }).strict(),
        response: { 200: z.string().describe('The file'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { format } = request.params;
      const { agreement, ...incidents } = request.query;
      // Any incident filter makes it "the current selection"; without one, the whole store (or agreement) as before.
      const selection = hasIncidentFilter(incidents);
      const result = await core.exports.export({ format, ...(agreement === undefined ? {} : { agreementId: agreement }), ...(selection ? { incidents } : {}) });
      if (result.text.length === 0) throw new PactwatchError('INTERNAL', 'the export produced no bytes');
      // Exports are deterministic for an unchanged store, so the body hash is a stable ETag.
      const etag = bodyEtag(result.text);
      reply.header('etag', etag).header('x-pactwatch-counts', JSON.stringify(result.counts));
      if (notModified(request, etag)) return (reply as FastifyReply).code(304).send();
      const name = `pactwatch${agreement === undefined ? '' : `-${agreement}`}${selection ? '-selection' : ''}.${CONTENT_TYPES[format].extension}`;
      return reply.type(CONTENT_TYPES[format].type).header('content-disposition', `attachment; filename="${name}"`).send(result.text);
    },
  );
}
