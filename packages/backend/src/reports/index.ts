export { ReportService, type RenderedReport, type ReportServiceOptions } from './report-service.js';
export { REPORT_FORMATS, parseDyad, validateReportRequest, type ReportFormat, type ReportRequest } from './report-request.js';
export { findChromium } from './pdf-printer.js';
export { normaliseSvg, trendChartSvg } from './trend-chart-svg.js';
