export * from './sponsor-patterns.js';
export * from './state-gazetteer.js';
export * from './prose-sponsor.js';
export * from './stix-sector-categories.js';
