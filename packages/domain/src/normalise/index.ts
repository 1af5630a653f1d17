export * from './spelling-table.js';
export * from './target-category-spellings.js';
export * from './activity-type-spellings.js';
export * from './country-spellings.js';
export * from './normalisation-notes.js';
