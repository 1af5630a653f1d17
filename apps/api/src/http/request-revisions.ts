import type { Pactwatch, StoreRevisions } from '@pactwatch/backend';
import type { FastifyInstance, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** The store revisions as of this request's start, read at most once (see requestRevisions). */
    revisionsRead: Promise<StoreRevisions> | null;
  }
}

export function registerRequestRevisions(app: FastifyInstance): void {
  app.decorateRequest('revisionsRead', null);
}

/**
 * The store revisions, read once per request and shared by the cached login check and the
 * response cache: on the hot path (a cached read with an API token) this one read is the only
 * database work. The request is answered as of its start, as if it had arrived a moment earlier.
 */
export function requestRevisions(request: FastifyRequest, core: Pactwatch): Promise<StoreRevisions> {
  request.revisionsRead ??= core.browse.revisions();
  return request.revisionsRead;
}

/** After a write made while authenticating: the next read of the revisions asks the store again. */
export function forgetRequestRevisions(request: FastifyRequest): void {
  request.revisionsRead = null;
}
