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

const dayCache = new Map<number, string>();

/** ISO day of an instant, memoised: reasons name the same few dates over and over. */
export function day(instant: number): string {
  const hit = dayCache.get(instant);
  if (hit !== undefined) return hit;
  const text = toIsoDay(instant);
  if (dayCache.size >= CACHE_LIMIT) dayCache.clear();
  dayCache.set(instant, text);
  return text;
}
