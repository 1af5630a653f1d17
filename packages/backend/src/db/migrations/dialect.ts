// Migrations import the dialect decisions from here; they are made once, in db/dialect.ts.
export { isPostgres, textType } from '../dialect.js';
