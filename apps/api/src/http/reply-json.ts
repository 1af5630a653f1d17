import type { Pactwatch } from '@pactwatch/backend';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodType } from 'zod';
import { notModified, sendJson } from './etag.js';
import { requestRevisions } from './request-revisions.js';
import type { CacheEntry, ResponseCache } from './response-cache.js';

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
  // Misses being computed, by URL and revision: right after a write every reader misses at once,
  // and without this each of them would run the same queries (a stampede on the busiest pages).
  const inFlight = new Map<string, Promise<CacheEntry>>();
  return async (request, reply, compute) => {
    if (request.routeOptions.config.cache !== true || !cache.enabled) return sendJson(request, reply, await computeChecked(request, compute));
    const revision = (await requestRevisions(request, core)).data;
    const hit = cache.get(request.url, revision);
    if (hit !== undefined) {
      reply.header('x-cache', 'hit');
      return sendCached(request, reply, hit);
    }
    const key = `${revision}\u0000${request.url}`;
    let pending = inFlight.get(key);
    const shared = pending !== undefined;
    if (pending === undefined) {
      pending = computeChecked(request, compute).then((body) => cache.set(request.url, revision, body));
      inFlight.set(key, pending);
      const forget = () => inFlight.delete(key);
      pending.then(forget, forget);
    }
    const entry = await pending;
    reply.header('x-cache', shared ? 'shared' : 'miss');
    return sendCached(request, reply, entry);
  };
}

// Below this, gzip saves less than its headers and CPU cost.
const GZIP_MIN_BYTES = 1024;

function acceptsGzip(request: FastifyRequest): boolean {
  const header = request.headers['accept-encoding'];
  return typeof header === 'string' && /(^|[\s,])gzip(?!;\s*q=0(\.0*)?(\s|,|$))/i.test(header);
}

/**
 * A cached answer as bytes, gzipped when the caller accepts it (browsers do). The gzip form is a
 * different representation, so it has its own strong ETag; If-None-Match is compared with the
 * ETag of the representation this caller would get.
 */
function sendCached(request: FastifyRequest, reply: FastifyReply, entry: CacheEntry): FastifyReply {
  const gzip = entry.bytes.length >= GZIP_MIN_BYTES && acceptsGzip(request);
  const etag = gzip ? `${entry.etag.slice(0, -1)}-gz"` : entry.etag;
  reply.header('etag', etag).header('cache-control', 'private, no-cache').header('vary', 'accept-encoding');
  if (notModified(request, etag)) return reply.code(304).send();
  reply.type('application/json; charset=utf-8');
  if (gzip) reply.header('content-encoding', 'gzip');
  return reply.send(gzip ? entry.gzip() : entry.bytes);
}

/** Test mode: the body must parse against the route's declared 200 schema (contracts cannot drift). */
function checkResponse(request: FastifyRequest, value: unknown): void {
  const schema = (request.routeOptions.schema?.response as Record<string, unknown> | undefined)?.['200'] as ZodType | undefined;
  if (schema === undefined) return;
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(`response of ${request.method} ${request.url} breaks its schema: ${result.error.issues.map((i) => `${i.path.join('/')}: ${i.message}`).slice(0, 5).join('; ')}`);
}
