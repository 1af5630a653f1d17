import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PactwatchError } from '@pactwatch/domain';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import type { GuardProblem } from './stix-guards.js';
import { isJsonObject } from './stix-object.js';

export const SCHEMAS_ENV = 'PACTWATCH_STIX_SCHEMAS';
const SCHEMA_FOLDERS = ['common', 'sdos', 'sros', 'observables'] as const;
/** Objects of these types are checked against the common/ schema of the same name; the rest of common/ are building blocks. */
const COMMON_OBJECT_TYPES = new Set(['marking-definition', 'extension-definition', 'language-content']);

/** Validates one STIX object against the official schema of its type. */
export interface StixSchemaValidator {
  readonly dir: string;
  validate(object: Readonly<Record<string, unknown>>): GuardProblem | undefined;
}

export type SchemaLocation = { readonly dir: string; readonly origin: 'env' | 'default' | 'option' };

/** The repository root: the nearest folder above this file whose package.json declares workspaces. */
function repositoryRoot(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i += 1) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as unknown;
        if (isJsonObject(parsed) && parsed['workspaces'] !== undefined) return dir;
      } catch {
        // An unreadable manifest is not the root; keep walking up.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

/**
 * Where the OASIS schemas are: $PACTWATCH_STIX_SCHEMAS, else `../shared/data/stix2-json-schemas/
 * schemas` beside the repository. They are a runtime input, never copied into the repository.
 */
export function locateSchemas(env: NodeJS.ProcessEnv = process.env): SchemaLocation | undefined {
  const fromEnv = env[SCHEMAS_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return { dir: resolve(fromEnv), origin: 'env' };
  const root = repositoryRoot();
  return root === undefined ? undefined : { dir: resolve(root, '../shared/data/stix2-json-schemas/schemas'), origin: 'default' };
}

function isSchemaFolder(dir: string): boolean {
  try {
    return statSync(join(dir, 'common', 'core.json')).isFile();
  } catch {
    return false;
  }
}

const TYPE_ONLY_KEYS = new Set(['type', 'description', 'title', 'minItems']);

/**
 * Rewrites an `anyOf` whose branches only test the JSON type (the array branch may add
 * `minItems`) as one `type` list: the same instances pass and fail, but Ajv no longer builds an
 * error object for every failed branch. properties.json runs such an anyOf on every property of
 * every object, which made it the largest cost of validating ATT&CK (and of its garbage).
 */
export function simplifyTypeAnyOf(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplifyTypeAnyOf);
  if (!isJsonObject(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = simplifyTypeAnyOf(value);
  const branches = out['anyOf'];
  if (!Array.isArray(branches) || branches.length < 2) return out;
  const types: string[] = [];
  let minItems: unknown;
  for (const branch of branches) {
    if (!isJsonObject(branch) || typeof branch['type'] !== 'string' || !Object.keys(branch).every((k) => TYPE_ONLY_KEYS.has(k))) return out;
    if (branch['minItems'] !== undefined) {
      if (branch['type'] !== 'array' || minItems !== undefined) return out;
      minItems = branch['minItems'];
    }
    types.push(branch['type']);
  }
  if (new Set(types).size !== types.length || out['type'] !== undefined || out['minItems'] !== undefined) return out;
  const { anyOf: _replaced, ...rest } = out;
  return { ...rest, type: types, ...(minItems === undefined ? {} : { minItems }) };
}

interface CompiledSchemas {
  readonly ajv: Ajv2020;
  /** STIX type → $id of the schema that defines it. */
  readonly idByType: ReadonlyMap<string, string>;
  readonly coreId: string;
  readonly observableCoreId: string;
}

function compileAll(dir: string): CompiledSchemas {
  // unicodeRegExp and strictTypes as /work/shared/data/SOURCES.md says: one core.json pattern is
  // illegal in unicode mode, and the schemas mix keywords across types. Checking the schemas
  // against the meta-schema and Ajv's code-optimising pass cost more than they save on one import
  // (measured: ~130 ms of ~400); a malformed schema still fails to compile, reported below.
  const ajv = new Ajv2020({ unicodeRegExp: false, strictTypes: false, allErrors: false, validateSchema: false, code: { optimize: false } });
  // Safe, linear format checks: the schemas name three formats and Ajv 8 ships none.
  ajv.addFormat('idn-hostname', (value: string) => value.length <= 253 && !/[\s/\\@]/.test(value) && value.split('.').every((label, i, all) => (label.length >= 1 && label.length <= 63) || (label === '' && i === all.length - 1 && i > 0)));
  ajv.addFormat('email', (value: string) => value.length <= 320 && /^[^\s@]+@[^\s@]+$/.test(value));
  ajv.addFormat('uri', (value: string) => /^[A-Za-z][A-Za-z0-9+.-]*:\S*$/.test(value));
  const idByType = new Map<string, string>();
  const idByFile = new Map<string, string>();
  for (const folder of SCHEMA_FOLDERS) {
    const path = join(dir, folder);
    if (!existsSync(path)) continue;
    for (const file of readdirSync(path).filter((f) => f.endsWith('.json')).sort()) {
      let schema: unknown;
      try {
        schema = JSON.parse(readFileSync(join(path, file), 'utf8'));
      } catch (error) {
        throw new PactwatchError('CONFIG_INVALID', `${join(path, file)}: not a readable JSON schema (${error instanceof Error ? error.message : String(error)})`);
      }
      const id = isJsonObject(schema) ? schema['$id'] : undefined;
      if (!isJsonObject(schema) || typeof id !== 'string') throw new PactwatchError('CONFIG_INVALID', `${join(path, file)}: a STIX schema must be a JSON object with an $id`);
      ajv.addSchema(simplifyTypeAnyOf(schema) as Record<string, unknown>);
      const type = file.slice(0, -'.json'.length);
      idByFile.set(`${folder}/${type}`, id);
      if (folder !== 'common' || COMMON_OBJECT_TYPES.has(type)) idByType.set(type, id);
    }
  }
  const coreId = idByFile.get('common/core');
  const observableCoreId = idByFile.get('common/cyber-observable-core');
  if (coreId === undefined || observableCoreId === undefined) throw new PactwatchError('CONFIG_INVALID', `${dir}: common/core.json and common/cyber-observable-core.json are both needed`);
  return { ajv, idByType, coreId, observableCoreId };
}

/**
 * The schema for an object: its type's own when the schemas define it, else (custom and unknown
 * types) core.json for SDO-like objects, which carry created/modified, and the observable core
 * for the others, as the specification defines custom observables.
 */
function schemaIdFor(schemas: CompiledSchemas, object: Readonly<Record<string, unknown>>): string {
  return schemas.idByType.get(String(object['type'])) ?? (object['created'] !== undefined || object['modified'] !== undefined ? schemas.coreId : schemas.observableCoreId);
}

/** The most useful of Ajv's errors: the deepest one, so a branch failure names its field. */
function describe(errors: readonly ErrorObject[] | null | undefined): GuardProblem {
  const list = errors ?? [];
  const best = list.reduce<ErrorObject | undefined>((a, b) => (a === undefined || b.instancePath.length > a.instancePath.length ? b : a), undefined);
  if (best === undefined) return { field: '', reason: 'does not match its STIX schema' };
  const missing = best.keyword === 'required' && isJsonObject(best.params) ? best.params['missingProperty'] : undefined;
  const field = typeof missing === 'string' ? `${best.instancePath}/${missing}` : best.instancePath;
  const message = typeof missing === 'string' ? 'is missing' : (best.message ?? 'is invalid');
  return { field, reason: `${field === '' ? 'object' : field} ${message} (schema ${best.schemaPath})` };
}

const cache = new Map<string, StixSchemaValidator>();

/**
 * Validators for a schema folder, compiled once per process and per type (never per object).
 * Returns undefined when the folder is absent, so the caller can fall back to structural checks.
 */
export function schemaValidator(location: SchemaLocation): StixSchemaValidator | undefined {
  const cached = cache.get(location.dir);
  if (cached !== undefined) return cached;
  if (!isSchemaFolder(location.dir)) {
    if (location.origin === 'env') throw new PactwatchError('CONFIG_INVALID', `${SCHEMAS_ENV}=${location.dir} is not a folder of STIX 2.1 JSON schemas (no common/core.json in it)`);
    return undefined;
  }
  const schemas = compileAll(location.dir);
  const compiled = new Map<string, ValidateFunction>();
  const validator: StixSchemaValidator = {
    dir: location.dir,
    validate(object) {
      const id = schemaIdFor(schemas, object);
      let validate = compiled.get(id);
      if (validate === undefined) {
        try {
          validate = schemas.ajv.getSchema(id);
        } catch (error) {
          throw new PactwatchError('CONFIG_INVALID', `${location.dir}: schema ${id} does not compile: ${error instanceof Error ? error.message : String(error)}`);
        }
        if (validate === undefined) throw new PactwatchError('CONFIG_INVALID', `${location.dir}: schema ${id} is not among the loaded schemas`);
        compiled.set(id, validate);
      }
      return validate(object) ? undefined : describe(validate.errors);
    },
  };
  cache.set(location.dir, validator);
  return validator;
}
