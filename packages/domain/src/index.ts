export * from './errors/error-catalogue.js';
export * from './errors/pactwatch-error.js';
export * from './countries/country-registry.js';
export * from './dates/uncertain-date.js';
export * from './model/index.js';
export * from './compliance/index.js';
export * from './dataset/dataset-kinds.js';
export * from './contracts/contracts.js';
