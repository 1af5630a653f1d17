import { PactwatchError, VERDICTS, type Verdict, type VerdictOverride } from '@pactwatch/domain';
import { inTransaction, type ServiceContext } from './service-context.js';

export interface OverrideRequest {
  readonly commitmentId: string;
  readonly incidentId: string;
  readonly verdict: string;
  readonly note: string;
  readonly author: string;
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
      const override: VerdictOverride = { commitmentId: request.commitmentId, incidentId: request.incidentId, verdict: verdict as Verdict, note: request.note.trim(), author: request.author.trim(), createdAt: this.ctx.now().toISOString() };
      await repos.findings.saveOverride(override);
      return override;
    });
  }

  async remove(commitmentId: string, incidentId: string): Promise<void> {
    const removed = await inTransaction(this.ctx, (repos) => repos.findings.deleteOverride(commitmentId, incidentId));
    if (!removed) throw new PactwatchError('NOT_FOUND', `no override for commitment "${commitmentId}" and incident "${incidentId}"`);
  }
}
