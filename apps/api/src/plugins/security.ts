import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import type { Config } from '@pactwatch/backend';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SAFE_METHODS } from '../http/access.js';

/**
 * Security headers on every response, and rate limits: logins per client address (guessing), and
 * writes per principal (a runaway script). Reads are not limited here: they are cached and cheap.
 */
export async function registerSecurity(app: FastifyInstance, config: Config): Promise<void> {
  // helmet's middleware is built once here: @fastify/helmet rebuilt it (parsing the CSP) on every
  // request, a tenth of the cost of a cached read. The headers are the same on every response.
  const securityHeaders = helmet({
    // JSON, the dashboard and /docs: every script, style and image is same-origin (inline styles
    // are React's style attributes and swagger-ui's).
    contentSecurityPolicy: { directives: { upgradeInsecureRequests: null, defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:'], styleSrc: ["'self'", "'unsafe-inline'"], scriptSrc: ["'self'"] } },
    strictTransportSecurity: config.server.secureCookies === true,
  });
  app.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined));
  });
  await app.register(rateLimit, { global: false });
  const writeLimiter = app.rateLimit({
    max: config.server.writeRatePerMinute,
    timeWindow: '1 minute',
    keyGenerator: (request: FastifyRequest) => request.principal?.id ?? request.principal?.name ?? request.ip,
  });
  // A route-level preHandler on write routes only (added as each route is registered): reads pay
  // nothing for it. Authentication runs in onRequest, earlier, so the key is who is writing.
  const limitWrites = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (SAFE_METHODS.has(request.method)) return;
    await writeLimiter.call(app, request, reply);
  };
  app.addHook('onRoute', (route) => {
    if ([route.method].flat().every((method) => SAFE_METHODS.has(method)) || route.config?.access === 'public') return;
    route.preHandler = [...(route.preHandler === undefined ? [] : [route.preHandler].flat()), limitWrites];
  });
}
