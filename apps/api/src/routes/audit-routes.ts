import { z } from 'zod';
import { errorResponses } from '../contracts/common.js';
import { API_PREFIX, type Api, type RouteDeps } from '../route-deps.js';

const auditEntry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    principal: z.object({ kind: z.string(), id: z.string().nullable(), name: z.string(), role: z.string().nullable() }),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    note: z.string().nullable(),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

/** The append-only audit log: who changed what, when, before and after. */
export function registerAuditRoutes(app: Api, { core, respond }: RouteDeps): void {
  app.get(
    `${API_PREFIX}/audit`,
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['accounts'],
        summary: 'Audit log, newest first (analyst)',
        querystring: z
          .object({
            entityType: z.string().max(100).optional(),
            entityId: z.string().max(300).optional(),
            incident: z.string().max(300).optional().describe('Everything about one incident: its own changes and the verdict overrides on its findings'),
            principal: z.string().max(200).optional(),
            action: z.string().max(100).optional(),
            since: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
            until: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(50),
            cursor: z.coerce.number().int().min(1).optional(),
          })
          .strict(),
        response: { 200: z.object({ items: z.array(auditEntry), nextCursor: z.string().nullable() }).meta({ id: 'AuditPage' }), ...errorResponses },
      },
    },
    async (request, reply) =>
      respond(request, reply, async () => {
        const q = request.query;
        const page = await core.audit.list({
          ...(q.entityType === undefined ? {} : { entityType: q.entityType }),
          ...(q.entityId === undefined ? {} : { entityId: q.entityId }),
          ...(q.incident === undefined ? {} : { incident: q.incident }),
          ...(q.principal === undefined ? {} : { principalName: q.principal }),
          ...(q.action === undefined ? {} : { action: q.action }),
          ...(q.since === undefined ? {} : { since: new Date(q.since) }),
          ...(q.until === undefined ? {} : { until: new Date(q.until) }),
          ...(q.cursor === undefined ? {} : { cursor: q.cursor }),
          limit: q.limit,
        });
        return { items: page.entries, nextCursor: page.nextCursor === null ? null : String(page.nextCursor) };
      }),
  );
}
