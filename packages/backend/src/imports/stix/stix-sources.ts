import type { Source } from '@pactwatch/domain';
import { clip, isJsonObject, stringProp, type StixObject } from './stix-object.js';

const MAX_SOURCES = 12;

/**
 * A URL a source may carry: parseable and http(s). Other schemes (javascript:, file:) would be
 * links in the dashboard later; the raw unit keeps whatever the source wrote.
 */
function usableUrl(value: string | undefined): string | undefined {
  if (value === undefined || value.length > 2000 || !/^https?:\/\//i.test(value)) return undefined;
  return URL.canParse(value) ? value : undefined;
}

/** A date (YYYY-MM-DD) from a STIX timestamp, for EDTF fields. */
export function stixDate(timestamp: string | undefined): string | undefined {
  const match = timestamp === undefined ? null : /^(\d{4}-\d{2}-\d{2})T/.exec(timestamp);
  return match?.[1];
}

/** The ATT&CK id and page of an object ("G0007", https://attack.mitre.org/groups/G0007). */
export function attackReference(object: StixObject): { externalId: string; url?: string } | undefined {
  const refs = object['external_references'];
  if (!Array.isArray(refs)) return undefined;
  for (const ref of refs) {
    if (isJsonObject(ref) && ref['source_name'] === 'mitre-attack') {
      const externalId = stringProp(ref, 'external_id');
      const url = usableUrl(stringProp(ref, 'url'));
      if (externalId !== undefined) return { externalId, ...(url === undefined ? {} : { url }) };
    }
  }
  return undefined;
}

/**
 * An object's external references as sources: those with a URL (citations without one are alias
 * notes in ATT&CK), at most MAX_SOURCES; the raw object keeps every reference.
 */
export function externalSources(object: StixObject): Source[] {
  const refs = object['external_references'];
  if (!Array.isArray(refs)) return [];
  const out: Source[] = [];
  for (const ref of refs) {
    if (!isJsonObject(ref) || out.length >= MAX_SOURCES) continue;
    const url = usableUrl(stringProp(ref, 'url'));
    const sourceName = stringProp(ref, 'source_name');
    if (url === undefined || sourceName === undefined || sourceName.trim() === '') continue;
    const externalId = stringProp(ref, 'external_id');
    const isAttack = sourceName === 'mitre-attack';
    const title = isAttack ? `${externalId ?? ''} ${stringProp(object, 'name') ?? object.id}`.trim() : (stringProp(ref, 'description') ?? externalId ?? sourceName);
    out.push({ publisher: clip(isAttack ? 'MITRE ATT&CK' : sourceName, 300), title: clip(title.trim() === '' ? sourceName : title, 500), url });
  }
  return out;
}
