import { PactwatchError, roleAllows, type Principal } from '@pactwatch/domain';
import type { Identified, Pactwatch } from '@pactwatch/backend';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SAFE_METHODS, type Access } from '../http/access.js';
import { forgetRequestRevisions, requestRevisions } from '../http/request-revisions.js';

export const SESSION_COOKIE = 'pw_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling: null for anonymous requests. */
    principal: Principal | null;
    /** The raw session token when the caller used the session cookie (for logout and CSRF). */
    sessionToken: string | null;
  }
}

const ANONYMOUS: Principal = { kind: 'anonymous', id: null, name: 'anonymous', role: 'viewer' };

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (match === null) throw new PactwatchError('UNAUTHENTICATED', 'Authorization must be "Bearer <API token>"');
  return match[1];
}

/**
 * A login looked up in the store may have written its last-used time, which moves the SQLite
 * revision: the revisions are read again for the rest of the request, or its cached read would be
 * filed under a revision that is already gone. Answers from the login cache wrote nothing.
 */
function identified(request: FastifyRequest, who: Identified): Principal {
  if (who.lookedUp) forgetRequestRevisions(request);
  return who.principal;
}

/**
 * Who is calling, then whether they may: an API token (Authorization: Bearer) or the session
 * cookie; writes made with the cookie must echo the session's CSRF token in X-CSRF-Token (a
 * cross-site form cannot read it). Anonymous reads only when PACTWATCH_ANONYMOUS_READ is on.
 */
export function registerAuthentication(app: FastifyInstance, core: Pactwatch): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionToken', null);

  // onRequest, before body parsing and validation: a caller who may not call the route learns
  // nothing about what it accepts (401/403 come before 400/422).
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    // The not-found handler has no route config; it answers 404 whoever asks.
    if (request.is404) return;
    const access: Access | undefined = request.routeOptions.config.access;
    if (access === undefined) throw new PactwatchError('INTERNAL', `route ${request.routeOptions.url ?? request.url} declares no access level`);
    const token = bearer(request);
    const cookie = request.cookies[SESSION_COOKIE];
    if (token !== undefined) {
      request.principal = identified(request, await core.auth.identifyToken(token, (await requestRevisions(request, core)).accounts));
    } else if (cookie !== undefined && cookie !== '') {
      try {
        request.principal = identified(request, await core.auth.identifySession(cookie, (await requestRevisions(request, core)).accounts));
        request.sessionToken = cookie;
      } catch (error) {
        // A stale cookie must not block public routes (e.g. logging in again): forget it there.
        if (access !== 'public') throw error;
        void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
      if (request.sessionToken !== null && !SAFE_METHODS.has(request.method)) {
        const csrf = request.headers[CSRF_HEADER];
        if (typeof csrf !== 'string' || !(await core.auth.verifyCsrf(request.sessionToken, csrf))) {
          throw new PactwatchError('FORBIDDEN', `writes with a session cookie need the ${CSRF_HEADER} header returned at login`);
        }
      }
    }
    if (access === 'public') return;
    if (request.principal === null) {
      if (access === 'viewer' && SAFE_METHODS.has(request.method) && core.config.server.anonymousRead) {
        request.principal = ANONYMOUS;
        return;
      }
      throw new PactwatchError('UNAUTHENTICATED', 'sign in (POST /api/v1/auth/login) or send an API token (Authorization: Bearer pw_…)');
    }
    const role = request.principal.role;
    if (role === null || !roleAllows(role, access)) {
      throw new PactwatchError('FORBIDDEN', `this needs the ${access} role; you are ${role ?? 'anonymous'}`);
    }
  });
}
