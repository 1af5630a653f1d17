import fc from 'fast-check';

/**
 * Seeded, bounded property runs. PACTWATCH_FC_SEED replays a failing run (fast-check prints the
 * seed and the counterexample path on failure); without it a fixed seed keeps CI deterministic.
 * PACTWATCH_FC_RUNS scales every property's run count (e.g. 10 for a longer local search).
 */
const DEFAULT_SEED = 20_151_125;

function readInteger(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return value;
}

export const PROPERTY_SEED = readInteger('PACTWATCH_FC_SEED') ?? DEFAULT_SEED;
const RUN_SCALE = readInteger('PACTWATCH_FC_RUNS') ?? 1;

/** Parameters for fc.assert: the seed and a bounded number of runs (scaled by PACTWATCH_FC_RUNS). */
export function propertyParams(numRuns: number): fc.Parameters<unknown> {
  return { seed: PROPERTY_SEED, numRuns: Math.max(1, numRuns * RUN_SCALE), endOnFailure: false };
}

/** Runs `work` and returns the thrown value, or undefined when it returned normally. */
export function thrownBy(work: () => unknown): unknown {
  try {
    work();
    return undefined;
  } catch (error) {
    return error;
  }
}
