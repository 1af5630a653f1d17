import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATASET_KINDS, datasetJsonSchema, type DatasetKind, type Problem } from '@pactwatch/domain';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import type { ParsedYaml } from './yaml-locator.js';

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function describeAjvError(error: ErrorObject): { path: (string | number)[]; reason: string } {
  const path = pointerToPath(error.instancePath);
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty?: string }).additionalProperty ?? '?';
    return { path: [...path, extra], reason: `unknown field "${extra}"` };
  }
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty?: string }).missingProperty ?? '?';
    return { path: [...path, missing], reason: `required field "${missing}" is missing` };
  }
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues ?? [];
    return { path, reason: `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}` };
  }
  return { path, reason: error.message ?? error.keyword };
}

const pathText = (path: readonly (string | number)[]): string => (path.length === 0 ? '/' : `/${path.join('/')}`);

/**
 * Validates one record: first against the published JSON Schema of its kind (the contract
 * reviewers and editors see), then against the domain's zod schema for what JSON Schema cannot
 * say (EDTF dates, ISO codes, refinements). Problems carry file, path and line.
 */
export class RecordValidator {
  private readonly validators = new Map<DatasetKind, ValidateFunction>();

  constructor(dataDir: string | undefined) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    ajv.addFormat('uri', { type: 'string', validate: (value: string) => URL.canParse(value) });
    ajv.addFormat('email', /^[^\s@]+@[^\s@]+$/);
    for (const { kind } of DATASET_KINDS) {
      const published = dataDir === undefined ? undefined : join(dataDir, 'schema', `${kind}.schema.json`);
      const schema = published !== undefined && existsSync(published) ? (JSON.parse(readFileSync(published, 'utf8')) as Record<string, unknown>) : datasetJsonSchema(kind);
      this.validators.set(kind, ajv.compile(schema));
    }
  }

  validate<K extends DatasetKind>(kind: K, parsed: ParsedYaml, file: string): { ok: true; value: unknown } | { ok: false; problems: Problem[] } {
    const validator = this.validators.get(kind);
    const entry = DATASET_KINDS.find((k) => k.kind === kind);
    if (validator === undefined || entry === undefined) throw new Error(`no validator for ${kind}`);
    if (!validator(parsed.value)) {
      const seen = new Set<string>();
      const problems: Problem[] = [];
      for (const error of validator.errors ?? []) {
        // anyOf branches repeat the same failure; keep the first per path.
        const { path, reason } = describeAjvError(error);
        const key = `${pathText(path)}|${reason}`;
        if (seen.has(key) || error.keyword === 'anyOf') continue;
        seen.add(key);
        const line = parsed.lineOf(path);
        problems.push({ file, path: pathText(path), ...(line === undefined ? {} : { line }), reason });
      }
      return { ok: false, problems };
    }
    const result = entry.schema.safeParse(parsed.value);
    if (!result.success) {
      return {
        ok: false,
        problems: result.error.issues.map((issue) => {
          const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
          const line = parsed.lineOf(path);
          return { file, path: pathText(path), ...(line === undefined ? {} : { line }), reason: issue.message };
        }),
      };
    }
    return { ok: true, value: result.data };
  }
}
