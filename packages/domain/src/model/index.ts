export * from './taxonomy.js';
export * from './seed-articles.js';
export * from './common-schemas.js';
export * from './agreement.js';
export * from './incident.js';
export * from './context-records.js';
export * from './group-membership.js';
