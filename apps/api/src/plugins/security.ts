import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { Config } from '@pactwatch/backend';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SAFE_METHODS } from '../http/access.js';

/**
 * Security headers on every response, and rate limits: logins per client address (guessing), and
 * writes per principal (a runaway script). Reads are not limited here: they are cached and cheap.
 */
export async function registerSecurity(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(helmet, {
    // The API returns JSON; the only HTML is /docs, whose assets are all same-origin.
    contentSecurityPolicy: { directives: { upgradeInsecureRequests: null, defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:'], styleSrc: ["'self'", "'unsafe-inline'"], scriptSrc: ["'self'"] } },
    strictTransportSecurity: config.server.secureCookies === true,
  });
  await app.register(rateLimit, { global: false });
  const writeLimiter = app.rateLimit({
    max: config.server.writeRatePerMinute,
    timeWindow: '1 minute',
    keyGenerator: (request: FastifyRequest) => request.principal?.id ?? request.principal?.name ?? request.ip,
  });
  // After authentication (a preHandler registered earlier), so the key is who is writing.
  app.addHook('preHandler', async (request, reply) => {
    if (SAFE_METHODS.has(request.method) || request.routeOptions.config.access === 'public') return;
    await writeLimiter.call(app, request, reply);
  });
}
