import { PactwatchError, type Principal } from '@pactwatch/domain';
import type { EditContext } from '@pactwatch/backend';
import type { FastifyRequest } from 'fastify';
import { ifMatchVersion } from './etag.js';

export function principalOf(request: FastifyRequest): Principal {
  if (request.principal === null) throw new PactwatchError('UNAUTHENTICATED', 'sign in first');
  return request.principal;
}

/** Who is writing, the request id for the audit log, and (for updates) the If-Match version. */
export function editContext(request: FastifyRequest, options: { ifMatch: boolean }): EditContext {
  return { principal: principalOf(request), requestId: request.id, ...(options.ifMatch ? { ifMatch: ifMatchVersion(request) } : {}) };
}

export function auditContext(request: FastifyRequest): { principal: Principal; requestId: string } {
  return { principal: principalOf(request), requestId: request.id };
}
