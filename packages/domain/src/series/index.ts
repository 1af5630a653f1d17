export * from './periods.js';
export * from './count-series.js';
export * from './trend-analysis.js';
export * from './trend-verdict.js';
export * from './series-filter.js';
