import { createComplianceEngine, type ComplianceEngine, type EvaluationReport } from '@pactwatch/domain';
import type { Repositories } from '../repositories/index.js';
import { contentHash } from '../util/hash.js';
import { inTransaction, repositories, type ServiceContext } from './service-context.js';

/** Bump when the engine's logic changes, so stored findings are recomputed. */
export const ENGINE_VERSION = '1';
const RULESET_KEY = 'evaluation.ruleset_hash';
/** Incidents evaluated and written per step: bounds memory whatever the size of the store. */
const CHUNK = 2_000;

// The report's shape is a domain contract: import reports carry it to the web app.
export type { EvaluationReport } from '@pactwatch/domain';

export type FindingsListener = (report: EvaluationReport) => Promise<void>;

/**
 * Recomputes findings. Incremental by default: when the rules are unchanged only incidents whose
 * content changed since their findings were computed are re-evaluated. Each run is one
 * transaction, so a crash leaves the previous findings intact and the next run redoes the work.
 * The engine is kept between runs while the rules are unchanged (a long-running server pays for
 * building it once); a full run streams the store in chunks, so memory stays flat.
 */
export class EvaluationService {
  private cached: { readonly rulesetHash: string; readonly engine: ComplianceEngine } | undefined;
  private readonly listeners: FindingsListener[] = [];

  constructor(private readonly ctx: ServiceContext) {}

  private async engineFor(repos: Repositories, threshold: number): Promise<{ engine: ComplianceEngine; rulesetHash: string }> {
    const [agreementHashes, groupHashes] = await Promise.all([repos.agreements.hashes(), repos.groups.hashes()]);
    const rulesetHash = contentHash({
      engine: ENGINE_VERSION,
      threshold,
      agreements: [...agreementHashes].map(([id, h]) => [id, h.hash]).sort(),
      groups: [...groupHashes].map(([id, h]) => [id, h.hash]).sort(),
    });
    if (this.cached?.rulesetHash === rulesetHash) return { engine: this.cached.engine, rulesetHash };
    const [agreements, groups] = await Promise.all([repos.agreements.listAll(), repos.groups.listAll()]);
    const engine = createComplianceEngine(agreements, groups, { confidenceThreshold: threshold });
    this.cached = { rulesetHash, engine };
    return { engine, rulesetHash };
  }

  /**
   * Whether incidents wait for evaluation. Writes commit before they are evaluated, so a process
   * killed in between leaves stale incidents; callers that skip evaluation when they changed
   * nothing ask this first, so the next run finishes what the killed one left.
   */
  async hasStaleIncidents(): Promise<boolean> {
    return repositories(this.ctx).incidents.anyStale();
  }

  /**
   * Runs `listener` after every evaluation that evaluated something (the alert scan), whichever
   * path asked for it: CLI `load`/`import`/`evaluate`, an edit, a job. It must not throw.
   */
  onFindingsChanged(listener: FindingsListener): void {
    this.listeners.push(listener);
  }

  /** `notify: false` skips the listeners, for a caller that scans itself (`alerts run`). */
  async evaluate(options: { full?: boolean; notify?: boolean } = {}): Promise<EvaluationReport> {
    const started = performance.now();
    const threshold = this.ctx.config.confidenceThreshold;
    const report = await inTransaction(this.ctx, async (repos) => {
      const { engine, rulesetHash } = await this.engineFor(repos, threshold);
      const previous = await repos.meta.get(RULESET_KEY);
      if (options.full === true || previous !== rulesetHash) {
        await repos.findings.deleteAll();
        let incidents = 0;
        let findings = 0;
        let after: string | undefined;
        for (;;) {
          const page = await repos.incidents.page(after, CHUNK);
          if (page.length === 0) break;
          const results = page.flatMap((incident) => engine.evaluateIncident(incident));
          await repos.findings.insert(results);
          incidents += page.length;
          findings += results.length;
          after = page[page.length - 1]?.id;
        }
        await repos.incidents.markEvaluated('all');
        await repos.meta.set(RULESET_KEY, rulesetHash);
        return { mode: 'full' as const, incidentsEvaluated: incidents, findings };
      }
      const stale = await repos.incidents.staleIds();
      let findings = 0;
      for (let start = 0; start < stale.length; start += CHUNK) {
        const ids = stale.slice(start, start + CHUNK);
        const results = (await repos.incidents.list({ ids })).flatMap((incident) => engine.evaluateIncident(incident));
        await repos.findings.replaceForIncidents(ids, results);
        findings += results.length;
      }
      await repos.incidents.markEvaluated(stale);
      return { mode: 'incremental' as const, incidentsEvaluated: stale.length, findings };
    });
    const result = { ...report, durationMs: Math.round((performance.now() - started) * 100) / 100 };
    this.ctx.logger.info({ evaluation: result }, 'findings evaluated');
    if (result.incidentsEvaluated > 0 && options.notify !== false) {
      for (const listener of this.listeners) await listener(result);
    }
    return result;
  }
}
