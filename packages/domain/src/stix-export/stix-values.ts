import type { JsonObject, JsonValue } from './stix-types.js';

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "attributedBy" → "attributed_by": STIX property names are lower-case ASCII with underscores. */
export function snakeKey(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** "attributed_by" → "attributedBy": the inverse of `snakeKey` for pactwatch's camelCase keys. */
export function camelKey(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * A domain value as a STIX property value: keys snake_cased at every level, and undefined, null
 * and empty lists left out (STIX forbids empty lists; pactwatch's schemas default them back).
 * Returns undefined when nothing is left.
 */
export function toStixValue(value: unknown): JsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value)) {
    const items = value.map(toStixValue).filter((v): v is JsonValue => v !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (isPlainObject(value)) {
    const object = compactObject(Object.fromEntries(Object.entries(value).map(([k, v]) => [snakeKey(k), v])));
    return Object.keys(object).length === 0 ? undefined : object;
  }
  return undefined;
}

/** An object of STIX properties with the empty ones left out, keys kept as given. */
export function compactObject(properties: Readonly<Record<string, unknown>>): JsonObject {
  const out: Record<string, JsonValue> = {};
  for (const [key, raw] of Object.entries(properties)) {
    const value = toStixValue(raw);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** An object of pactwatch fields as STIX properties: keys snake_cased, empty values left out. */
export function snakeObject(properties: Readonly<Record<string, unknown>>): JsonObject {
  return compactObject(Object.fromEntries(Object.entries(properties).map(([k, v]) => [snakeKey(k), v])));
}

/** A STIX property value back in pactwatch's camelCase keys (the reader's half of `toStixValue`). */
export function fromStixValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromStixValue);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [camelKey(k), fromStixValue(v)]));
  return value;
}

export function isStixRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return isPlainObject(value);
}
