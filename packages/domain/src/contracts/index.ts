export * from './contracts.js';
export * from './draft-contracts.js';
export * from './evaluation-contracts.js';
export * from './import-contracts.js';
export * from './job-contracts.js';
export * from './trend-contracts.js';
export * from './scorecard-contracts.js';
