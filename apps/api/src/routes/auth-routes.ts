import { ROLES } from '@pactwatch/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errorResponses, writeErrorResponses } from '../contracts/common.js';
import { SESSION_COOKIE } from '../plugins/authentication.js';
import { auditContext, principalOf } from '../http/edit-context.js';
import { API_PREFIX, type Api, type RouteDeps } from '../route-deps.js';

const principalResponse = z
  .object({ kind: z.enum(['user', 'token', 'cli', 'system', 'anonymous']), id: z.string().nullable(), name: z.string(), role: z.enum(ROLES).nullable() })
  .meta({ id: 'Principal' });

const loginBody = z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(1024) }).strict().meta({ id: 'Credentials' });

const loginResponse = z
  .object({
    principal: principalResponse,
    csrfToken: z.string().describe('Send as X-CSRF-Token on every write made with the session cookie'),
    expiresAt: z.string(),
    mustChangePassword: z.boolean(),
  })
  .meta({ id: 'Session' });

/** The cookie is Secure behind TLS (or when PACTWATCH_SECURE_COOKIES says so), never readable by scripts. */
function secureCookie(request: FastifyRequest, forced: boolean | undefined): boolean {
  return forced ?? request.protocol === 'https';
}

export function clearSession(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** Sign in and out: session cookies for people, API tokens (see /tokens) for scripts. */
export function registerAuthRoutes(app: Api, { core }: RouteDeps, loginLimit: { max: number; timeWindow: string }): void {
  app.post(
    `${API_PREFIX}/auth/login`,
    {
      config: { access: 'public', rateLimit: { ...loginLimit, keyGenerator: (request: FastifyRequest) => `${request.ip}` } },
      schema: { tags: ['auth'], summary: 'Sign in: sets the HttpOnly session cookie and returns the CSRF token', body: loginBody, response: { 200: loginResponse, ...errorResponses, 423: errorResponses[401] } },
    },
    async (request, reply) => {
      const result = await core.auth.login(request.body.username, request.body.password, { ip: request.ip, requestId: request.id, ...(request.headers['user-agent'] === undefined ? {} : { userAgent: request.headers['user-agent'] }) });
      // Signing in while holding a live session ends that session: a login always leaves exactly
      // one fresh session behind, never an older cookie that still works (session fixation).
      if (request.sessionToken !== null) await core.auth.logout(request.sessionToken);
      void reply.setCookie(SESSION_COOKIE, result.sessionToken, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: secureCookie(request, core.config.server.secureCookies),
        expires: new Date(result.expiresAt),
      });
      return { principal: result.principal, csrfToken: result.csrfToken, expiresAt: result.expiresAt, mustChangePassword: result.mustChangePassword };
    },
  );

  app.post(
    `${API_PREFIX}/auth/logout`,
    { config: { access: 'viewer' }, schema: { tags: ['auth'], summary: 'Sign out: ends the session', response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      if (request.sessionToken !== null) await core.auth.logout(request.sessionToken);
      clearSession(reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    `${API_PREFIX}/auth/me`,
    { config: { access: 'viewer' }, schema: { tags: ['auth'], summary: 'Who am I (user, token or anonymous reader) and my role', response: { 200: principalResponse, ...errorResponses } } },
    async (request) => principalOf(request),
  );

  app.post(
    `${API_PREFIX}/auth/password`,
    {
      config: { access: 'viewer' },
      schema: {
        tags: ['auth'],
        summary: 'Change my own password (signed-in users; other sessions end)',
        body: z.object({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().min(1).max(1024) }).strict(),
        response: { 204: z.null(), ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const user = await core.accounts.getUserById(principal.id ?? '');
      await core.accounts.changePassword(user.username, request.body.currentPassword, request.body.newPassword, auditContext(request), request.sessionToken === null ? {} : { keepSessionToken: request.sessionToken });
      return reply.code(204).send(null);
    },
  );
}
