import {
  dyadChangepoints,
  matchChangepoint,
  matchFinding,
  matchIncident,
  parseUncertainDate,
  type AlertMatch,
  type AlertRuleDefinition,
  type ChangepointAlertRule,
  type FindingAlertRule,
  type IncidentAlertRule,
} from '@pactwatch/domain';
import { repositories, type ServiceContext } from '../services/service-context.js';
import type { TrendService } from '../services/trend-service.js';
import type { AlertRepository } from './alert-repository.js';

/** The rule's matches not yet stored for it, and anything the scan could not look at, with why. */
export interface RuleScan {
  readonly matches: readonly AlertMatch[];
  readonly note: string | null;
}

/**
 * Finds what a rule matches in the store now that is not yet stored for it (`ruleId`; a rule not
 * stored yet has nothing stored). The SQL narrows to unseen candidates; the domain's matchers decide.
 */
export class AlertScanner {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly trends: TrendService,
    private readonly alerts: AlertRepository,
  ) {}

  async scan(ruleId: string, rule: AlertRuleDefinition): Promise<RuleScan> {
    switch (rule.kind) {
      case 'finding':
        return this.findings(ruleId, rule);
      case 'incident':
        return this.incidents(ruleId, rule);
      case 'changepoint':
        return this.changepoints(rule, await this.alerts.knownSubjects(ruleId));
    }
  }

  private async findings(ruleId: string, rule: FindingAlertRule): Promise<RuleScan> {
    const findings = await this.alerts.unseenFindings(ruleId, rule);
    if (findings.length === 0) return { matches: [], note: null };
    // The incidents only for the evidence (attribution basis, confidence, sources) of new matches.
    const incidents = new Map((await repositories(this.ctx).incidents.list({ ids: [...new Set(findings.map((f) => f.incidentId))] })).map((i) => [i.id, i]));
    const matches = findings.flatMap((f) => {
      const match = matchFinding(rule, f, incidents.get(f.incidentId));
      return match === undefined ? [] : [match];
    });
    return { matches, note: null };
  }

  private async incidents(ruleId: string, rule: IncidentAlertRule): Promise<RuleScan> {
    const ids = await this.alerts.unseenIncidentIds(ruleId, { sponsor: rule.sponsor, victim: rule.victim, minConfidence: rule.minConfidence ?? 0 });
    if (ids.length === 0) return { matches: [], note: null };
    const incidents = await repositories(this.ctx).incidents.list({ ids });
    const matches = incidents.flatMap((i) => {
      const match = matchIncident(rule, i);
      return match === undefined ? [] : [match];
    });
    return { matches, note: null };
  }

  /** The dyad's yearly series over the years its incidents span (as the dashboard's dyad page draws it). */
  private async changepoints(rule: ChangepointAlertRule, known: ReadonlySet<string>): Promise<RuleScan> {
    const incidents = await repositories(this.ctx).incidents.list({ sponsor: rule.sponsor, victim: rule.victim });
    const dates = incidents.map((i) => parseUncertainDate(i.period.start)).filter((d) => Number.isFinite(d.earliest) && Number.isFinite(d.latest));
    if (dates.length === 0) return { matches: [], note: `no dated incident ${rule.sponsor}→${rule.victim} yet` };
    const year = (ms: number): string => String(new Date(ms).getUTCFullYear());
    const series = await this.trends.series({
      by: 'year',
      from: year(Math.min(...dates.map((d) => d.earliest))),
      to: year(Math.max(...dates.map((d) => d.latest))),
      dateBy: 'start',
      uncertain: 'spread',
      sponsors: [rule.sponsor],
      victims: [rule.victim],
    });
    const found = dyadChangepoints(series, rule.sponsor, rule.victim);
    const matches = found.changepoints.flatMap((cp) => {
      const match = matchChangepoint(rule, cp);
      return match === undefined || known.has(match.subjectKey) ? [] : [match];
    });
    return { matches, note: found.note };
  }
}
