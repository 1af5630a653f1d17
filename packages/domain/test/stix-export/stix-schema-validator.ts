import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

/**
 * Validates exported objects against the OASIS STIX 2.1 JSON Schemas, read in place (never
 * copied into the repository). Each object is checked against its own type's schema, custom
 * objects against `common/core.json`, and the bundle wrapper by hand: `common/bundle.json` wrongly
 * rejects bundles holding incidents, notes, locations or custom objects (/work/shared/data/SOURCES.md).
 */
export const STIX_SCHEMAS_DIR = process.env['PACTWATCH_STIX_SCHEMAS'] ?? '/work/shared/data/stix2-json-schemas/schemas';
export const haveStixSchemas = existsSync(join(STIX_SCHEMAS_DIR, 'common', 'core.json'));

// RFC 3986 URI: a scheme, then only characters of the URI grammar (percent escapes well formed).
const RFC3986_URI = /^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;

export interface StixValidator {
  /** Schema errors of one object ("" when valid), as `path message` lines. */
  errors(object: unknown): string;
  /** Errors of a bundle: its wrapper, every object, and references to objects it lacks. */
  bundleErrors(bundle: unknown): string[];
}

export function stixValidator(): StixValidator {
  const ajv = new Ajv2020({ allErrors: true, unicodeRegExp: false, strictTypes: false });
  ajv.addFormat('uri', RFC3986_URI);
  ajv.addFormat('email', /^[^\s@]+@[^\s@]+$/);
  ajv.addFormat('idn-hostname', /^[^\s.]+(?:\.[^\s.]+)*$/u);
  const byName = new Map<string, ValidateFunction>();
  for (const folder of ['common', 'sdos', 'sros', 'observables']) {
    for (const file of readdirSync(join(STIX_SCHEMAS_DIR, folder)).filter((f) => f.endsWith('.json'))) {
      ajv.addSchema(JSON.parse(readFileSync(join(STIX_SCHEMAS_DIR, folder, file), 'utf8')) as object);
    }
  }
  const schemaFor = (type: string): ValidateFunction => {
    const folder = ['relationship', 'sighting'].includes(type) ? 'sros' : existsSync(join(STIX_SCHEMAS_DIR, 'sdos', `${type}.json`)) ? 'sdos' : type === 'extension-definition' ? 'common' : 'custom';
    const name = folder === 'custom' ? 'common/core.json' : `${folder}/${type}.json`;
    let validate = byName.get(name);
    if (validate === undefined) {
      const schema = JSON.parse(readFileSync(join(STIX_SCHEMAS_DIR, name), 'utf8')) as { $id: string };
      validate = ajv.getSchema(schema.$id);
      if (validate === undefined) throw new Error(`schema ${name} not loaded`);
      byName.set(name, validate);
    }
    return validate;
  };
  const errors = (object: unknown): string => {
    const type = typeof object === 'object' && object !== null && 'type' in object ? String(object.type) : '';
    const validate = schemaFor(type);
    return validate(object) ? '' : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`).join('\n');
  };
  return {
    errors,
    bundleErrors(bundle) {
      const problems: string[] = [];
      const b = bundle as { type?: unknown; id?: unknown; objects?: unknown; spec_version?: unknown };
      if (b.type !== 'bundle') problems.push('bundle: type must be "bundle"');
      if (typeof b.id !== 'string' || !/^bundle--[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(b.id)) problems.push(`bundle: bad id ${String(b.id)}`);
      if (b.spec_version !== undefined) problems.push('bundle: STIX 2.1 bundles have no spec_version');
      if (!Array.isArray(b.objects) || b.objects.length === 0) return [...problems, 'bundle: objects must be a non-empty list'];
      const ids = new Set<string>();
      for (const object of b.objects as Array<{ id: string; type: string }>) {
        if (ids.has(object.id)) problems.push(`${object.id}: duplicate id`);
        ids.add(object.id);
        const e = errors(object);
        if (e !== '') problems.push(`${object.type} ${object.id}:\n${e}`);
      }
      // Every *_ref(s) must point into the bundle, so the graph is whole on import.
      const refs = (value: unknown, key: string, owner: string): void => {
        if (Array.isArray(value)) value.forEach((v) => refs(v, key, owner));
        else if (typeof value === 'string' && (key.endsWith('_ref') || key.endsWith('_refs'))) {
          if (!ids.has(value)) problems.push(`${owner}: ${key} → ${value} is not in the bundle`);
        } else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) if (k !== 'extensions') refs(v, k, owner);
      };
      for (const object of b.objects as Array<{ id: string }>) refs(object, '', object.id);
      return problems;
    },
  };
}
