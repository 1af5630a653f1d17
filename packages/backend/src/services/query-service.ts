import {
  buildScorecard,
  evaluateAllCooperation,
  PactwatchError,
  parseUncertainDate,
  type Actor,
  type Agreement,
  type ContextEvent,
  type CooperationFinding,
  type Finding,
  type Group,
  type Incident,
  type Scorecard,
  type Verdict,
  type VerdictOverride,
} from '@pactwatch/domain';
import type { FindingFilter, IncidentFilter } from '../repositories/index.js';
import { repositories, type ServiceContext } from './service-context.js';

export interface AgreementFilter {
  /** A state that is a party, directly or through a group it ever belonged to. */
  readonly party?: string | undefined;
  /** EDTF bounds on the date the agreement took effect. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  /** Agreements with a commitment covering this activity type. */
  readonly activity?: string | undefined;
  /** Text in the id, title, short title or summary, ignoring case. */
  readonly q?: string | undefined;
}

export interface IncidentQuery {
  readonly party?: string | undefined;
  readonly sponsor?: string | undefined;
  readonly victim?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly activity?: string | undefined;
  /** Text in the id, title or summary, ignoring case. */
  readonly q?: string | undefined;
  /** The best attribution is at least this confident (0–100). */
  readonly minConfidence?: number | undefined;
  /** Incidents with a finding for this agreement and/or with this computed verdict. */
  readonly agreement?: string | undefined;
  readonly verdict?: string | undefined;
}

/** EDTF bounds become instants: an incident matches if it may overlap the asked period. */
export function toIncidentFilter(query: IncidentQuery): IncidentFilter {
  return {
    party: query.party,
    sponsor: query.sponsor,
    victim: query.victim,
    activity: query.activity,
    q: query.q,
    minConfidence: query.minConfidence,
    agreementId: query.agreement,
    verdict: query.verdict,
    from: query.from === undefined ? undefined : parseUncertainDate(query.from).earliest,
    to: query.to === undefined ? undefined : parseUncertainDate(query.to).latest,
  };
}

export type FindingWithOverride = Finding & { readonly override?: VerdictOverride };

/** Read side: lists with filters, findings with their overrides, scorecards. */
export class QueryService {
  constructor(private readonly ctx: ServiceContext) {}

  async agreements(filter: AgreementFilter = {}): Promise<Agreement[]> {
    const repos = repositories(this.ctx);
    const [agreements, groups] = await Promise.all([repos.agreements.listAll(), repos.groups.listAll()]);
    const membersOf = new Map(groups.map((g) => [g.id, new Set(g.members.map((m) => m.state))]));
    const from = filter.from === undefined ? undefined : parseUncertainDate(filter.from).earliest;
    const to = filter.to === undefined ? undefined : parseUncertainDate(filter.to).latest;
    const needle = filter.q?.trim().toLowerCase() || undefined;
    return agreements.filter((a) => {
      if (filter.party !== undefined) {
        const party = filter.party;
        const bound = a.parties.some((p) => ('state' in p ? p.state === party : (membersOf.get(p.group)?.has(party) ?? false)));
        if (!bound) return false;
      }
      const effective = parseUncertainDate(a.inForce ?? a.signed);
      if (from !== undefined && effective.latest < from) return false;
      if (to !== undefined && effective.earliest > to) return false;
      if (needle !== undefined && ![a.id, a.title, a.shortTitle ?? '', a.summary].some((text) => text.toLowerCase().includes(needle))) return false;
      if (filter.activity !== undefined && !a.commitments.some((c) => (c.scope?.activities as readonly string[] | undefined)?.includes(filter.activity ?? '') === true)) return false;
      return true;
    });
  }

  async agreement(id: string): Promise<Agreement> {
    const agreement = await repositories(this.ctx).agreements.get(id);
    if (agreement === undefined) throw new PactwatchError('NOT_FOUND', `no agreement "${id}"; list them with \`pactwatch agreements\``);
    return agreement;
  }

  async incidents(query: IncidentQuery = {}): Promise<Incident[]> {
    return repositories(this.ctx).incidents.list(toIncidentFilter(query));
  }

  async incident(id: string): Promise<Incident> {
    const incident = await repositories(this.ctx).incidents.get(id);
    if (incident === undefined) throw new PactwatchError('NOT_FOUND', `no incident "${id}"; list them with \`pactwatch incidents\``);
    return incident;
  }

  async findings(filter: FindingFilter = {}): Promise<FindingWithOverride[]> {
    const repos = repositories(this.ctx);
    if (filter.agreementId !== undefined && (await repos.agreements.get(filter.agreementId)) === undefined) {
      throw new PactwatchError('NOT_FOUND', `no agreement "${filter.agreementId}"; list them with \`pactwatch agreements\``);
    }
    if (filter.incidentId !== undefined && (await repos.incidents.get(filter.incidentId)) === undefined) {
      throw new PactwatchError('NOT_FOUND', `no incident "${filter.incidentId}"; list them with \`pactwatch incidents\``);
    }
    const [findings, overrides] = await Promise.all([repos.findings.list(filter), repos.findings.listOverrides(filter)]);
    const byKey = new Map(overrides.map((o) => [`${o.commitmentId}|${o.incidentId}`, o] as const));
    return findings.map((f) => {
      const override = byKey.get(`${f.commitmentId}|${f.incidentId}`);
      return override === undefined ? f : { ...f, override };
    });
  }

  /** Scorecards as of an instant (cooperation commitments are judged against events up to it). */
  async scorecards(options: { agreementId?: string; asOf?: Date } = {}): Promise<Scorecard[]> {
    const repos = repositories(this.ctx);
    const agreements = options.agreementId === undefined ? await repos.agreements.listAll() : [await this.agreement(options.agreementId)];
    const [findings, overrides, events] = await Promise.all([
      repos.findings.listForScorecards(options.agreementId === undefined ? {} : { agreementId: options.agreementId }),
      repos.findings.listOverrides(options.agreementId === undefined ? {} : { agreementId: options.agreementId }),
      repos.contextEvents.listAll(),
    ]);
    const asOf = (options.asOf ?? this.ctx.now()).getTime();
    const cooperation: CooperationFinding[] = evaluateAllCooperation(agreements, events, asOf);
    return agreements.map((a) => buildScorecard(a, findings, overrides, cooperation));
  }

  async contextEvents(): Promise<Awaited<ReturnType<ReturnType<typeof repositories>['contextEvents']['listAll']>>> {
    return repositories(this.ctx).contextEvents.listAll();
  }

  async quarantine(): Promise<Awaited<ReturnType<ReturnType<typeof repositories>['batches']['latestQuarantine']>>> {
    return repositories(this.ctx).batches.latestQuarantine();
  }

  async quarantineEntry(id: number): Promise<Awaited<ReturnType<ReturnType<typeof repositories>['batches']['latestQuarantine']>>[number]> {
    const entry = await repositories(this.ctx).batches.quarantineEntry(id);
    if (entry === undefined) throw new PactwatchError('NOT_FOUND', `no quarantined record #${id}; list them with \`pactwatch quarantine list\``);
    return entry;
  }

  async groups(): Promise<Group[]> {
    return repositories(this.ctx).groups.listAll();
  }

  async isInitialised(): Promise<boolean> {
    return (await repositories(this.ctx).batches.latestBatch('dataset')) !== undefined;
  }
  async group(id: string): Promise<Group> {
    const group = (await this.groups()).find((g) => g.id === id);
    if (group === undefined) throw new PactwatchError('NOT_FOUND', `no group "${id}"; list them with \`pactwatch groups\``);
    return group;
  }

  async actors(): Promise<Actor[]> {
    return repositories(this.ctx).actors.listAll();
  }

  async actor(id: string): Promise<Actor> {
    const actor = (await this.actors()).find((a) => a.id === id);
    if (actor === undefined) throw new PactwatchError('NOT_FOUND', `no actor "${id}"`);
    return actor;
  }

  async contextEvent(id: string): Promise<ContextEvent> {
    const event = (await this.contextEvents()).find((e) => e.id === id);
    if (event === undefined) throw new PactwatchError('NOT_FOUND', `no context event "${id}"`);
    return event;
  }
}

export type { Verdict };
