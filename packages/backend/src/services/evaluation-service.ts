import { createComplianceEngine, type ComplianceEngine } from '@pactwatch/domain';
import type { Repositories } from '../repositories/index.js';
import { contentHash } from '../util/hash.js';
import { inTransaction, type ServiceContext } from './service-context.js';

/** Bump when the engine's logic changes, so stored findings are recomputed. */
export const ENGINE_VERSION = '1';
const RULESET_KEY = 'evaluation.ruleset_hash';

export interface EvaluationReport {
  /** full: the rules (agreements, groups, threshold, engine) changed or --full was asked. */
  readonly mode: 'full' | 'incremental';
  readonly incidentsEvaluated: number;
  readonly findings: number;
  readonly durationMs: number;
}

async function buildEngine(repos: Repositories, threshold: number): Promise<{ engine: ComplianceEngine; rulesetHash: string }> {
  const [agreements, groups, agreementHashes, groupHashes] = await Promise.all([repos.agreements.listAll(), repos.groups.listAll(), repos.agreements.hashes(), repos.groups.hashes()]);
  const rulesetHash = contentHash({
    engine: ENGINE_VERSION,
    threshold,
    agreements: [...agreementHashes].map(([id, h]) => [id, h.hash]).sort(),
    groups: [...groupHashes].map(([id, h]) => [id, h.hash]).sort(),
  });
  return { engine: createComplianceEngine(agreements, groups, { confidenceThreshold: threshold }), rulesetHash };
}

/**
 * Recomputes findings. Incremental by default: when the rules are unchanged only incidents whose
 * content changed since their findings were computed are re-evaluated. Each run is one
 * transaction, so a crash leaves the previous findings intact and the next run redoes the work.
 */
export class EvaluationService {
  constructor(private readonly ctx: ServiceContext) {}

  async evaluate(options: { full?: boolean } = {}): Promise<EvaluationReport> {
    const started = performance.now();
    const threshold = this.ctx.config.confidenceThreshold;
    const report = await inTransaction(this.ctx, async (repos) => {
      const { engine, rulesetHash } = await buildEngine(repos, threshold);
      const previous = await repos.meta.get(RULESET_KEY);
      if (options.full === true || previous !== rulesetHash) {
        const incidents = await repos.incidents.list();
        const findings = engine.evaluateAll(incidents);
        await repos.findings.replaceAll(findings);
        await repos.incidents.markEvaluated('all');
        await repos.meta.set(RULESET_KEY, rulesetHash);
        return { mode: 'full' as const, incidentsEvaluated: incidents.length, findings: findings.length };
      }
      const stale = await repos.incidents.staleIds();
      const incidents = await repos.incidents.list({ ids: stale });
      const findings = engine.evaluateAll(incidents);
      await repos.findings.replaceForIncidents(stale, findings);
      await repos.incidents.markEvaluated(stale);
      return { mode: 'incremental' as const, incidentsEvaluated: incidents.length, findings: findings.length };
    });
    const result = { ...report, durationMs: Math.round((performance.now() - started) * 100) / 100 };
    this.ctx.logger.info({ evaluation: result }, 'findings evaluated');
    return result;
  }
}
