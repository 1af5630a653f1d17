export * from './types.js';
export * from './rules.js';
export * from './tri.js';
export * from './engine.js';
export * from './cooperation.js';
export * from './scorecard.js';
export { prepareIncident, type PreparedCommitment, type Window } from './prepared.js';
