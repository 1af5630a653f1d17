import { PactwatchError } from '@pactwatch/domain';
import { isJsonObject } from './stix-object.js';

const BUNDLE_ID = /^bundle--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;
const BUNDLE_KEYS = new Set(['type', 'id', 'objects']);

export interface StixBundle {
  readonly id: string;
  readonly objects: readonly unknown[];
  readonly warnings: readonly string[];
}

const describeValue = (value: unknown): string => (Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value === 'object' ? 'an object' : `a ${typeof value}`);

/**
 * Checks the bundle wrapper by hand: common/bundle.json rejects valid bundles holding incidents,
 * locations, notes, opinions, groupings, extension definitions and custom objects, so it is not
 * used. Objects are checked one by one against their own types' schemas afterwards.
 */
export function readBundle(value: unknown, file: string): StixBundle {
  const fail = (path: string, reason: string): PactwatchError => new PactwatchError('VALIDATION_FAILED', `${file}: not a STIX 2.1 bundle: ${reason}`, { problems: [{ file, path, reason }] });
  if (!isJsonObject(value)) throw fail('/', `the top-level value is ${describeValue(value)}, not an object with "type": "bundle"`);
  if (value['type'] !== 'bundle') {
    const type = typeof value['type'] === 'string' ? JSON.stringify(String(value['type']).slice(0, 80)) : 'missing';
    throw fail('/type', `"type" is ${type}, not "bundle"${typeof value['type'] === 'string' ? ' (a single STIX object must be wrapped in a bundle)' : ''}`);
  }
  const id = value['id'];
  if (typeof id !== 'string' || id.length > 100 || !BUNDLE_ID.test(id)) throw fail('/id', `"id" must be "bundle--" followed by a UUID, got ${typeof id === 'string' ? JSON.stringify(id.slice(0, 80)) : describeValue(id)}`);
  const objects = value['objects'];
  const warnings: string[] = [];
  const extra = Object.keys(value).filter((k) => !BUNDLE_KEYS.has(k));
  const spec = value['spec_version'];
  if (spec !== undefined) warnings.push(`the bundle has "spec_version" (${typeof spec === 'string' ? JSON.stringify(spec.slice(0, 20)) : describeValue(spec)}), a STIX 2.0 property; objects are read as STIX 2.1`);
  const others = extra.filter((k) => k !== 'spec_version');
  if (others.length > 0) warnings.push(`bundle properties ignored: ${others.slice(0, 10).join(', ')}`);
  if (objects === undefined) {
    warnings.push('the bundle has no "objects": nothing to import');
    return { id, objects: [], warnings };
  }
  if (!Array.isArray(objects)) throw fail('/objects', `"objects" must be an array, got ${describeValue(objects)}`);
  return { id, objects, warnings };
}
