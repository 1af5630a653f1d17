/**
 * JSON columns are written only by the repositories from validated domain objects, so reading
 * them back trusts the shape; the cast is confined to this one function.
 */
export function readJson<T>(text: string | null): T | undefined {
  if (text === null) return undefined;
  return JSON.parse(text) as T;
}

export function writeJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}
