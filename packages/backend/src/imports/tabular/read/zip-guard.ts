import { inflateRawSync } from 'node:zlib';
import { invalidFile } from '../tabular-errors.js';
import { TABULAR_LIMITS } from '../tabular-limits.js';

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

function centralDirectory(bytes: Buffer, file: string): Entry[] {
  const searchFrom = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= searchFrom; i -= 1) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw invalidFile(file, 'is not an XLSX workbook: the zip archive has no central directory (truncated?)');
  const count = bytes.readUInt16LE(eocd + 10);
  const offset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw invalidFile(file, 'is a ZIP64 archive, which pactwatch does not read (a workbook over 4 GB?)');
  if (count > TABULAR_LIMITS.maxXlsxEntries) throw invalidFile(file, `the archive has ${count} entries, over the limit of ${TABULAR_LIMITS.maxXlsxEntries}`);
  const entries: Entry[] = [];
  let at = offset;
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) throw invalidFile(file, 'is not an XLSX workbook: the zip central directory is damaged');
    const nameLength = bytes.readUInt16LE(at + 28);
    entries.push({
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}

function entryData(bytes: Buffer, entry: Entry, file: string): Buffer {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50) throw invalidFile(file, `is not an XLSX workbook: zip entry "${entry.name}" is damaged`);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  if (start + entry.compressedSize > bytes.length) throw invalidFile(file, `is not an XLSX workbook: zip entry "${entry.name}" is truncated`);
  return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * Checks an XLSX archive before exceljs loads it whole into memory: a zip at all, an Office
 * workbook, and no zip bomb. Declared sizes are summed from the central directory (cheap), then
 * each entry is inflated with an output cap of its declared size, so an archive that lies about
 * its sizes is caught without ever expanding past the limit.
 */
export function checkXlsxArchive(bytes: Buffer, file: string): void {
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0) throw invalidFile(file, 'is an old binary .xls or a password-protected workbook, not XLSX; save it as .xlsx without a password');
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== 0x04034b50) throw invalidFile(file, 'is not an XLSX workbook (not a zip archive)');
  const entries = centralDirectory(bytes, file);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) throw invalidFile(file, 'is a zip archive but not an XLSX workbook (no xl/workbook.xml)');
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > TABULAR_LIMITS.maxXlsxUncompressedBytes) throw invalidFile(file, `the workbook expands to ${declared} bytes, over the limit of ${TABULAR_LIMITS.maxXlsxUncompressedBytes}`);
  for (const entry of entries) {
    if (entry.name.endsWith('/') && entry.size === 0) continue;
    if ((entry.flags & 1) !== 0) throw invalidFile(file, `zip entry "${entry.name}" is encrypted`);
    const data = entryData(bytes, entry, file);
    if (entry.method === 0) {
      if (data.length !== entry.size) throw invalidFile(file, `zip entry "${entry.name}" does not match its declared size`);
      continue;
    }
    if (entry.method !== 8) throw invalidFile(file, `zip entry "${entry.name}" uses compression method ${entry.method}, which XLSX does not use`);
    let inflated: number;
    try {
      inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) }).length;
    } catch {
      throw invalidFile(file, `zip entry "${entry.name}" is corrupt or expands beyond its declared ${entry.size} bytes (a zip bomb?)`);
    }
    if (inflated !== entry.size) throw invalidFile(file, `zip entry "${entry.name}" does not match its declared size`);
  }
}
