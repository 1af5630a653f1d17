import { createHash } from 'node:crypto';
import { PACTWATCH_STIX_NAMESPACE, sha1, stixId, utf8Bytes, uuidV5 } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('SHA-1 and UUIDv5 in the browser-safe domain', () => {
  it('hashes like node:crypto, across padding boundaries and non-ASCII text', () => {
    const inputs = ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'a'.repeat(1000), 'Ünïcødé ✓ 𝄞 中国', 'x'.repeat(70_000)];
    for (const text of inputs) {
      expect(Buffer.from(utf8Bytes(text)).equals(Buffer.from(text, 'utf8'))).toBe(true);
      expect(hex(sha1(utf8Bytes(text)))).toBe(createHash('sha1').update(text, 'utf8').digest('hex'));
    }
    expect(hex(sha1(utf8Bytes('abc')))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
  });

  it('encodes a lone surrogate as U+FFFD, as TextEncoder does', () => {
    expect(Array.from(utf8Bytes('a\ud800b'))).toEqual([0x61, 0xef, 0xbf, 0xbd, 0x62]);
  });

  it('derives RFC 9562 version-5 UUIDs (the RFC test vector) and the documented pactwatch namespace', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(uuidV5('6ba7b811-9dad-11d1-80b4-00c04fd430c8', 'urn:pactwatch:stix')).toBe(PACTWATCH_STIX_NAMESPACE);
    expect(() => uuidV5('not-a-uuid', 'x')).toThrow('not a UUID');
  });

  it('gives each record kind + id one stable STIX id, different across kinds and records', () => {
    const id = stixId('incident', 'incident', 'cn-us-opm-2015');
    expect(id).toMatch(/^incident--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stixId('incident', 'incident', 'cn-us-opm-2015')).toBe(id);
    expect(id).toBe(`incident--${uuidV5(PACTWATCH_STIX_NAMESPACE, 'incident:cn-us-opm-2015')}`);
    expect(stixId('incident', 'incident', 'cn-us-opm-2016')).not.toBe(id);
    expect(stixId('location', 'country', 'CN').slice(10)).not.toBe(stixId('location', 'state-sponsor', 'CN').slice(10));
  });
});
