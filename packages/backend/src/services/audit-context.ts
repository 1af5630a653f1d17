import { userInfo } from 'node:os';
import { cliPrincipal, type Principal } from '@pactwatch/domain';

/** Who is making a change, and the API request it came from (for the audit log). */
export interface AuditContext {
  readonly principal: Principal;
  readonly requestId?: string;
}

/** The person at this machine's command line: trusted by file access to the store, so admin. */
export function defaultCliPrincipal(): Principal {
  let name = '';
  try {
    name = userInfo().username;
  } catch {
    // Containers without a passwd entry for the uid: still a CLI user, just unnamed.
  }
  return cliPrincipal(name);
}

export function cliAuditContext(): AuditContext {
  return { principal: defaultCliPrincipal() };
}

/** The audit fields of a context, for spreading into an audit record. */
export function auditOrigin(context: AuditContext): { principal: Principal; requestId?: string } {
  return context.requestId === undefined ? { principal: context.principal } : { principal: context.principal, requestId: context.requestId };
}
