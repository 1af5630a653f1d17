import { sha1, utf8Bytes } from './sha1.js';

/**
 * The fixed namespace of every pactwatch STIX id: UUIDv5 of the name "urn:pactwatch:stix" in the
 * RFC 9562 URL namespace (6ba7b811-…). Never change it: consumers deduplicate by id, and a new
 * namespace would make every exported object look new.
 */
export const PACTWATCH_STIX_NAMESPACE = '08329596-bd49-55af-8b71-c9292ef386ed';

function uuidBytes(uuid: string): Uint8Array {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`not a UUID: "${uuid}"`);
  return Uint8Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
}

/** RFC 9562 UUID version 5 (SHA-1 of namespace bytes then the name's UTF-8 bytes). */
export function uuidV5(namespace: string, name: string): string {
  const ns = uuidBytes(namespace);
  const text = utf8Bytes(name);
  const input = new Uint8Array(ns.length + text.length);
  input.set(ns);
  input.set(text, ns.length);
  const hash = sha1(input).slice(0, 16);
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A deterministic STIX id: `<type>--<UUIDv5(namespace, "<kind>:<key>")>`. The kind names what
 * the key identifies ("incident", "country", "commitment"), so equal keys of different kinds
 * never collide and the same record always gets the same id, export after export.
 */
export function stixId(type: string, kind: string, key: string): string {
  return `${type}--${uuidV5(PACTWATCH_STIX_NAMESPACE, `${kind}:${key}`)}`;
}
