import { z } from 'zod';
import { API_PREFIX, type Api, type RouteDeps } from '../route-deps.js';

/** Health for load balancers and the OpenAPI document. */
export function registerMetaRoutes(app: Api, { core }: RouteDeps, version: string): void {
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: { tags: ['meta'], summary: 'Liveness and store reachability', response: { 200: z.object({ status: z.literal('ok'), version: z.string(), database: z.enum(['sqlite', 'postgres']) }) } },
    },
    async () => {
      await core.browse.revision();
      return { status: 'ok' as const, version, database: core.config.databaseUrl === undefined ? ('sqlite' as const) : ('postgres' as const) };
    },
  );

  app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  app.get(API_PREFIX, { config: { access: 'public' }, schema: { hide: true } }, async () => ({ openapi: '/openapi.json', docs: '/docs' }));
}
