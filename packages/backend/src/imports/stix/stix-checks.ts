import type { RejectedUnit } from '../import-types.js';
import { structuralProblem, usableId } from './stix-guards.js';
import { jsonText, stringProp, type StixObject } from './stix-object.js';
import type { StixSchemaValidator } from './stix-schemas.js';

const TOO_DEEP = { field: '', reason: 'nested too deeply to be kept as JSON text (thousands of levels; STIX objects are a few levels deep)' };
const TOO_DEEP_RAW = '"(not kept: nested too deeply to serialise)"';

export interface CheckedObjects {
  /** Usable objects, one version per id, in the file's order. */
  readonly live: readonly StixObject[];
  /** Each usable object's JSON text (the raw unit). */
  readonly raws: ReadonlyMap<StixObject, string>;
  readonly rejected: RejectedUnit[];
}

interface Candidate {
  readonly object: StixObject;
  readonly index: number;
}

/**
 * One version per id: a bundle may hold several versions of an object (same id, different
 * `modified`). The latest is imported; the older ones go to quarantine, so nothing is lost and the
 * store's (dataset, id) stays unique.
 */
function latestVersions(candidates: readonly Candidate[], raws: ReadonlyMap<StixObject, string>, rejected: RejectedUnit[]): StixObject[] {
  const chosen = new Map<string, Candidate>();
  const older: Candidate[] = [];
  for (const candidate of candidates) {
    const current = chosen.get(candidate.object.id);
    if (current === undefined) {
      chosen.set(candidate.object.id, candidate);
      continue;
    }
    const newer = (stringProp(candidate.object, 'modified') ?? '') > (stringProp(current.object, 'modified') ?? '');
    if (newer) chosen.set(candidate.object.id, candidate);
    older.push(newer ? current : candidate);
  }
  for (const { object, index } of older) {
    const kept = chosen.get(object.id);
    const keptModified = kept === undefined ? 'unknown' : (stringProp(kept.object, 'modified') ?? 'unknown');
    rejected.push({
      locator: `object ${object.id}`,
      sourceId: object.id,
      field: '/modified',
      reason: `objects[${index}] is another version of ${object.id} (modified ${stringProp(object, 'modified') ?? 'unknown'}); the version modified ${keptModified} at objects[${kept?.index ?? '?'}] was imported`,
      raw: raws.get(object) ?? '',
    });
  }
  // Map order is first-appearance order, so units keep the file's order.
  return [...chosen.values()].map((c) => c.object);
}

/**
 * Which objects can be used: each is serialised (its raw unit), guarded structurally, then checked
 * against its type's schema; failures go to quarantine with their locator, field and reason.
 */
export function checkObjects(objects: readonly unknown[], validator: StixSchemaValidator | undefined): CheckedObjects {
  const rejected: RejectedUnit[] = [];
  const candidates: Candidate[] = [];
  const raws = new Map<StixObject, string>();
  for (const [index, value] of objects.entries()) {
    const raw = jsonText(value);
    // The structural guard runs first so no hostile type or id ever reaches the schemas' regexes.
    const problem = 'tooDeep' in raw ? TOO_DEEP : (structuralProblem(value) ?? validator?.validate(value as StixObject));
    if (problem === undefined && 'text' in raw) {
      candidates.push({ object: value as StixObject, index });
      raws.set(value as StixObject, raw.text);
    } else {
      const id = usableId(value);
      rejected.push({ locator: id === undefined ? `objects[${index}]` : `object ${id}`, ...(id === undefined ? {} : { sourceId: id }), field: problem?.field ?? '', reason: problem?.reason ?? 'unreadable', raw: 'text' in raw ? raw.text : TOO_DEEP_RAW });
    }
  }
  return { live: latestVersions(candidates, raws, rejected), raws, rejected };
}
