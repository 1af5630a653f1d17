import type { Pactwatch } from '@pactwatch/backend';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodType } from 'zod';
import { sendJson } from './etag.js';
import type { ResponseCache } from './response-cache.js';

export type JsonResponder = (request: FastifyRequest, reply: FastifyReply, compute: () => Promise<unknown>) => Promise<FastifyReply>;

/**
 * Answers a read with JSON and an ETag (304 on If-None-Match). Routes marked `config.cache` are
 * served from the response cache while the store revision stands; the revision is read before
 * computing, so a write racing the computation can only make the entry stale, never wrong.
 */
export function jsonResponder(core: Pactwatch, cache: ResponseCache, validate: boolean): JsonResponder {
  const computeChecked = async (request: FastifyRequest, compute: () => Promise<unknown>): Promise<string> => {
    const value = await compute();
    if (validate) checkResponse(request, value);
    return JSON.stringify(value);
  };
  return async (request, reply, compute) => {
    if (request.routeOptions.config.cache !== true) return sendJson(request, reply, await computeChecked(request, compute));
    const revision = await core.browse.revision();
    const hit = cache.get(request.url, revision);
    if (hit !== undefined) {
      reply.header('x-cache', 'hit');
      return sendJson(request, reply, hit.body, hit.etag);
    }
    const entry = cache.set(request.url, revision, await computeChecked(request, compute));
    reply.header('x-cache', 'miss');
    return sendJson(request, reply, entry.body, entry.etag);
  };
}

/** Test mode: the body must parse against the route's declared 200 schema (contracts cannot drift). */
function checkResponse(request: FastifyRequest, value: unknown): void {
  const schema = (request.routeOptions.schema?.response as Record<string, unknown> | undefined)?.['200'] as ZodType | undefined;
  if (schema === undefined) return;
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(`response of ${request.method} ${request.url} breaks its schema: ${result.error.issues.map((i) => `${i.path.join('/')}: ${i.message}`).slice(0, 5).join('; ')}`);
}
