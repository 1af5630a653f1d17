/** A meta field of the wrong JSON type: the cluster is quarantined naming the field. */
export class MetaFieldError extends Error {
  constructor(readonly field: string, reason: string) {
    super(reason);
  }
}

/** Galaxies write one value as a string and several as a list (cfr-type-of-incident does both). */
export function stringList(meta: Readonly<Record<string, unknown>>, key: string): string[] {
  const value = meta[key];
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v): v is string => typeof v === 'string')) return [...value];
  throw new MetaFieldError(`meta.${key}`, 'expected a string or a list of strings');
}

/** A single value; numbers are read as their text (attribution-confidence is a string in MISP, a number elsewhere). */
export function singleString(meta: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const value = meta[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new MetaFieldError(`meta.${key}`, 'expected a string');
}

/** Distinct values in first-seen order: a repeated source value gets one note, not two. */
export function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}
