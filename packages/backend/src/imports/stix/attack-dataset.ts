import { basename } from 'node:path';
import { isJsonObject, stringProp, type StixObject } from './stix-object.js';

/** The identity MITRE signs ATT&CK with (created_by_ref of every ATT&CK object). */
export const MITRE_IDENTITY_ID = 'identity--c78cb6e5-0c4b-4611-8297-d1b8b55e40b5';

const DOMAIN_BY_COLLECTION: Readonly<Record<string, string>> = { 'Enterprise ATT&CK': 'enterprise-attack', 'ICS ATT&CK': 'ics-attack', 'Mobile ATT&CK': 'mobile-attack' };

export interface DatasetName {
  readonly dataset: string;
  readonly version?: string;
  /** The ATT&CK domain ("enterprise-attack"), when the bundle is an ATT&CK release. */
  readonly attackDomain?: string;
  readonly warnings: readonly string[];
}

function matrixDomain(objects: readonly StixObject[]): string | undefined {
  for (const object of objects) {
    if (object.type !== 'x-mitre-matrix') continue;
    const refs = object['external_references'];
    if (!Array.isArray(refs)) continue;
    for (const ref of refs) if (isJsonObject(ref) && ref['source_name'] === 'mitre-attack' && typeof ref['external_id'] === 'string') return ref['external_id'];
  }
  return undefined;
}

/**
 * `stix:<bundle id>`, or for a MITRE ATT&CK release `mitre-attack:<domain>` with the release as
 * the version, so a newer release updates the same records by id. ATT&CK is recognised by its
 * collection object, or by MITRE's identity together with an ATT&CK matrix; `x_mitre_` properties
 * alone are not enough (other producers copy ATT&CK objects into their bundles).
 */
export function datasetName(bundleId: string, objects: readonly StixObject[], file: string): DatasetName {
  const collection = objects.find((o) => o.type === 'x-mitre-collection');
  const mitre = objects.some((o) => o.id === MITRE_IDENTITY_ID || (o.type === 'identity' && stringProp(o, 'name') === 'The MITRE Corporation'));
  const domain = (collection === undefined ? undefined : DOMAIN_BY_COLLECTION[stringProp(collection, 'name') ?? '']) ?? (mitre ? matrixDomain(objects) : undefined);
  if (collection === undefined && !(mitre && domain !== undefined)) return { dataset: `stix:${bundleId}`, warnings: [] };
  if (domain === undefined) return { dataset: `stix:${bundleId}`, warnings: ['an ATT&CK collection whose domain is unknown (no known collection name or matrix): imported as a plain STIX bundle'] };
  const warnings: string[] = [];
  let version = collection === undefined ? undefined : stringProp(collection, 'x_mitre_version');
  if (version === undefined) {
    // Bundles rebuilt from MITRE's per-object files lack the collection; the release is then only in the file name.
    version = /attack-(\d+(?:\.\d+)*)/.exec(basename(file))?.[1];
    warnings.push(version === undefined ? 'ATT&CK bundle without an x-mitre-collection object: the release version is unknown' : `ATT&CK bundle without an x-mitre-collection object: release version ${version} taken from the file name`);
  }
  return { dataset: `mitre-attack:${domain}`, ...(version === undefined ? {} : { version }), attackDomain: domain, warnings };
}
