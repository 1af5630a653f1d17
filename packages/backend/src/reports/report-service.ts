import { buildReport, canonicalReportJson, renderReportHtml, renderReportMarkdown, type Report } from '@pactwatch/domain';
import type { EvaluationService } from '../services/evaluation-service.js';
import type { QueryService } from '../services/query-service.js';
import type { ServiceContext } from '../services/service-context.js';
import type { TrendService } from '../services/trend-service.js';
import { chromiumMissing, findChromium, printPdf } from './pdf-printer.js';
import { ReportData } from './report-data.js';
import { validateReportRequest, type ReportFormat, type ReportRequest } from './report-request.js';
import { trendChartSvg } from './trend-chart-svg.js';

export interface RenderedReport {
  readonly format: ReportFormat;
  readonly mediaType: string;
  /** Text for md, html and json; bytes for pdf. */
  readonly body: string | Uint8Array;
  readonly report: Report;
}

export interface ReportServiceOptions {
  /** Where Chromium is, for PDF (default: /usr/bin/chromium or `chromium` on PATH). */
  readonly findChromium?: () => string | undefined;
}

const MEDIA_TYPES: Readonly<Record<ReportFormat, string>> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  json: 'application/json',
  pdf: 'application/pdf',
};

/**
 * Compliance reports for an agreement, a sponsor → victim pair or a sponsor state: the model is
 * built in the domain from what the read services return, charts are drawn here as SVG, and the
 * same store and request always give the same bytes (md, html, json).
 */
export class ReportService {
  private readonly data: ReportData;

  constructor(
    ctx: ServiceContext,
    query: QueryService,
    trends: TrendService,
    private readonly evaluation: EvaluationService,
    private readonly options: ReportServiceOptions = {},
  ) {
    this.data = new ReportData(ctx, query, trends);
  }

  /** The report model (the JSON contract). */
  async build(request: ReportRequest): Promise<Report> {
    validateReportRequest(request);
    // Findings are derived data: bring them up to date first, as a scorecard read would expect.
    await this.evaluation.evaluate();
    return buildReport(await this.data.gather(request));
  }

  /** The charts of a report, by chart id, as deterministic SVG. */
  async charts(report: Report): Promise<Record<string, string>> {
    const drawn = report.trends.filter((t) => t.error === null && t.rows.length > 0);
    const charts: Record<string, string> = {};
    // One at a time, in order: ECharts' SSR instances share process-wide counters.
    for (const [i, t] of drawn.entries()) charts[t.chartId] = await trendChartSvg(t, `pw-chart-${i}`);
    return charts;
  }

  async render(request: ReportRequest & { readonly format: ReportFormat }): Promise<RenderedReport> {
    // A missing browser fails at once, before the store is read or anything is drawn.
    const chromium = request.format === 'pdf' ? (this.options.findChromium ?? findChromium)() : undefined;
    if (request.format === 'pdf' && chromium === undefined) throw chromiumMissing();
    const report = await this.build(request);
    const done = (body: string | Uint8Array): RenderedReport => ({ format: request.format, mediaType: MEDIA_TYPES[request.format], body, report });
    if (request.format === 'json') return done(canonicalReportJson(report));
    if (request.format === 'md') return done(renderReportMarkdown(report, await this.charts(report)));
    const html = renderReportHtml(report, await this.charts(report));
    if (request.format === 'html') return done(html);
    return done(await printPdf(html, chromium));
  }
}
