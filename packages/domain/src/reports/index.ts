// Names are report-specific so `export *` from the package root cannot collide with other modules.
export * from './report-model.js';
export { buildReport, type ReportInput, type ReportFindingInput } from './report-builder.js';
export { type ReportTrendInput, chartIdOf as reportChartId } from './report-trend-section.js';
export { counterfactualBand, trendRows as reportTrendRows, type CounterfactualInput } from './trend-chart-data.js';
export { renderMarkdown as renderReportMarkdown } from './markdown-renderer.js';
export { renderHtml as renderReportHtml } from './html-renderer.js';
export { canonicalJson as canonicalReportJson } from './canonical-json.js';
