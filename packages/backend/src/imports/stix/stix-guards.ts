import { isJsonObject } from './stix-object.js';

export interface GuardProblem {
  readonly field: string;
  readonly reason: string;
}

// Safe (linear) equivalents of the patterns in common/core.json. The official
// `^([a-z][a-z0-9]*)+(-[a-z0-9]+)*\-?$` backtracks exponentially on a near miss such as
// 'a'.repeat(30) + '!', so nothing reaches Ajv unless it already matches these.
const TYPE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*-?$/;
const EXTENSION_KEY = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*-ext$/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;
const EXTENSION_DEFINITION_ID = /^extension-definition--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;
const MAX_TYPE = 250;

const shown = (value: string): string => JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);

/** A type name as core.json defines it: 3–250 characters, lower-case words joined by single hyphens. */
export function typeProblem(type: unknown): string | undefined {
  if (typeof type !== 'string') return 'type must be a string';
  if (type.length < 3 || type.length > MAX_TYPE) return `type must be 3 to ${MAX_TYPE} characters, got ${type.length}`;
  if (!TYPE.test(type)) return `type ${shown(type)} is not a STIX type name (lower-case letters, digits, single hyphens)`;
  if (type === 'action') return 'type "action" is reserved';
  return undefined;
}

/**
 * Checks done before the schemas see an object: an object, a well-formed `type`, an `id` of the
 * form `<type>--<UUID v1–5>`, and well-formed extension keys. Cheap and linear, so hostile input
 * is refused here, quickly, with a plain reason.
 */
export function structuralProblem(value: unknown): GuardProblem | undefined {
  if (!isJsonObject(value)) return { field: '', reason: `a STIX object must be a JSON object, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}` };
  const type = value['type'];
  const badType = typeProblem(type);
  if (badType !== undefined) return { field: '/type', reason: badType };
  const id = value['id'];
  if (typeof id !== 'string') return { field: '/id', reason: 'id must be a string' };
  const prefix = `${String(type)}--`;
  if (!id.startsWith(prefix) || !UUID.test(id.slice(prefix.length))) return { field: '/id', reason: `id ${shown(id)} must be "${prefix}" followed by a UUID (versions 1–5)` };
  const extensions = value['extensions'];
  if (isJsonObject(extensions)) {
    for (const key of Object.keys(extensions)) {
      if (key.length > MAX_TYPE || !(EXTENSION_KEY.test(key) || EXTENSION_DEFINITION_ID.test(key))) return { field: '/extensions', reason: `extension key ${shown(key)} is neither "<name>-ext" nor an extension-definition id` };
    }
  }
  return undefined;
}

/** The id a problem report can use for a unit whose `id` failed the guard (or undefined). */
export function usableId(value: unknown): string | undefined {
  if (!isJsonObject(value)) return undefined;
  const id = value['id'];
  return typeof id === 'string' && id.length <= 300 ? id : undefined;
}
