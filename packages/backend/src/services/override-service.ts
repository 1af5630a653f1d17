import { PactwatchError, VERDICTS, type Verdict, type VerdictOverride } from '@pactwatch/domain';
import { overrideVersion } from './browse-service.js';
import { auditOrigin, cliAuditContext, type AuditContext } from './audit-context.js';
import { inTransaction, type ServiceContext } from './service-context.js';

export interface OverrideRequest {
  readonly commitmentId: string;
  readonly incidentId: string;
  readonly verdict: string;
  readonly note: string;
  readonly author: string;
  /** Who is acting, for the audit log; default: the person at the command line. */
  readonly by?: AuditContext;
  /**
   * The version the analyst read (`overrideVersion`: "none" before any override). When given, the
   * change is refused if someone else set or removed the override since (the API always gives it).
   */
  readonly expectedVersion?: string;
}

/** The audit log's id for an override: one per (commitment, incident) pair. */
export function overrideEntityId(commitmentId: string, incidentId: string): string {
  return `${commitmentId}@${incidentId}`;
}

function checkVersion(commitmentId: string, incidentId: string, current: VerdictOverride | undefined, expected: string | undefined): void {
  if (expected === undefined || expected === overrideVersion(current)) return;
  throw new PactwatchError('PRECONDITION_FAILED', `the override of commitment "${commitmentId}" for incident "${incidentId}" changed since you read it; read the finding again and reapply your change`);
}

/** Analysts' verdict overrides: stored beside the computed finding, never replacing it. */
export class OverrideService {
  constructor(private readonly ctx: ServiceContext) {}

  async set(request: OverrideRequest): Promise<VerdictOverride> {
    const verdict = VERDICTS.find((v) => v === request.verdict);
    if (verdict === undefined) throw new PactwatchError('USAGE', `verdict must be one of ${VERDICTS.join(', ')}, got "${request.verdict}"`);
    if (request.note.trim() === '') throw new PactwatchError('USAGE', 'an override needs a note saying why');
    if (request.author.trim() === '') throw new PactwatchError('USAGE', 'an override needs an author');
    return inTransaction(this.ctx, async (repos) => {
      const [finding] = await repos.findings.list({ commitmentId: request.commitmentId, incidentId: request.incidentId });
      if (finding === undefined) {
        throw new PactwatchError('NOT_FOUND', `no finding for commitment "${request.commitmentId}" and incident "${request.incidentId}"; see \`pactwatch findings --incident ${request.incidentId}\``);
      }
      const at = this.ctx.now();
      const override: VerdictOverride = { commitmentId: request.commitmentId, incidentId: request.incidentId, verdict: verdict as Verdict, note: request.note.trim(), author: request.author.trim(), createdAt: at.toISOString() };
      const [before] = await repos.findings.listOverrides({ commitmentId: request.commitmentId, incidentId: request.incidentId });
      checkVersion(request.commitmentId, request.incidentId, before, request.expectedVersion);
      await repos.findings.saveOverride(override);
      await repos.audit.record({ ...auditOrigin(request.by ?? cliAuditContext()), action: 'override.set', entityType: 'verdict-override', entityId: overrideEntityId(request.commitmentId, request.incidentId), before: before ?? null, after: override, note: override.note }, at);
      return override;
    });
  }

  async remove(commitmentId: string, incidentId: string, by: AuditContext = cliAuditContext(), expectedVersion?: string): Promise<void> {
    const removed = await inTransaction(this.ctx, async (repos) => {
      const [before] = await repos.findings.listOverrides({ commitmentId, incidentId });
      if (before !== undefined) checkVersion(commitmentId, incidentId, before, expectedVersion);
      if (before === undefined || !(await repos.findings.deleteOverride(commitmentId, incidentId))) return false;
      await repos.audit.record({ ...auditOrigin(by), action: 'override.remove', entityType: 'verdict-override', entityId: overrideEntityId(commitmentId, incidentId), before, after: null }, this.ctx.now());
      return true;
    });
    if (!removed) throw new PactwatchError('NOT_FOUND', `no override for commitment "${commitmentId}" and incident "${incidentId}"`);
  }
}
