import type { TriValue } from './types.js';

/** Kleene conjunction. */
export function triAnd(a: TriValue, b: TriValue): TriValue {
  if (a === 'false' || b === 'false') return 'false';
  if (a === 'unknown' || b === 'unknown') return 'unknown';
  return 'true';
}

/** Kleene disjunction. */
export function triOr(a: TriValue, b: TriValue): TriValue {
  if (a === 'true' || b === 'true') return 'true';
  if (a === 'unknown' || b === 'unknown') return 'unknown';
  return 'false';
}

/** Whether [from, to] (uncertain ends; undefined = unbounded) surely, possibly or never covers [t0, t1]. */
export function coversInterval(
  from: { earliest: number; latest: number } | undefined,
  to: { earliest: number; latest: number } | undefined,
  t0: number,
  t1: number,
): TriValue {
  const fromEarliest = from?.earliest ?? -Infinity;
  const fromLatest = from?.latest ?? -Infinity;
  const toEarliest = to?.earliest ?? Infinity;
  const toLatest = to?.latest ?? Infinity;
  if (fromLatest <= t0 && toEarliest >= t1) return 'true';
  if (fromEarliest > t1 || toLatest < t0) return 'false';
  return 'unknown';
}
