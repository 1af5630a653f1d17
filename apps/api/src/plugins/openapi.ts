import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/**
 * The OpenAPI 3.1 document is generated from the same zod schemas that validate requests, so it
 * cannot drift from what the server accepts. Served at /openapi.json; interactive docs at /docs.
 */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'pactwatch API',
        version,
        description:
          'Do states keep the cyber agreements they sign? Agreements with scoped commitments, incidents with attributions, and an explained compliance verdict for every incident × commitment. Errors are RFC 9457 problem+json with the stable codes of docs/ERRORS.md. Lists use cursor pagination (?limit, ?cursor → nextCursor). Reads carry ETags (If-None-Match → 304); updates and deletes need If-Match (412 when the record changed, 428 when missing). Writes with the session cookie need the X-CSRF-Token header returned at login.',
        license: { name: 'Apache-2.0' },
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'pw_session', description: 'Set by POST /api/v1/auth/login; writes also need X-CSRF-Token' },
          token: { type: 'http', scheme: 'bearer', description: 'API token (pw_…) created by an admin: pactwatch tokens create' },
        },
      },
      security: [{ session: [] }, { token: [] }],
      tags: [
        { name: 'agreements', description: 'Agreements and their commitments' },
        { name: 'incidents', description: 'Incidents with attributions, victims and sources' },
        { name: 'drafts', description: 'The review queue: proposed incidents to accept, merge or reject' },
        { name: 'findings', description: 'Explained verdicts, overrides and scorecards' },
        { name: 'statistics', description: 'Did behaviour change after an agreement?' },
        { name: 'reference', description: 'States, groups, actors, context events' },
        { name: 'data', description: 'Imports, exports, quarantine, jobs' },
        { name: 'accounts', description: 'Users, API tokens, audit log' },
        { name: 'auth', description: 'Sign in and out' },
        { name: 'meta', description: 'Health and this document' },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true, uiConfig: { deepLinking: true } });
}
