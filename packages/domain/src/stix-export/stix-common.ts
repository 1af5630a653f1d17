import type { Source } from '../model/common-schemas.js';
import { stixId } from './stix-ids.js';
import type { StixTimes } from './stix-time.js';
import type { ExternalReference, JsonObject, StixObject } from './stix-types.js';
import { compactObject, snakeObject } from './stix-values.js';

/** The one extension definition of pactwatch's custom objects and properties (fixed id). */
export const PACTWATCH_EXTENSION_ID = stixId('extension-definition', 'extension-definition', 'pactwatch');
/** The `identity` every exported object names as its creator (`created_by_ref`). */
export const PACTWATCH_IDENTITY_ID = stixId('identity', 'identity', 'pactwatch');
/** `source_name` of the external reference that carries a record's pactwatch id. */
export const PACTWATCH_SOURCE_NAME = 'pactwatch';

/**
 * A STIX object with its common properties first, in one fixed order, so serialising the same
 * records always gives the same bytes. Empty properties are left out.
 */
export function stixObject(type: string, id: string, times: StixTimes, properties: Readonly<Record<string, unknown>>): StixObject {
  return { type, spec_version: '2.1', id, created_by_ref: PACTWATCH_IDENTITY_ID, created: times.created, modified: times.modified, ...compactObject(properties) };
}

/** `extensions` of an object pactwatch defines (new-sdo) or extends (property or top-level property extension). */
export function pactwatchExtension(extensionType: 'new-sdo' | 'property-extension' | 'toplevel-property-extension', properties: Readonly<Record<string, unknown>> = {}): JsonObject {
  return { [PACTWATCH_EXTENSION_ID]: { extension_type: extensionType, ...snakeObject(properties) } };
}

/**
 * RFC 3986 form of a URL: characters outside the URI grammar (spaces, non-ASCII) and a "%" that
 * starts no escape are percent-encoded, well-formed escapes kept. The STIX schema checks `url` as
 * an RFC 3986 URI while the dataset accepts what browsers accept.
 */
export function rfc3986Url(url: string): string {
  const escaped = url.replace(/%(?![0-9A-Fa-f]{2})/g, '%25');
  return Array.from(escaped, (c) => (/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/.test(c) ? c : encodeURIComponent(c))).join('');
}

/** A dataset source as a STIX external reference (publisher, title and date; the URL if any). */
export function sourceReference(source: Source): ExternalReference {
  // "cve" and "capec" are reserved source names that demand a CVE/CAPEC external_id.
  const name = /^(cve|capec)$/.test(source.publisher) ? `${source.publisher} (publisher)` : source.publisher;
  return {
    source_name: name,
    description: source.date === undefined ? source.title : `${source.title} (${source.date})`,
    ...(source.url === undefined ? {} : { url: rfc3986Url(source.url) }),
  };
}

/** The reference naming the record's pactwatch id, then its sources. */
export function externalReferences(pactwatchId: string | undefined, sources: readonly Source[]): ExternalReference[] {
  const own: ExternalReference[] = pactwatchId === undefined ? [] : [{ source_name: PACTWATCH_SOURCE_NAME, external_id: pactwatchId }];
  return [...own, ...sources.map(sourceReference)];
}
