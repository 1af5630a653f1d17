import type { Pactwatch } from '@pactwatch/backend';
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { JsonResponder } from './http/reply-json.js';

/** The Fastify instance with zod schemas as its type provider: handlers get typed params, query and body. */
export type Api = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** What every route module gets: the core's services and the JSON responder (ETag, cache). */
export interface RouteDeps {
  readonly core: Pactwatch;
  readonly respond: JsonResponder;
}

export const API_PREFIX = '/api/v1';
