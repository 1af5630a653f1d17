import { PactwatchError, parseUncertainDate, TREND_METHODS, VERDICTS, type CountSeries, type Verdict } from '@pactwatch/domain';
import { TrendCacheRepository } from '../repositories/trend-cache-repository.js';
import { toIncidentFilter, type QueryService } from './query-service.js';
import { repositories, type ServiceContext } from './service-context.js';
import type { TrendReport, TrendService } from './trend-service.js';

/** One sponsor → victim arc of the map. */
export interface DyadSummary {
  readonly sponsor: string;
  readonly victim: string;
  /** Incidents with an attribution to the sponsor and a victim in the victim state. */
  readonly incidents: number;
  /** Incidents with at least one computed `breach` finding for this pair. */
  readonly breach: number;
  /** Incidents with at least one computed `possible-breach` finding for this pair. */
  readonly possibleBreach: number;
}

export interface DyadTrend {
  /** `cache`: the last statistics refresh (see computedAt); `computed`: fitted for this request. */
  readonly source: 'cache' | 'computed';
  readonly computedAt: string;
  readonly report: TrendReport | null;
  /** Why the analysis could not be computed (e.g. too few observations). */
  readonly error: { readonly code: string; readonly message: string } | null;
}

export interface DyadDetail extends DyadSummary {
  /** Incidents per year in this direction (uncertain dates spread); null when there are none. */
  readonly perYear: CountSeries | null;
  /** Findings by computed verdict, as GET /findings?dyad= lists them. */
  readonly verdicts: Readonly<Record<Verdict, number>>;
  /** Agreements whose parties include both states (directly or through a group), each with its trend. */
  readonly agreements: ReadonlyArray<{ readonly id: string; readonly title: string; readonly signed: string; readonly inForce: string | null; readonly trend: DyadTrend }>;
}

export interface DyadQuery {
  /** EDTF bounds: incidents possibly active in [from, to]. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/** Who targets whom: sponsor → victim pairs with incident and verdict counts, and one pair in depth. */
export class DyadService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly query: QueryService,
    private readonly trends: TrendService,
  ) {}

  /** Every pair, most incidents first. */
  async list(query: DyadQuery = {}): Promise<DyadSummary[]> {
    const repos = repositories(this.ctx);
    const filter = toIncidentFilter(query);
    const [counts, verdicts] = await Promise.all([repos.dyads.incidentCounts(filter), repos.dyads.verdictCounts(filter)]);
    const incidentsWith = (sponsor: string, victim: string, verdict: Verdict): number => verdicts.find((v) => v.sponsor === sponsor && v.victim === victim && v.verdict === verdict)?.incidents ?? 0;
    return counts
      .map((c) => ({ ...c, breach: incidentsWith(c.sponsor, c.victim, 'breach'), possibleBreach: incidentsWith(c.sponsor, c.victim, 'possible-breach') }))
      .sort((a, b) => b.incidents - a.incidents || (a.sponsor < b.sponsor ? -1 : a.sponsor > b.sponsor ? 1 : a.victim < b.victim ? -1 : a.victim > b.victim ? 1 : 0));
  }

  async detail(sponsor: string, victim: string, query: DyadQuery = {}): Promise<DyadDetail> {
    const repos = repositories(this.ctx);
    const filter = { ...toIncidentFilter(query), sponsor, victim };
    // Only the start dates: the chart's years come from them (loading every incident of a busy pair
    // in full made this the slowest read in the soak).
    const [counts, verdictRows, starts] = await Promise.all([repos.dyads.incidentCounts(filter), repos.dyads.verdictCounts(filter, { sponsor, victim }), repos.incidents.periodStarts(filter)]);
    const verdicts = Object.fromEntries(VERDICTS.map((v) => [v, verdictRows.find((r) => r.verdict === v)?.findings ?? 0])) as Record<Verdict, number>;
    const incidentsWith = (verdict: Verdict): number => verdictRows.find((r) => r.verdict === verdict)?.incidents ?? 0;
    const agreements = await this.agreementsBetween(sponsor, victim);
    // The chart counts every incident of the pair over the window (as `pactwatch series` does);
    // `starts` holds only those possibly active in the asked window, so re-read when one was asked.
    const pairStarts = query.from === undefined && query.to === undefined ? starts : await repos.incidents.periodStarts({ sponsor, victim });
    return {
      sponsor,
      victim,
      incidents: counts.find((c) => c.sponsor === sponsor && c.victim === victim)?.incidents ?? 0,
      breach: incidentsWith('breach'),
      possibleBreach: incidentsWith('possible-breach'),
      perYear: starts.length === 0 ? null : this.perYear(starts, pairStarts, query),
      verdicts,
      agreements: await Promise.all(agreements.map(async (a) => ({ id: a.id, title: a.shortTitle ?? a.title, signed: a.signed, inForce: a.inForce ?? null, trend: await this.trend(a.id) }))),
    };
  }

  /**
   * The count series of the CLI's `pactwatch series --sponsor S --victim V --by year`, over the
   * asked or the data's years, built from the pair's start dates (not from every incident in full).
   */
  private perYear(starts: readonly string[], pairStarts: readonly string[], query: DyadQuery): CountSeries {
    const years = starts.map((s) => parseUncertainDate(s)).filter((d) => Number.isFinite(d.earliest) && Number.isFinite(d.latest));
    const year = (ms: number): string => String(new Date(ms).getUTCFullYear());
    const from = query.from ?? (years.length === 0 ? '1990' : year(Math.min(...years.map((d) => d.earliest))));
    const to = query.to ?? (years.length === 0 ? year(this.ctx.now().getTime()) : year(Math.max(...years.map((d) => d.latest))));
    return this.trends.startSeries(pairStarts, { by: 'year', from, to, uncertain: 'spread' });
  }

  private async agreementsBetween(a: string, b: string): Promise<Awaited<ReturnType<QueryService['agreements']>>> {
    const [withA, withB] = await Promise.all([this.query.agreements({ party: a }), this.query.agreements({ party: b })]);
    const ids = new Set(withB.map((x) => x.id));
    return withA.filter((x) => ids.has(x.id));
  }

  /** The statistics refresh's cached analysis when there is one, else fitted now (the same default request). */
  private async trend(agreementId: string): Promise<DyadTrend> {
    const cached = await new TrendCacheRepository(this.ctx.db).get(agreementId);
    if (cached !== undefined) return { source: 'cache', computedAt: cached.computedAt, report: cached.report, error: cached.error };
    const computedAt = this.ctx.now().toISOString();
    try {
      return { source: 'computed', computedAt, report: await this.trends.trend({ agreementId, methods: [...TREND_METHODS] }), error: null };
    } catch (error) {
      // Too little data is an answer for a chart ("no trend"), not a failed page; bugs still fail.
      if (!(error instanceof PactwatchError) || error.code === 'INTERNAL') throw error;
      return { source: 'computed', computedAt, report: null, error: { code: error.code, message: error.message } };
    }
  }
}
