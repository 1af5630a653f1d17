import {
  analyseTrend,
  buildCountSeries,
  hasVerdict,
  matchesSeriesFilter,
  parseUncertainDate,
  PactwatchError,
  withinScopeIgnoringTiming,
  type CountSeries,
  type DatedItem,
  type Granularity,
  type SeriesFilter,
  type TrendReport,
  type TrendRequest,
  type Verdict,
} from '@pactwatch/domain';
import type { EvaluationService } from './evaluation-service.js';
import { repositories, type ServiceContext } from './service-context.js';

export interface SeriesRequest extends SeriesFilter {
  readonly by: Granularity;
  /** EDTF or ISO dates bounding the series. */
  readonly from: string;
  readonly to: string;
  readonly dateBy: 'start' | 'disclosure';
  readonly uncertain: 'spread' | 'exclude';
  /** Only incidents with a finding for this agreement… */
  readonly agreementId?: string;
  /** …whose verdict is one of these, */
  readonly verdicts?: readonly Verdict[];
  /** …or that fall within its scope whatever their date (no scope check false). */
  readonly inScope?: boolean;
  /** The data's coverage: outside it periods have no data, not zero events. */
  readonly coverageFrom?: string;
  readonly coverageTo?: string;
}

// The trend's shapes are domain contracts: the web app reads the report this service makes.
export type { TrendReport, TrendRequest } from '@pactwatch/domain';

const YEAR_MS = 365.25 * 86_400_000;

/** What shapes a series, whichever incidents feed it. */
export type SeriesWindow = Pick<SeriesRequest, 'by' | 'from' | 'to' | 'uncertain' | 'coverageFrom' | 'coverageTo'>;

function countSeriesOf(items: readonly DatedItem[], window: SeriesWindow): CountSeries {
  return buildCountSeries(items, {
    granularity: window.by,
    from: parseUncertainDate(window.from).earliest,
    to: parseUncertainDate(window.to).latest,
    uncertain: window.uncertain,
    coverage: {
      ...(window.coverageFrom === undefined ? {} : { from: parseUncertainDate(window.coverageFrom).earliest }),
      // Coverage ends are inclusive days; the series works on half-open intervals.
      ...(window.coverageTo === undefined ? {} : { to: parseUncertainDate(window.coverageTo).latest + 1 }),
    },
  });
}

/** Count series from the store, and the trend statistics of an agreement's scope. */
export class TrendService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly evaluation: EvaluationService,
  ) {}

  async series(request: SeriesRequest): Promise<CountSeries> {
    const repos = repositories(this.ctx);
    let incidents = await repos.incidents.list(request.sponsors?.length === 1 ? { sponsor: request.sponsors[0] } : {});
    incidents = incidents.filter((i) => matchesSeriesFilter(i, request));
    if (request.agreementId !== undefined) {
      if ((await repos.agreements.get(request.agreementId)) === undefined) throw new PactwatchError('NOT_FOUND', `no agreement "${request.agreementId}"`);
      await this.evaluation.evaluate();
      const findings = await repos.findings.list({ agreementId: request.agreementId });
      const keep = new Set(
        findings
          .filter((f) => (request.verdicts === undefined || hasVerdict(f, request.verdicts)) && (request.inScope !== true || withinScopeIgnoringTiming(f)))
          .map((f) => f.incidentId),
      );
      incidents = incidents.filter((i) => keep.has(i.id));
    }
    const items = incidents.map((i) => ({
      id: i.id,
      date: request.dateBy === 'disclosure' ? (i.disclosed === undefined ? undefined : parseUncertainDate(i.disclosed)) : parseUncertainDate(i.period.start),
    }));
    return countSeriesOf(items, request);
  }

  /**
   * The series of `series()` for incidents a caller already selected in SQL, from their start
   * dates alone (the dyad page: loading each incident in full to read one date made it the
   * slowest read as the store grew).
   */
  startSeries(starts: readonly string[], window: SeriesWindow): CountSeries {
    return countSeriesOf(starts.map((start, i) => ({ id: String(i), date: parseUncertainDate(start) })), window);
  }

  /**
   * The agreement's trend: incidents within its scope (whatever their date) by period, around the
   * date it took effect (default three years each side, and never past today, which is not data).
   */
  async trend(request: TrendRequest): Promise<TrendReport> {
    const repos = repositories(this.ctx);
    const agreement = await repos.agreements.get(request.agreementId);
    if (agreement === undefined) throw new PactwatchError('NOT_FOUND', `no agreement "${request.agreementId}"; list them with \`pactwatch agreements\``);
    const effective = parseUncertainDate(agreement.inForce ?? agreement.signed);
    const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
    const from = request.from ?? day(effective.earliest - 3 * YEAR_MS);
    const to = request.to ?? day(effective.earliest + 3 * YEAR_MS);
    const by = request.by ?? 'month';
    const series = await this.series({
      by,
      from,
      to,
      dateBy: request.dateBy ?? 'start',
      uncertain: request.uncertain ?? 'spread',
      agreementId: agreement.id,
      inScope: true,
      ...(request.minConfidence === undefined ? {} : { minConfidence: request.minConfidence }),
      coverageTo: day(this.ctx.now().getTime()),
    });
    const events = (await repos.contextEvents.listAll()).map((e) => ({ id: e.id, date: day(parseUncertainDate(e.date).earliest), label: e.title }));
    events.push({ id: agreement.id, date: day(effective.earliest), label: `${agreement.shortTitle ?? agreement.title} takes effect` });
    const analysis = analyseTrend(series, {
      methods: request.methods,
      breakAt: effective.earliest,
      ...(request.family === undefined ? {} : { family: request.family }),
      ...(request.slopeChange === undefined ? {} : { slopeChange: request.slopeChange }),
      events,
    });
    return { agreement: { id: agreement.id, title: agreement.shortTitle ?? agreement.title, effective: agreement.inForce ?? agreement.signed }, request: { ...request, from, to, by }, series, analysis };
  }
}
