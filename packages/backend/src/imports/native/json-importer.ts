import { actorSchema, agreementSchema, contextEventSchema, groupSchema, incidentSchema, PactwatchError } from '@pactwatch/domain';
import { NATIVE_FORMAT, NATIVE_VERSION } from '../../exports/native-dataset.js';
import type { ImportUnit, Importer, ParsedImport, RejectedUnit } from '../import-types.js';
import { rawJsonText, TOO_DEEP_RAW, TOO_DEEP_REASON } from '../json-raw.js';

/** Dataset name of native files: record ids are kept as the records' own ids within it. */
export const NATIVE_DATASET = 'pactwatch-json';

const LISTS = ['groups', 'actors', 'agreements', 'incidents', 'contextEvents'] as const;
type ListKey = (typeof LISTS)[number];
const KIND: Record<ListKey, string> = { groups: 'group', actors: 'actor', agreements: 'agreement', incidents: 'incident', contextEvents: 'context-event' };
/** Kinds the import framework cannot store: kept as raw source objects only. */
const RAW_ONLY = { groups: groupSchema, agreements: agreementSchema, contextEvents: contextEventSchema } as const;

interface SchemaError {
  readonly issues: ReadonlyArray<{ readonly path: ReadonlyArray<PropertyKey>; readonly message: string }>;
}

function invalid(path: string, reason: string): PactwatchError {
  return new PactwatchError('VALIDATION_FAILED', `${path}: ${reason}`);
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readDocument(bytes: Buffer, path: string): Readonly<Record<string, unknown>> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw invalid(path, 'is not UTF-8 text');
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw invalid(path, `is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!isObject(document) || document['format'] !== NATIVE_FORMAT) throw invalid(path, `is not a pactwatch dataset file: "format" must be "${NATIVE_FORMAT}" (write one with \`pactwatch export --format json\`)`);
  if (document['version'] !== NATIVE_VERSION) {
    // Shown as text only when it is short: a hostile "version" may be nested too deep to serialise.
    const version = document['version'];
    const shown = typeof version === 'object' && version !== null ? (Array.isArray(version) ? 'a list' : 'an object') : JSON.stringify(version) ?? 'missing';
    throw invalid(path, `dataset file version ${shown.slice(0, 100)} is not one this pactwatch reads (version ${NATIVE_VERSION})`);
  }
  for (const key of LISTS) if (document[key] !== undefined && !Array.isArray(document[key])) throw invalid(path, `"${key}" must be a list`);
  return document;
}

/** The first schema issue as the field it is in and the reason. */
function firstIssue(error: SchemaError): { field: string; reason: string } {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  return { field, reason: `${field === '' ? '' : `${field}: `}${issue?.message ?? 'invalid'}` };
}

function listOf(document: Readonly<Record<string, unknown>>, key: ListKey): unknown[] {
  const value = document[key];
  return Array.isArray(value) ? value : [];
}

/**
 * Reads the native dataset file (`pactwatch export --format json`). Actors and incidents become
 * import units of dataset "pactwatch-json" whose record id is the record's own id; agreements,
 * groups and context events are curated data, changed in the dataset folder, so they are kept as
 * raw source objects only (with a warning). Every record is validated here with the model's
 * schemas, so a bad one is quarantined with its field and reason while the rest are imported.
 */
export function parseNativeDataset(bytes: Buffer, path: string): ParsedImport {
  const document = readDocument(bytes, path);
  const units: ImportUnit[] = [];
  const rejected: RejectedUnit[] = [];
  const warnings = Object.keys(document)
    .filter((k) => k !== 'format' && k !== 'version' && !(LISTS as readonly string[]).includes(k))
    .map((k) => `ignored the unknown top-level key "${k}"`);
  const seen = new Set<string>();

  for (const key of LISTS) {
    const kind = KIND[key];
    listOf(document, key).forEach((element, index) => {
      const text = rawJsonText(element);
      const raw = 'text' in text ? text.text : TOO_DEEP_RAW;
      const id = isObject(element) && typeof element['id'] === 'string' ? element['id'] : undefined;
      const locator = `${key}[${index}]${id === undefined ? '' : ` "${id}"`}`;
      const sourceId = `${kind}:${id ?? `#${index}`}`;
      const reject = (reason: string, field?: string): void => {
        rejected.push({ locator, ...(id === undefined ? {} : { sourceId }), ...(field === undefined || field === '' ? {} : { field }), reason: `${kind} ${reason}`, raw });
      };
      const schemaReject = (error: SchemaError): void => {
        const issue = firstIssue(error);
        reject(issue.reason, issue.field);
      };
      if ('tooDeep' in text) return reject(TOO_DEEP_REASON);
      if (id === undefined) return reject('has no "id"', 'id');
      if (seen.has(sourceId)) return reject(`"${id}" is in this file twice (already read above)`, 'id');
      if (key === 'actors') {
        const parsed = actorSchema.safeParse(element);
        if (!parsed.success) return schemaReject(parsed.error);
        const { id: recordId, ...value } = parsed.data;
        units.push({ locator, sourceId, sourceType: kind, raw, records: [{ kind: 'actor', recordId, value }] });
      } else if (key === 'incidents') {
        const parsed = incidentSchema.safeParse(element);
        if (!parsed.success) return schemaReject(parsed.error);
        // Native ids and provenance are kept as they are: the file is pactwatch's own.
        const { id: recordId, provenance, ...value } = parsed.data;
        units.push({ locator, sourceId, sourceType: kind, raw, records: [{ kind: 'incident', recordId, value, provenance }] });
      } else {
        const parsed = RAW_ONLY[key].safeParse(element);
        if (!parsed.success) return schemaReject(parsed.error);
        units.push({ locator, sourceId, sourceType: kind, raw, records: [] });
      }
      seen.add(sourceId);
    });
  }

  const rawOnly = (['agreements', 'groups', 'contextEvents'] as const)
    .map((k) => [k, units.filter((u) => u.sourceType === KIND[k]).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`);
  if (rawOnly.length > 0) {
    warnings.push(`${rawOnly.join(', ')} kept as raw source objects only (dataset ${NATIVE_DATASET}), not loaded: curated records are changed in the dataset folder (data/agreements, data/groups, data/context-events) and loaded with \`pactwatch load\``);
  }
  return { dataset: NATIVE_DATASET, ids: 'native', units, rejected, warnings };
}

export const jsonImporter: Importer = {
  format: 'json',
  parse: async ({ bytes, path, mapping }) => {
    const parsed = parseNativeDataset(bytes, path);
    return mapping === undefined ? parsed : { ...parsed, warnings: [...parsed.warnings, `--mapping "${mapping}" is for csv/xlsx and was ignored`] };
  },
};
