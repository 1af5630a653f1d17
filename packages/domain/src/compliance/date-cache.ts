import { parseUncertainDate, toIsoDay, type UncertainDate } from '../dates/uncertain-date.js';

/**
 * EDTF parsing runs a general grammar and is the engine's most expensive step; datasets repeat
 * the same few thousand date strings, so parsed values are memoised (bounded, to stay safe on
 * adversarial input).
 */
const cache = new Map<string, UncertainDate>();
const CACHE_LIMIT = 50_000;

export function cachedDate(edtf: string): UncertainDate {
  const hit = cache.get(edtf);
  if (hit !== undefined) return hit;
  const parsed = parseUncertainDate(edtf);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(edtf, parsed);
  return parsed;
}

export function spanText(from: UncertainDate, to: UncertainDate): string {
  return from.edtf === to.edtf ? from.edtf : `${from.edtf} to ${to.edtf}`;
}

export function day(instant: number): string {
  return toIsoDay(instant);
}
