import {
  buildScorecard,
  evaluateAllCooperation,
  PactwatchError,
  TREND_METHODS,
  type Agreement,
  type ReportExclusion,
  type ReportFindingInput,
  type ReportInput,
  type ReportLoad,
  type ReportScope,
  type ReportTrendInput,
  type VerdictOverride,
} from '@pactwatch/domain';
import { ENGINE_VERSION } from '../services/evaluation-service.js';
import type { QueryService } from '../services/query-service.js';
import { repositories, type ServiceContext } from '../services/service-context.js';
import type { TrendService } from '../services/trend-service.js';
import type { ReportRequest } from './report-request.js';

// The evaluation service's meta key for the hash of the rules its findings were computed with.
const RULESET_KEY = 'evaluation.ruleset_hash';

/** Which findings a scope keeps: by the sponsor → victim pair the verdict rests on. */
function inScope(scope: ReportScope, finding: ReportFindingInput): boolean {
  if (scope.kind === 'agreement') return finding.agreementId === scope.agreementId;
  if (scope.kind === 'dyad') return finding.dyad.sponsor === scope.sponsor && finding.dyad.victim === scope.victim;
  return finding.dyad.sponsor === scope.state;
}

/** Gathers a report's inputs through the read services; everything it leaves out is listed with its reason. */
export class ReportData {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly query: QueryService,
    private readonly trends: TrendService,
  ) {}

  private async agreements(scope: ReportScope): Promise<Agreement[]> {
    if (scope.kind === 'agreement') return [await this.query.agreement(scope.agreementId)];
    if (scope.kind === 'state') return this.query.agreements({ party: scope.state });
    const [withSponsor, withVictim] = await Promise.all([this.query.agreements({ party: scope.sponsor }), this.query.agreements({ party: scope.victim })]);
    const both = new Set(withVictim.map((a) => a.id));
    return withSponsor.filter((a) => both.has(a.id));
  }

  private async trend(agreement: Agreement): Promise<ReportTrendInput> {
    const title = agreement.shortTitle ?? agreement.title;
    try {
      return { agreementId: agreement.id, title, report: await this.trends.trend({ agreementId: agreement.id, methods: [...TREND_METHODS] }), error: null };
    } catch (error) {
      // Too little data is an answer for a report ("not computable"), not a failed report; bugs still fail.
      if (!(error instanceof PactwatchError) || error.code === 'INTERNAL') throw error;
      return { agreementId: agreement.id, title, report: null, error: { code: error.code, message: error.message } };
    }
  }

  private async loads(): Promise<ReportLoad[]> {
    const repos = repositories(this.ctx);
    const batches = await Promise.all(['dataset', 'import'].map((kind) => repos.batches.latestBatch(kind).then((b) => (b === undefined ? [] : [{ kind, ...b }]))));
    return batches.flat().map((b) => ({ kind: b.kind, source: b.source, status: b.status, read: b.read, stored: b.stored, quarantined: b.quarantined }));
  }

  async gather(request: ReportRequest): Promise<ReportInput> {
    const { scope } = request;
    const agreements = await this.agreements(scope);
    const ids = new Set(agreements.map((a) => a.id));
    const all = scope.kind === 'agreement' ? await this.query.findings({ agreementId: scope.agreementId }) : (await this.query.findings()).filter((f) => ids.has(f.agreementId));
    const scoped = all.filter((f) => inScope(scope, f));
    const excluded: ReportExclusion[] = [];
    let findings: ReportFindingInput[] = scoped;
    if (request.from !== undefined || request.to !== undefined) {
      const candidates = [...new Set(scoped.map((f) => f.incidentId))];
      const inPeriod = new Set((await this.query.incidents({ from: request.from, to: request.to })).map((i) => i.id));
      const outside = candidates.filter((id) => !inPeriod.has(id)).sort();
      findings = scoped.filter((f) => inPeriod.has(f.incidentId));
      if (outside.length > 0) excluded.push({ what: 'incidents outside the asked dates', count: outside.length, reason: `their dates cannot overlap ${request.from ?? '…'} to ${request.to ?? '…'} (--from/--to)`, ids: outside });
    }
    const repos = repositories(this.ctx);
    const incidentIds = [...new Set(findings.map((f) => f.incidentId))];
    const incidents = incidentIds.length === 0 ? [] : await repos.incidents.list({ ids: incidentIds });
    const overrides = findings.flatMap((f): VerdictOverride[] => (f.override === undefined ? [] : [f.override]));
    // Cooperation depends on the day it is judged: only with an explicit as-of, so reports stay reproducible.
    const cooperation = request.asOf === undefined ? null : evaluateAllCooperation(agreements, await repos.contextEvents.listAll(), Date.parse(`${request.asOf}T23:59:59.999Z`));
    // One trend at a time: each brings the findings up to date in its own write transaction first.
    const trends: ReportTrendInput[] = [];
    for (const agreement of agreements) trends.push(await this.trend(agreement));
    const [rulesetHash, loads] = await Promise.all([repos.meta.get(RULESET_KEY), this.loads()]);
    return {
      scope,
      from: request.from,
      to: request.to,
      asOf: request.asOf,
      agreements,
      scorecards: agreements.map((a) => buildScorecard(a, findings, overrides, cooperation ?? [])),
      cooperation,
      findings,
      incidents,
      trends,
      provenance: { confidenceThreshold: this.ctx.config.confidenceThreshold, engineVersion: ENGINE_VERSION, rulesetHash: rulesetHash ?? null, loads },
      excluded,
    };
  }
}
