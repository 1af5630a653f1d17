import { constants, isUtf8 } from 'node:buffer';
import { PactwatchError } from '@pactwatch/domain';
import { findJsonSyntaxError, lineAndColumn } from './json-syntax-error.js';

/** Offset of the first byte that is not part of a valid UTF-8 sequence (error path only). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k += 1) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // Overlong three/four-byte forms, UTF-16 surrogates and code points above U+10FFFF.
    const c1 = bytes[i + 1] ?? 0;
    if ((b === 0xe0 && c1 < 0xa0) || (b === 0xed && c1 > 0x9f) || (b === 0xf0 && c1 < 0x90) || (b === 0xf4 && c1 > 0x8f)) return i;
    i += need + 1;
  }
  return bytes.length;
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i += 1) if (bytes[i] === 0x0a) line += 1;
  return line;
}

/** The file's text: UTF-8 (a byte-order mark is dropped and reported), anything else refused by position. */
export function decodeJsonText(bytes: Buffer, file: string): { text: string; skippedBytes: number; warnings: string[] } {
  if (bytes.length === 0) throw new PactwatchError('VALIDATION_FAILED', `${file}: the file is empty, not a STIX bundle`, { problems: [{ file, reason: 'empty file' }] });
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new PactwatchError('VALIDATION_FAILED', `${file}: the file is UTF-16 (byte-order mark at byte 0); STIX JSON must be UTF-8`, { problems: [{ file, path: 'byte 0', reason: 'UTF-16 byte-order mark' }] });
  }
  // V8 strings stop at about 512 MiB of characters; beyond that the text cannot be held at all.
  if (bytes.length > constants.MAX_STRING_LENGTH) throw new PactwatchError('VALIDATION_FAILED', `${file}: ${bytes.length} bytes is more than one JSON text can hold here (${constants.MAX_STRING_LENGTH} characters)`, { problems: [{ file, reason: 'file too large for one JSON text' }] });
  const warnings: string[] = [];
  let body: Buffer = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    body = bytes.subarray(3);
    warnings.push('the file starts with a UTF-8 byte-order mark, which JSON does not allow; it was ignored');
  }
  if (!isUtf8(body)) {
    const offset = firstInvalidUtf8(body) + (body === bytes ? 0 : 3);
    const line = lineOfByte(bytes, offset);
    throw new PactwatchError('VALIDATION_FAILED', `${file}: not valid UTF-8 at byte offset ${offset} (line ${line}); STIX JSON must be UTF-8`, { problems: [{ file, line, path: `byte ${offset}`, reason: 'invalid UTF-8' }] });
  }
  return { text: body.toString('utf8'), skippedBytes: bytes.length - body.length, warnings };
}

/**
 * JSON.parse, with a failure reported as VALIDATION_FAILED naming the line, column and byte
 * offset in the file (`skippedBytes`: a byte-order mark dropped before the text).
 */
export function parseJsonText(text: string, file: string, skippedBytes = 0): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const v8 = error instanceof Error ? error.message : String(error);
    const found = findJsonSyntaxError(text);
    const fromMessage = /at position (\d+)/.exec(v8)?.[1];
    const offset = found?.offset ?? (fromMessage === undefined ? text.length : Number(fromMessage));
    const { line, column } = lineAndColumn(text, offset);
    const byteOffset = skippedBytes + Buffer.byteLength(text.slice(0, offset), 'utf8');
    const reason = found?.reason ?? v8;
    throw new PactwatchError('VALIDATION_FAILED', `${file}: not valid JSON at line ${line}, column ${column} (byte offset ${byteOffset}): ${reason}`, {
      problems: [{ file, line, path: `column ${column}`, reason }],
    });
  }
}
