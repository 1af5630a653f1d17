import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstInvalidByte } from '../src/util/utf8.js';

const strict = new TextDecoder('utf-8', { fatal: true });
const decodes = (bytes: Uint8Array): boolean => {
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
};

describe('firstInvalidByte (the curated-file UTF-8 check)', () => {
  it('agrees with a strict decoder: the bytes before the offset decode, and the whole decodes only when the offset is the end', () => {
    // Random bytes, and text with random bytes spliced in (mostly-valid files are the real case).
    const mostlyText = fc.tuple(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.uint8Array({ maxLength: 4 }), fc.string({ maxLength: 20 })).map(([a, junk, b]) => Buffer.concat([Buffer.from(a), junk, Buffer.from(b)]));
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 24 }).map((b) => Buffer.from(b)), mostlyText), (bytes) => {
        const at = firstInvalidByte(bytes);
        expect(decodes(bytes.subarray(0, at))).toBe(true);
        expect(at === bytes.length).toBe(decodes(bytes));
        // The character starting at the offset is the bad one: no longer prefix ending in it decodes.
        if (at < bytes.length) for (let end = at + 1; end <= Math.min(bytes.length, at + 4); end += 1) expect(decodes(bytes.subarray(0, end))).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('names the offending byte in common mistakes', () => {
    expect(firstInvalidByte(Buffer.from([0x5a, 0xfc, 0x72]))).toBe(1); // Latin-1 ü
    expect(firstInvalidByte(Buffer.from([0x61, 0xc0, 0xaf]))).toBe(1); // overlong "/"
    expect(firstInvalidByte(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // a UTF-16 surrogate
    expect(firstInvalidByte(Buffer.from([0x61, 0xe2, 0x82]))).toBe(1); // cut off at the end
    expect(firstInvalidByte(Buffer.from('Zürich ✓ 𝄞', 'utf8'))).toBe(Buffer.byteLength('Zürich ✓ 𝄞'));
  });
});
