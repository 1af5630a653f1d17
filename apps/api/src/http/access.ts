import type { Role } from '@pactwatch/domain';

/**
 * What a route needs: `public` (anyone, e.g. health, login, the OpenAPI document) or a role. Every
 * route declares it in `config.access`; the app refuses to start if one does not, so the
 * endpoint × role test matrix always covers every endpoint.
 */
export type Access = 'public' | Role;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Cache GET responses keyed by URL and store revision (lists and aggregates, never per-user data). */
    cache?: boolean;
  }
}

export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);
