import cookie from '@fastify/cookie';
import type { Pactwatch } from '@pactwatch/backend';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { Access } from './http/access.js';
import { jsonResponder } from './http/reply-json.js';
import { redactingLogger } from './http/request-logging.js';
import { ResponseCache } from './http/response-cache.js';
import { registerRequestRevisions } from './http/request-revisions.js';
import { registerAuthentication } from './plugins/authentication.js';
import { registerOpenApi } from './plugins/openapi.js';
import { registerProblemDetails, sendProblem } from './plugins/problem-details.js';
import { registerSecurity } from './plugins/security.js';
import { DEFAULT_WEB_ROOT, registerWebApp } from './plugins/web-app.js';
import { registerAccountRoutes } from './routes/account-routes.js';
import { registerAgreementRoutes } from './routes/agreement-routes.js';
import { registerAuditRoutes } from './routes/audit-routes.js';
import { registerAuthRoutes } from './routes/auth-routes.js';
import { registerCatalogueRoutes } from './routes/catalogue-routes.js';
import { registerDashboardRoutes } from './routes/dashboard-routes.js';
import { registerDataRoutes } from './routes/data-routes.js';
import { registerDraftRoutes } from './routes/draft-routes.js';
import { registerFindingRoutes } from './routes/finding-routes.js';
import { registerIncidentRoutes } from './routes/incident-routes.js';
import { registerJobRoutes } from './routes/job-routes.js';
import { registerMetaRoutes } from './routes/meta-routes.js';
import type { Api, RouteDeps } from './route-deps.js';

export interface BuildAppOptions {
  /** Fastify's logger setting (pino options or false). Default: off (the CLI passes its own). */
  readonly logger?: FastifyServerOptions['logger'];
  /** Check every response against its declared schema (tests); production serializes without re-validating. */
  readonly validateResponses?: boolean;
  /** Version shown in /openapi.json and /health. */
  readonly version?: string;
  /** Logins per client address per minute (default 10). */
  readonly loginRatePerMinute?: number;
  /** Serve cacheable GETs from the revision-keyed response cache (default true; the benchmark measures both). */
  readonly responseCache?: boolean;
  /** The built dashboard to serve at / (default apps/web/dist; null: API only). */
  readonly webRoot?: string | null;
}

/**
 * Test-mode serializer: every response must parse against its declared schema (a drifting
 * contract fails the test that produced it). It parses rather than encodes because the domain
 * schemas normalise input (codes upper-cased, defaults filled), and that is idempotent on output.
 */
function checkingSerializer({ schema, url, method }: { schema: unknown; url: string; method: string }): (data: unknown) => string {
  return (data) => {
    const result = (schema as ZodType).safeParse(data);
    if (!result.success) throw new Error(`response of ${method} ${url} breaks its schema: ${result.error.issues.map((i) => `${i.path.join('/')}: ${i.message}`).slice(0, 5).join('; ')}`);
    return JSON.stringify(data);
  };
}

export interface RouteInfo {
  readonly method: string;
  readonly url: string;
  readonly access: Access;
}

const routeTables = new WeakMap<FastifyInstance, RouteInfo[]>();

/** Every route the app serves with its access level (the endpoint × role test matrix walks this). */
export function registeredRoutes(app: FastifyInstance): readonly RouteInfo[] {
  return routeTables.get(app) ?? [];
}

/** JSON bodies beyond this are refused (413); imports upload files through multipart with their own limit. */
const JSON_BODY_LIMIT = 1024 * 1024;

/**
 * Builds the HTTP API over an opened core. Nothing listens here: tests call it in-process with
 * `app.inject`, `pactwatch serve` calls `listen`. Every route must declare its access level.
 */
export async function buildApp(core: Pactwatch, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const fastify = Fastify({
    // Credentials are redacted from every log line (apps/api/src/http/request-logging.ts).
    logger: redactingLogger(options.logger),
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: core.config.server.trustProxy,
    genReqId: () => crypto.randomUUID(),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 300 },
    // A URL with bad percent-encoding (`/incidents/%C3%28`) is refused by the router before any
    // hook runs; without this it left as plain JSON instead of problem+json with a code.
    frameworkErrors: (error, request, reply) => {
      sendProblem(request, reply, 'USAGE', `the request URL is not valid: ${error.message}`);
    },
  });
  const app = fastify.withTypeProvider<ZodTypeProvider>() as Api;
  app.setValidatorCompiler(validatorCompiler);
  // Response schemas document the API; re-validating every response would cost more than the
  // query behind it, so production serializes directly and tests turn validation on.
  app.setSerializerCompiler(options.validateResponses === true ? checkingSerializer : () => (data) => JSON.stringify(data));

  const routes: RouteInfo[] = [];
  routeTables.set(fastify, routes);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/docs')) route.config = { ...(route.config ?? {}), access: 'public' };
    const access = route.config?.access;
    if (access === undefined) throw new Error(`route ${route.method.toString()} ${route.url} declares no access level (config.access)`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, access });
  });
  // Set when the request arrives (a synchronous hook): it stays on every answer, errors included.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });

  registerProblemDetails(app);
  await app.register(cookie);
  await registerOpenApi(app, options.version ?? '0.0.0');
  // Security headers first: they must be on the 401s and 403s that authentication answers.
  await registerSecurity(app, core.config);
  registerRequestRevisions(app);
  registerAuthentication(app, core);

  const deps: RouteDeps = { core, respond: jsonResponder(core, new ResponseCache(options.responseCache === false ? 0 : undefined), options.validateResponses === true) };
  registerMetaRoutes(app, deps, options.version ?? '0.0.0');
  registerAuthRoutes(app, deps, { max: options.loginRatePerMinute ?? 10, timeWindow: '1 minute' });
  registerCatalogueRoutes(app, deps);
  registerAgreementRoutes(app, deps);
  registerIncidentRoutes(app, deps);
  registerFindingRoutes(app, deps);
  registerDraftRoutes(app, deps);
  registerDashboardRoutes(app, deps);
  registerDataRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerAccountRoutes(app, deps);
  await registerJobRoutes(app, deps);
  registerWebApp(app, options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot);
  await app.ready();
  return app;
}
