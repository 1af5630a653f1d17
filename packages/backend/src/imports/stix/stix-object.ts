/** A STIX object as parsed: a JSON object whose `type` and `id` passed the structural guard. */
export interface StixObject {
  readonly type: string;
  readonly id: string;
  readonly [property: string]: unknown;
}

export function isJsonObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string property, or undefined when absent or of another type (the schema reports the type). */
export function stringProp(object: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const value = object[key];
  return typeof value === 'string' ? value : undefined;
}

export function stringsProp(object: Readonly<Record<string, unknown>>, key: string): string[] {
  const value = object[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function numberProp(object: Readonly<Record<string, unknown>>, key: string): number | undefined {
  const value = object[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** "intrusion-set 'APT1'": how chains and notes name an object. */
export function describeObject(object: StixObject): string {
  const name = stringProp(object, 'name');
  return name === undefined ? `${object.type} ${object.id}` : `${object.type} '${name}'`;
}

/** Revoked (STIX) or deprecated (ATT&CK): kept raw, never a live record. */
export function retiredReason(object: StixObject): 'revoked' | 'deprecated' | undefined {
  if (object['revoked'] === true) return 'revoked';
  if (object['x_mitre_deprecated'] === true) return 'deprecated';
  return undefined;
}

/** Truncates to `max` characters, marking the cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * JSON text of a parsed value. JSON.parse reads any depth but JSON.stringify recurses, so a
 * hostile object nested thousands of levels deep throws RangeError; that object is reported, not
 * allowed to crash the import.
 */
export function jsonText(value: unknown): { text: string } | { tooDeep: true } {
  try {
    return { text: JSON.stringify(value) ?? 'null' };
  } catch (error) {
    if (error instanceof RangeError) return { tooDeep: true };
    throw error;
  }
}
