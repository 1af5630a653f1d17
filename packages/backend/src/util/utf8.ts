// Why not Buffer#toString: it replaces invalid bytes silently, and a curated name would change.

/** Offset of the first byte that does not start or continue a well-formed UTF-8 character. */
export function firstInvalidByte(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    // Length and the allowed range of the second byte (no overlongs, surrogates or > U+10FFFF).
    const [size, low, high] = lead < 0x80 ? [1, 0x80, 0xbf] : lead >= 0xc2 && lead <= 0xdf ? [2, 0x80, 0xbf] : lead === 0xe0 ? [3, 0xa0, 0xbf] : lead === 0xed ? [3, 0x80, 0x9f] : lead >= 0xe1 && lead <= 0xef ? [3, 0x80, 0xbf] : lead === 0xf0 ? [4, 0x90, 0xbf] : lead >= 0xf1 && lead <= 0xf3 ? [4, 0x80, 0xbf] : lead === 0xf4 ? [4, 0x80, 0x8f] : [0, 0, 0];
    if (size === 0) return i;
    for (let k = 1; k < size; k += 1) {
      const byte = bytes[i + k];
      if (byte === undefined) return i;
      if (k === 1 ? byte < low || byte > high : byte < 0x80 || byte > 0xbf) return i;
    }
    i += size;
  }
  return bytes.length;
}
