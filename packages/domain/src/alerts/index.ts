export * from './alert-rule.js';
export * from './alert-match.js';
export * from './alert-payload.js';
export * from './dyad-changepoints.js';
