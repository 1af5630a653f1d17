import { PactwatchError } from '@pactwatch/domain';
import { locateJsonError } from './json-error-position.js';

/** The parts of a MISP galaxy cluster file (schema_clusters.json) the importer relies on. */
export interface ClusterFile {
  readonly type: string;
  readonly name?: string;
  readonly version?: string;
  readonly values: readonly unknown[];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function decode(path: string, bytes: Buffer): string {
  try {
    // A BOM is not JSON but some editors write one; it is dropped rather than reported.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new PactwatchError('VALIDATION_FAILED', `${path}: not UTF-8 text, so not a MISP galaxy cluster file`);
  }
}

function notClusterFile(path: string, where: string, reason: string): PactwatchError {
  return new PactwatchError('VALIDATION_FAILED', `${path}: not a MISP galaxy cluster file: ${where}: ${reason}`, { problems: [{ file: path, path: where, reason }] });
}

/**
 * Parses and checks a cluster file's top level. Broken JSON is reported with its line, column and
 * offset; well-formed JSON of the wrong shape with the JSON path of what is missing.
 */
export function readClusterFile(path: string, bytes: Buffer): ClusterFile {
  const text = decode(path, bytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const at = locateJsonError(text);
    const detail = at === undefined ? (error instanceof Error ? error.message : String(error)) : `${at.problem} at line ${at.line}, column ${at.column} (offset ${at.offset})`;
    throw new PactwatchError('VALIDATION_FAILED', `${path}: not valid JSON: ${detail}`, { problems: [{ file: path, ...(at === undefined ? {} : { line: at.line, path: `offset ${at.offset}` }), reason: detail }], cause: error });
  }
  if (!isRecord(parsed)) throw notClusterFile(path, '$', `the top level is ${Array.isArray(parsed) ? 'an array' : typeof parsed === 'object' ? 'null' : `a ${typeof parsed}`}, expected an object with "type" and "values"`);
  if (parsed['values'] === undefined && (parsed['namespace'] !== undefined || parsed['icon'] !== undefined)) {
    throw notClusterFile(path, '$.values', 'this is a galaxy definition (galaxies/*.json); import the cluster file of the same name (clusters/*.json)');
  }
  const type = parsed['type'];
  if (typeof type !== 'string' || type.trim() === '') throw notClusterFile(path, '$.type', 'missing or not a string');
  const values = parsed['values'];
  if (!Array.isArray(values)) throw notClusterFile(path, '$.values', values === undefined ? 'missing' : 'not a list');
  const version = parsed['version'];
  if (version !== undefined && !(typeof version === 'number' && Number.isInteger(version)) && !(typeof version === 'string' && version.trim() !== '')) {
    throw notClusterFile(path, '$.version', 'not an integer');
  }
  const name = parsed['name'];
  return {
    type,
    ...(typeof name === 'string' ? { name } : {}),
    ...(version === undefined ? {} : { version: String(version) }),
    values,
  };
}
