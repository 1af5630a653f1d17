/**
 * Reads a count series from a CSV file for the `pactwatch stats` commands.
 *
 * The parser is deliberately strict (RFC 4180): a header row, then one record per observation,
 * every record with as many fields as the header. Fields may be quoted ("a, b", "say ""hi"""),
 * quoted fields may span lines, lines end with CRLF or LF, and a UTF-8 byte-order mark is
 * skipped. Anything else (a quote inside an unquoted field, text after a closing quote, an
 * unterminated quote, a blank line between records, a ragged record, bytes that are not UTF-8) is
 * refused with the file, the row and the reason. Rows are counted as a spreadsheet counts them
 * (records, not physical lines): the header is row 1, so the first observation is row 2.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { PactwatchError, type Problem } from '@pactwatch/domain';

/** Series files larger than this are refused before they are read. */
export const MAX_SERIES_FILE_BYTES = 50 * 1024 * 1024;

/** At most this many bad values are listed in one error; the count says how many there were. */
const MAX_LISTED_PROBLEMS = 20;

export interface CsvTable {
  /** Column names from row 1, trimmed. */
  readonly header: readonly string[];
  /** Data records, in file order; `rows[i]` is row i + 2 (records are counted, not physical lines). */
  readonly rows: readonly CsvRecord[];
}

export interface CsvRecord {
  /** 1-based row number in the file (the header is row 1). */
  readonly row: number;
  readonly fields: readonly string[];
}

export interface SeriesColumns {
  /** Column holding the event counts (non-negative whole numbers). */
  readonly countColumn: string;
  /** Optional column of positive exposures (population, days, monitored entities). */
  readonly offsetColumn?: string;
  /** Optional column of cycle positions for harmonic seasonality (e.g. month numbers 1-12). */
  readonly positionColumn?: string;
}

export interface CountSeries {
  /** The path as given on the command line, used in every message. */
  readonly file: string;
  readonly countColumn: string;
  readonly offsetColumn: string | null;
  readonly counts: readonly number[];
  /** One positive value per observation when an offset column was asked for. */
  readonly exposure: readonly number[] | null;
  readonly positions: readonly number[] | null;
}

function invalid(file: string, row: number | undefined, reason: string): PactwatchError {
  return new PactwatchError('VALIDATION_FAILED', `${file}: ${row === undefined ? '' : `row ${row}: `}${reason}`);
}

/** Reads the whole file as UTF-8, refusing missing files, folders and files over the size cap. */
export function readSeriesFile(file: string, maxBytes = MAX_SERIES_FILE_BYTES): string {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'is a folder, not a file' : (error as Error).message;
    throw new PactwatchError('FILE_ERROR', `${file}: cannot read the series: ${reason}`, { cause: error });
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new PactwatchError('FILE_ERROR', `${file}: cannot read the series: is a folder, not a file`);
    if (stat.size > maxBytes) {
      throw new PactwatchError(
        'FILE_ERROR',
        `${file}: the file is ${(stat.size / 1024 / 1024).toFixed(1)} MB; series files are limited to ${(maxBytes / 1024 / 1024).toFixed(0)} MB`,
      );
    }
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, read);
      if (n === 0) break;
      read += n;
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, read));
    } catch {
      throw invalid(file, undefined, 'is not UTF-8 text');
    }
  } catch (error) {
    if (error instanceof PactwatchError) throw error;
    throw new PactwatchError('FILE_ERROR', `${file}: cannot read the series: ${(error as Error).message}`, { cause: error });
  } finally {
    closeSync(fd);
  }
}

/**
 * Scans CSV text record by record (RFC 4180, LF also accepted) without keeping the records: the
 * header goes to `onHeader`, each data record to `onRow` with its 1-based row number. Checks the
 * header (named, no duplicates) and that every record has as many fields as the header.
 */
export function scanCsv(text: string, file: string, onHeader: (header: readonly string[]) => void, onRow: (row: number, fields: readonly string[]) => void): number {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let header: string[] | undefined;
  let dataRows = 0;
  // Blank lines are tolerated at the very end only, so one is held back until a record follows it.
  let pendingBlankRow: number | undefined;
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let anyQuoted = false;
  let row = 1;
  let i = 0;
  const n = source.length;
  const endField = (): void => {
    fields.push(field);
    field = '';
    quoted = false;
  };
  const endRecord = (): void => {
    endField();
    const record = fields;
    const blank = record.length === 1 && record[0] === '' && !anyQuoted;
    fields = [];
    anyQuoted = false;
    const at = row;
    row += 1;
    if (blank) {
      pendingBlankRow ??= at;
      return;
    }
    if (pendingBlankRow !== undefined) throw invalid(file, pendingBlankRow, header === undefined ? 'blank line before the header' : 'blank line between data rows');
    if (header === undefined) {
      header = record.map((name) => name.trim());
      const seen = new Set<string>();
      header.forEach((name, k) => {
        if (name === '') throw invalid(file, at, `column ${k + 1} of the header has no name`);
        if (seen.has(name)) throw invalid(file, at, `column "${name}" appears twice in the header`);
        seen.add(name);
      });
      onHeader(header);
      return;
    }
    if (record.length !== header.length) {
      throw invalid(file, at, `has ${record.length} field${record.length === 1 ? '' : 's'}, the header has ${header.length}`);
    }
    dataRows += 1;
    onRow(at, record);
  };
  while (i < n) {
    const ch = source.charCodeAt(i);
    if (ch === 34 /* " */) {
      if (field !== '' || quoted) throw invalid(file, row, `field ${fields.length + 1}: a quote inside an unquoted field (quote the whole field and double the quote)`);
      quoted = true;
      anyQuoted = true;
      i += 1;
      let closed = false;
      while (i < n) {
        const close = source.indexOf('"', i);
        if (close < 0) {
          field += source.slice(i);
          i = n;
          break;
        }
        field += source.slice(i, close);
        if (source.charCodeAt(close + 1) === 34) {
          field += '"';
          i = close + 2;
          continue;
        }
        i = close + 1;
        closed = true;
        break;
      }
      if (!closed) throw invalid(file, row, `field ${fields.length + 1}: the quoted field is never closed`);
      const next = source.charCodeAt(i);
      if (i < n && next !== 44 && next !== 10 && !(next === 13 && source.charCodeAt(i + 1) === 10)) {
        throw invalid(file, row, `field ${fields.length + 1}: unexpected text after the closing quote`);
      }
      continue;
    }
    if (ch === 44 /* , */) {
      endField();
      i += 1;
      continue;
    }
    if (ch === 10 /* LF */) {
      endRecord();
      i += 1;
      continue;
    }
    if (ch === 13 /* CR */) {
      if (source.charCodeAt(i + 1) !== 10) throw invalid(file, row, `field ${fields.length + 1}: a carriage return that does not end the line (lines must end with CRLF or LF)`);
      endRecord();
      i += 2;
      continue;
    }
    // An unquoted run: take it in one slice up to the next delimiter, quote or line end.
    let j = i + 1;
    while (j < n) {
      const c = source.charCodeAt(j);
      if (c === 44 || c === 10 || c === 13 || c === 34) break;
      j += 1;
    }
    field += source.slice(i, j);
    i = j;
  }
  // The last record, unless the text ended with a line break.
  if (field !== '' || quoted || fields.length > 0) endRecord();
  if (header === undefined) throw invalid(file, undefined, 'is empty: expected a header row naming the columns, then one row per period');
  return dataRows;
}

/** Splits CSV text into a header and data records (see scanCsv); row numbers are 1-based. */
export function parseCsv(text: string, file: string): CsvTable {
  let header: readonly string[] = [];
  const rows: CsvRecord[] = [];
  scanCsv(
    text,
    file,
    (h) => {
      header = h;
    },
    (row, fields) => rows.push({ row, fields }),
  );
  return { header, rows };
}

const WHOLE_NUMBER = /^\d+$/;
const DECIMAL = /^[+]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const SIGNED_DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function columnIndex(header: readonly string[], file: string, name: string, role: string): number {
  const index = header.indexOf(name);
  if (index < 0) {
    throw new PactwatchError(
      'VALIDATION_FAILED',
      `${file}: no "${name}" column (${role}); the header has ${header.map((h) => `"${h}"`).join(', ')}`,
    );
  }
  return index;
}

/** Reads and checks a series file: counts, and the optional exposure and position columns. */
export function readCountSeries(file: string, columns: SeriesColumns, maxBytes = MAX_SERIES_FILE_BYTES): CountSeries {
  return countSeriesFromText(readSeriesFile(file, maxBytes), file, columns);
}

/** Same as readCountSeries, from text already read; `file` names it in messages. */
export function countSeriesFromText(text: string, file: string, columns: SeriesColumns): CountSeries {
  let countIndex = -1;
  let offsetIndex: number | undefined;
  let positionIndex: number | undefined;
  const listed: Problem[] = [];
  let problemCount = 0;
  const problem = (row: number, column: string, raw: string, expected: string): void => {
    problemCount += 1;
    if (listed.length < MAX_LISTED_PROBLEMS) listed.push({ file, path: `row ${row}: ${column}`, reason: `"${raw}" is not ${expected}` });
  };
  const counts: number[] = [];
  const exposure: number[] = [];
  const positions: number[] = [];
  scanCsv(
    text,
    file,
    (header) => {
      countIndex = columnIndex(header, file, columns.countColumn, 'the event counts; --count-column names another');
      if (columns.offsetColumn !== undefined) offsetIndex = columnIndex(header, file, columns.offsetColumn, 'named by --offset-column');
      if (columns.positionColumn !== undefined) positionIndex = columnIndex(header, file, columns.positionColumn, 'named by --season-column');
    },
    (row, fields) => {
      const rawCount = fields[countIndex] ?? '';
      const count = rawCount.trim();
      const value = Number(count);
      if (!WHOLE_NUMBER.test(count) || !Number.isSafeInteger(value)) problem(row, columns.countColumn, rawCount, 'a non-negative whole number');
      counts.push(value);
      if (offsetIndex !== undefined && columns.offsetColumn !== undefined) {
        const raw = fields[offsetIndex] ?? '';
        const parsed = Number(raw.trim());
        if (!DECIMAL.test(raw.trim()) || !Number.isFinite(parsed) || parsed <= 0) problem(row, columns.offsetColumn, raw, 'a positive number (an exposure)');
        exposure.push(parsed);
      }
      if (positionIndex !== undefined && columns.positionColumn !== undefined) {
        const raw = fields[positionIndex] ?? '';
        const parsed = Number(raw.trim());
        if (!SIGNED_DECIMAL.test(raw.trim()) || !Number.isFinite(parsed)) problem(row, columns.positionColumn, raw, 'a number (a position in the seasonal cycle)');
        positions.push(parsed);
      }
    },
  );
  if (problemCount === 1) {
    const only = listed[0];
    throw new PactwatchError('VALIDATION_FAILED', `${file}: ${only?.path ?? ''}: ${only?.reason ?? ''}`);
  }
  if (problemCount > 1) {
    const shown = problemCount > listed.length ? [...listed, { file, reason: `… and ${problemCount - listed.length} more` }] : listed;
    throw new PactwatchError('VALIDATION_FAILED', `${file}: ${problemCount} invalid values`, { problems: shown });
  }
  return {
    file,
    countColumn: columns.countColumn,
    offsetColumn: columns.offsetColumn ?? null,
    counts,
    exposure: offsetIndex === undefined ? null : exposure,
    positions: positionIndex === undefined ? null : positions,
  };
}
