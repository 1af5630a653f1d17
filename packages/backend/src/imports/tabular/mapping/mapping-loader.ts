import { readFileSync, statSync } from 'node:fs';
import { ACTIVITY_TYPES, ACTOR_RELATIONS, ATTRIBUTION_BASES, INCIDENT_MEANS, PactwatchError, spellingKey, TARGET_CATEGORIES, type ActivityType, type AttributionBasis, type TargetCategory } from '@pactwatch/domain';
import { parseYamlWithLines } from '../../../dataset/yaml-locator.js';
import { ESPIONAGE, type ActivityRule } from '../records/activity-rules.js';
import { DATE_FORMATS } from '../values/tabular-dates.js';
import { MAPPING_DEFAULTS, MAPPING_KEYS, type DateColumn, type ListColumn, type MappingSpec } from './mapping-spec.js';
import { isObject, YamlFields } from './yaml-fields.js';

const MAX_MAPPING_BYTES = 1024 * 1024;

function readMappingText(path: string, presets: string): string {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    if (!/\.ya?ml$/i.test(path)) throw new PactwatchError('USAGE', `--mapping must be one of ${presets}, or a mapping YAML file; "${path}" is neither`);
    throw new PactwatchError('FILE_ERROR', `${path}: mapping file not found`);
  }
  if (size > MAX_MAPPING_BYTES) throw new PactwatchError('VALIDATION_FAILED', `${path}: a mapping file of ${size} bytes is over the ${MAX_MAPPING_BYTES}-byte limit`);
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new PactwatchError('FILE_ERROR', `${path}: mapping file could not be read`);
  }
}

/** A column given as `Name` or as `{ column: Name, …options }`. */
function columnSpec(fields: YamlFields, value: unknown, path: string[], options: readonly string[]): { column: string; options: Record<string, unknown> } | undefined {
  if (typeof value === 'string' || typeof value === 'number') return { column: String(value), options: {} };
  const object = fields.object(value, path, ['column', ...options]);
  const column = object === undefined ? undefined : fields.string(object.column, [...path, 'column'], true);
  return object === undefined || column === undefined ? undefined : { column, options: object };
}

function dateColumn(fields: YamlFields, value: unknown, key: string): DateColumn | undefined {
  const spec = columnSpec(fields, value, [key], ['format']);
  const format = spec === undefined ? undefined : fields.oneOf(spec.options.format, [key, 'format'], DATE_FORMATS, MAPPING_DEFAULTS.dateFormat);
  return spec === undefined || format === undefined ? undefined : { column: spec.column, format };
}

function listColumn(fields: YamlFields, value: unknown, key: string, extra: readonly string[] = []): (ListColumn & { options: Record<string, unknown> }) | undefined {
  const spec = columnSpec(fields, value, [key], ['separator', ...extra]);
  if (spec === undefined) return undefined;
  const separator = spec.options.separator === undefined ? MAPPING_DEFAULTS.separator : typeof spec.options.separator === 'string' ? spec.options.separator : fields.fail([key, 'separator'], 'must be a string ("" for one value per cell)');
  return separator === undefined ? undefined : { column: spec.column, separator, options: spec.options };
}

/** `map:` tables: source spelling → a value, with keys folded as the shared spelling tables fold them. */
function valueMap<T>(fields: YamlFields, value: unknown, path: string[], read: (item: unknown, itemPath: string[]) => T | undefined): Map<string, T> {
  const map = new Map<string, T>();
  if (value === undefined) return map;
  if (!isObject(value)) {
    fields.fail(path, 'must be a mapping of source values to model terms');
    return map;
  }
  for (const [key, item] of Object.entries(value)) {
    const read1 = read(item, [...path, key]);
    if (read1 !== undefined) map.set(spellingKey(key), read1);
  }
  return map;
}

function activityRules(fields: YamlFields, item: unknown, path: string[]): ActivityRule[] | undefined {
  const items = item === null ? [] : Array.isArray(item) ? item : [item];
  const rules: ActivityRule[] = [];
  for (const [index, entry] of items.entries()) {
    const text = typeof entry === 'string' ? entry.trim() : '';
    const term = text.replace(/^possible:\s*/, '');
    if (term === 'espionage') rules.push(ESPIONAGE);
    else if ((ACTIVITY_TYPES.ids as readonly string[]).includes(term)) rules.push({ activity: term as ActivityType, certainty: text.startsWith('possible:') ? 'possible' : 'confirmed' });
    else return fields.fail(Array.isArray(item) ? [...path, index] : path, `"${String(entry)}" is not an activity type (${ACTIVITY_TYPES.ids.join(', ')}, espionage, or possible:<type>)`);
  }
  return rules;
}

/** Loads and validates a mapping YAML; every problem is reported with its line. */
export function loadMappingSpec(path: string, presets: string): MappingSpec {
  return parseMappingSpec(readMappingText(path, presets), path);
}

/** Validates mapping YAML text already in memory (sent with an upload); `path` names it in messages. */
export function parseMappingSpec(text: string, path: string): MappingSpec {
  if (Buffer.byteLength(text, 'utf8') > MAX_MAPPING_BYTES) throw new PactwatchError('VALIDATION_FAILED', `${path}: a mapping of ${Buffer.byteLength(text, 'utf8')} bytes is over the ${MAX_MAPPING_BYTES}-byte limit`);
  const parsedResult = parseYamlWithLines(text);
  if (!parsedResult.ok) throw new PactwatchError('VALIDATION_FAILED', `${path}: ${parsedResult.line === undefined ? '' : `line ${parsedResult.line}: `}${parsedResult.reason}`, { problems: [{ file: path, reason: parsedResult.reason, ...(parsedResult.line === undefined ? {} : { line: parsedResult.line }) }] });
  const fields = new YamlFields(path, parsedResult.parsed);
  const top = fields.object(parsedResult.parsed.value, [], MAPPING_KEYS) ?? {};
  const dataset = fields.string(top.dataset, ['dataset'], true);
  if (dataset !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(dataset)) fields.fail(['dataset'], 'must be a lower-case slug such as "acme-incidents"');
  const confidenceSpec = top.confidence === undefined ? undefined : fields.object(top.confidence, ['confidence'], ['column', 'default']);
  const confidence = confidenceSpec?.default ?? MAPPING_DEFAULTS.confidence;
  if (typeof confidence !== 'number' || !Number.isInteger(confidence) || confidence < 0 || confidence > 100) fields.fail(['confidence', 'default'], 'must be a whole number from 0 to 100');
  const basisSpec = top.basis === undefined ? undefined : fields.object(top.basis, ['basis'], ['column', 'default', 'map']);
  const attributedBySpec = typeof top.attributedBy === 'string' ? { default: top.attributedBy } : top.attributedBy === undefined ? undefined : fields.object(top.attributedBy, ['attributedBy'], ['column', 'default']);
  const categories = top.categories === undefined ? undefined : listColumn(fields, top.categories, 'categories', ['map']);
  const activities = top.activities === undefined ? undefined : listColumn(fields, top.activities, 'activities', ['map']);
  const sourcesSpec = top.sources === undefined ? undefined : fields.object(top.sources, ['sources'], ['columns', 'publisher']);
  const spec = {
    file: path,
    dataset: dataset ?? '',
    version: fields.string(top.version, ['version'], false),
    sheet: fields.string(top.sheet, ['sheet'], false),
    delimiter: fields.string(top.delimiter, ['delimiter'], false),
    recordId: fields.stringList(top.recordId, ['recordId']) ?? [],
    title: fields.string(top.title, ['title'], true) ?? '',
    summary: fields.string(top.summary, ['summary'], false),
    start: top.start === undefined ? fields.fail(['start'], 'is required') : dateColumn(fields, top.start, 'start'),
    end: top.end === undefined ? undefined : dateColumn(fields, top.end, 'end'),
    sponsors: top.sponsors === undefined ? fields.fail(['sponsors'], 'is required') : listColumn(fields, top.sponsors, 'sponsors'),
    victims: top.victims === undefined ? fields.fail(['victims'], 'is required') : listColumn(fields, top.victims, 'victims'),
    categories: categories === undefined ? undefined : { ...categories, map: valueMap<TargetCategory | null>(fields, categories.options.map, ['categories', 'map'], (item, p) => (item === null ? null : fields.oneOf(item, p, TARGET_CATEGORIES.ids))) },
    activities: activities === undefined ? undefined : { ...activities, map: valueMap(fields, activities.options.map, ['activities', 'map'], (item, p) => activityRules(fields, item, p)) },
    actor: fields.string(top.actor, ['actor'], false),
    confidence: { default: typeof confidence === 'number' ? confidence : MAPPING_DEFAULTS.confidence, ...(confidenceSpec?.column === undefined ? {} : { column: fields.string(confidenceSpec.column, ['confidence', 'column'], true) ?? '' }) },
    basis: {
      default: fields.oneOf(basisSpec?.default, ['basis', 'default'], ATTRIBUTION_BASES.ids, MAPPING_DEFAULTS.basis) ?? MAPPING_DEFAULTS.basis,
      map: valueMap<AttributionBasis>(fields, basisSpec?.map, ['basis', 'map'], (item, p) => fields.oneOf(item, p, ATTRIBUTION_BASES.ids)),
      ...(basisSpec?.column === undefined ? {} : { column: fields.string(basisSpec.column, ['basis', 'column'], true) ?? '' }),
    },
    relation: fields.oneOf(top.relation, ['relation'], ACTOR_RELATIONS.ids, MAPPING_DEFAULTS.relation) ?? MAPPING_DEFAULTS.relation,
    attributedBy: {
      default: fields.string(attributedBySpec?.default, ['attributedBy', 'default'], false) ?? dataset ?? 'imported dataset',
      ...(attributedBySpec?.column === undefined ? {} : { column: fields.string(attributedBySpec.column, ['attributedBy', 'column'], true) ?? '' }),
    },
    means: top.means === undefined ? [] : (Array.isArray(top.means) ? top.means : [top.means]).flatMap((m, i) => fields.oneOf(m, ['means', i], INCIDENT_MEANS.ids) ?? []),
    sources: { columns: sourcesSpec?.columns === undefined ? [] : (fields.stringList(sourcesSpec.columns, ['sources', 'columns']) ?? []), publisher: fields.string(sourcesSpec?.publisher, ['sources', 'publisher'], false) ?? dataset ?? 'imported dataset' },
  };
  fields.throwIfProblems();
  const { start, sponsors, victims, version, sheet, delimiter, summary, end, actor, categories: cats, activities: acts, ...rest } = spec;
  if (start === undefined || sponsors === undefined || victims === undefined) throw new PactwatchError('INTERNAL', `${path}: mapping validated without its required columns`);
  return {
    ...rest,
    start,
    sponsors: { column: sponsors.column, separator: sponsors.separator },
    victims: { column: victims.column, separator: victims.separator },
    ...(version === undefined ? {} : { version }),
    ...(sheet === undefined ? {} : { sheet }),
    ...(delimiter === undefined ? {} : { delimiter: delimiter === '\\t' ? '\t' : delimiter }),
    ...(summary === undefined ? {} : { summary }),
    ...(end === undefined ? {} : { end }),
    ...(actor === undefined ? {} : { actor }),
    ...(cats === undefined ? {} : { categories: { column: cats.column, separator: cats.separator, map: cats.map } }),
    ...(acts === undefined ? {} : { activities: { column: acts.column, separator: acts.separator, map: acts.map } }),
  };
}
