import { appendFileSync } from 'node:fs';
import { ERROR_CATALOGUE, formatProblem, PactwatchError } from '@pactwatch/domain';
import type { Db } from '@pactwatch/backend';
import { sql } from 'kysely';
import { mutate, type Mutator } from './mutators.js';
import { createRng, type Rng } from './prng.js';

/** What a target reports for one accepted input: the reconciliation the harness checks. */
export interface Reconciliation {
  readonly read: number;
  readonly accounted: number;
  readonly quarantined: number;
  /** One reason per quarantined unit (each must be non-empty). */
  readonly reasons: readonly string[];
  /** Rows the run should have added to the audit log (undefined: not checked). */
  readonly auditEntries?: number;
  /** Short outcome label for the tally ("stored", "quarantined", "unchanged", "parsed"). */
  readonly label: string;
}

export interface FuzzTarget {
  readonly name: string;
  readonly seeds: readonly Buffer[];
  readonly mutators: readonly Mutator[];
  /** Optional structured mutation (e.g. rezipping an XLSX after mutating one entry). */
  readonly mutate?: (seed: Buffer, rng: Rng) => Buffer;
  /** The file name the input is given; errors must name it (or `source` when given). */
  readonly fileName: string;
  readonly source?: string;
  /** The store the target writes to, for the no-partial-write check (none for pure parsers). */
  readonly db?: Db;
  run(input: Buffer, fileName: string): Promise<Reconciliation>;
}

export interface FuzzOptions {
  readonly count: number;
  readonly seed: number;
  /** A hang: an input still running after this long fails (generous: the machine is shared). */
  readonly capMs: number;
}

export interface FuzzSummary {
  readonly target: string;
  readonly tried: number;
  readonly outcomes: Readonly<Record<string, number>>;
  readonly failures: readonly string[];
  /** The slowest input, for the record (never asserted: the cap is the only time limit). */
  readonly slowest: { readonly name: string; readonly ms: number };
}

/** Codes that mean "the input was refused"; INTERNAL or a database error on input is a bug. */
const BUG_CODES = new Set<string>(['INTERNAL', 'DATABASE_ERROR', 'DATABASE_TOO_NEW', 'CONFIG_INVALID']);

class Deadline extends Error {}

async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Deadline(`still running after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

let cachedTables: WeakMap<Db, string[]> = new WeakMap();

/** Row counts of every table: an import refused with an error must leave them all unchanged. */
export async function snapshotStore(db: Db): Promise<string> {
  let tables = cachedTables.get(db);
  if (tables === undefined) {
    tables = (await db.introspection.getTables()).map((t) => t.name).filter((n) => !n.startsWith('kysely_')).sort();
    cachedTables.set(db, tables);
  }
  const counts: string[] = [];
  for (const table of tables) {
    const result = await sql<{ n: string | number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    counts.push(`${table}=${String(result.rows[0]?.n ?? '?')}`);
  }
  return counts.join(' ');
}

export async function auditCount(db: Db): Promise<number> {
  const result = await sql<{ n: string | number }>`select count(*) as n from audit_log`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

export function resetTableCache(): void {
  cachedTables = new WeakMap();
}

const preview = (input: Buffer): string => JSON.stringify(input.subarray(0, 120).toString('latin1'));

/** Checks one outcome; returns the failure text or the outcome label. */
function judgeError(error: unknown, names: string): { label: string } | { failure: string } {
  if (error instanceof Deadline) return { failure: `hang: ${error.message}` };
  if (!(error instanceof PactwatchError)) {
    const text = error instanceof Error ? `${error.name}: ${error.message.slice(0, 300)}` : String(error).slice(0, 300);
    return { failure: `threw a non-PactwatchError: ${text}` };
  }
  if (!(error.code in ERROR_CATALOGUE) || BUG_CODES.has(error.code)) return { failure: `error code ${error.code}: ${error.message.slice(0, 300)}` };
  const located = error.message.includes(names) || error.problems.some((p) => formatProblem(p).includes(names));
  if (!located) return { failure: `${error.code} does not name ${names}: ${error.message.slice(0, 300)}` };
  if (/\n\s+at /.test(error.message)) return { failure: `${error.code} message holds a stack trace` };
  return { label: `error:${error.code}` };
}

function judgeReport(report: Reconciliation): string | undefined {
  if (report.read !== report.accounted) return `counts do not reconcile: read ${report.read}, accounted ${report.accounted}`;
  if (report.reasons.length < report.quarantined) return `${report.quarantined} quarantined but ${report.reasons.length} reasons`;
  if (report.reasons.some((r) => r.trim() === '')) return 'a quarantined unit has no reason';
  return undefined;
}

/** Runs `count` mutated inputs (plus the seeds themselves) through a target. */
export async function fuzzTarget(target: FuzzTarget, options: FuzzOptions, fixed: ReadonlyArray<{ name: string; input: Buffer }> = []): Promise<FuzzSummary> {
  const rng = createRng(options.seed);
  const outcomes: Record<string, number> = {};
  const failures: string[] = [];
  let slowest = { name: '', ms: 0 };
  const inputs: Array<{ name: string; make: () => Buffer }> = [
    ...target.seeds.map((s, i) => ({ name: `seed ${i}`, make: () => s })),
    ...fixed.map((f) => ({ name: f.name, make: () => f.input })),
  ];
  for (let n = 0; n < options.count; n += 1) {
    inputs.push({
      name: `mutant ${n}`,
      make: () => {
        const seed = rng.pick(target.seeds);
        return target.mutate !== undefined && rng.chance(0.7) ? target.mutate(seed, rng) : mutate(seed, target.mutators, rng);
      },
    });
  }
  for (const { name, make } of inputs) {
    const input = make();
    const where = `${target.name} ${name} (seed ${options.seed})`;
    const before = target.db === undefined ? undefined : await snapshotStore(target.db);
    const auditBefore = target.db === undefined ? 0 : await auditCount(target.db);
    const started = Date.now();
    let label: string;
    let failure: string | undefined;
    let refused = false;
    try {
      const report = await withDeadline(target.run(input, target.fileName), options.capMs);
      failure = judgeReport(report);
      label = report.label;
      if (failure === undefined && report.auditEntries !== undefined && target.db !== undefined) {
        const added = (await auditCount(target.db)) - auditBefore;
        if (added !== report.auditEntries) failure = `audit log grew by ${added}, expected ${report.auditEntries}`;
      }
    } catch (error) {
      refused = true;
      const judged = judgeError(error, target.source ?? target.fileName);
      label = 'label' in judged ? judged.label : 'failure';
      if ('failure' in judged) failure = judged.failure;
    }
    const elapsed = Date.now() - started;
    if (elapsed > slowest.ms) slowest = { name, ms: elapsed };
    // A synchronous hang cannot be raced: it is caught here, after the fact, by the same cap.
    if (failure === undefined && elapsed > options.capMs) failure = `took ${elapsed} ms (over the ${options.capMs} ms cap)`;
    if (failure === undefined && refused && before !== undefined && target.db !== undefined) {
      const after = await snapshotStore(target.db);
      if (after !== before) failure = `partial write after an error: before ${before}; after ${after}`;
    }
    outcomes[label] = (outcomes[label] ?? 0) + 1;
    if (failure !== undefined) failures.push(`${where}: ${failure} — input ${input.length} bytes starting ${preview(input)}`);
  }
  return { target: target.name, tried: inputs.length, outcomes, failures, slowest };
}

/** Inputs per target: small in CI, raised by `npm run fuzz` (PACTWATCH_FUZZ_COUNT). */
export function fuzzOptions(defaultCount: number): FuzzOptions {
  const count = Number(process.env['PACTWATCH_FUZZ_COUNT'] ?? defaultCount);
  const seed = Number(process.env['PACTWATCH_FUZZ_SEED'] ?? 20_261_205);
  // CI runs on a loaded machine: a minute per input is a hang, not a slow run. The script passes 20 s.
  const capMs = Number(process.env['PACTWATCH_FUZZ_CAP_MS'] ?? 60_000);
  return { count, seed, capMs };
}

/** `npm run fuzz` collects the summaries from the file it names (one JSON line per target). */
export function recordSummary(summary: FuzzSummary): void {
  const file = process.env['PACTWATCH_FUZZ_REPORT'];
  if (file !== undefined && file !== '') appendFileSync(file, `${JSON.stringify({ ...summary, failures: summary.failures.slice(0, 20), failureCount: summary.failures.length })}\n`);
}
