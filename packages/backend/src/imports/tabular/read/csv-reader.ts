import { CsvError, parse } from 'csv-parse/sync';
import { invalidFile, firstLine } from '../tabular-errors.js';
import { TABULAR_LIMITS } from '../tabular-limits.js';
import { disambiguateHeaders, type Table, type TableRow } from '../table/table.js';
import { decodeTableText } from './text-decoding.js';

const CSV_ERROR_REASONS: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed (broken CSV quoting)',
  CSV_INVALID_CLOSING_QUOTE: 'a quote inside a quoted field is not doubled (broken CSV quoting)',
  INVALID_OPENING_QUOTE: 'a quote opens in the middle of an unquoted field (broken CSV quoting)',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'text follows a closing quote (broken CSV quoting)',
  CSV_MAX_RECORD_SIZE: `a record is over ${TABULAR_LIMITS.maxRecordChars} characters (an unclosed quote or a wrong delimiter?)`,
};

/** The delimiter of the header line: the most frequent of comma, semicolon and tab outside quotes. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const char of text.slice(0, 65_536)) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

function lineOf(error: CsvError): number | undefined {
  const lines = error['lines'];
  return typeof lines === 'number' ? lines : undefined;
}

/**
 * Fields in the header line, counted before parsing: csv-parse takes many seconds on a line of a
 * million columns, which the column limit would refuse anyway.
 */
function headerWidth(text: string, delimiter: string): number {
  let quoted = false;
  let width = 1;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && text.startsWith(delimiter, i)) width += 1;
  }
  return width;
}

/** Reads a CSV file into a table; quoting and encoding errors refuse the file, naming the line. */
export function readCsvTable(bytes: Buffer, file: string, options: { delimiter?: string } = {}): Table {
  const text = decodeTableText(bytes, file);
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const width = delimiter === '' ? 1 : headerWidth(text, delimiter);
  if (width > TABULAR_LIMITS.maxColumns) throw invalidFile(file, `the header has ${width} columns, over the limit of ${TABULAR_LIMITS.maxColumns}`, { path: 'row 1' });
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: TABULAR_LIMITS.maxRecordChars,
      // One more than allowed, so an over-long file is noticed without parsing all of it.
      to: TABULAR_LIMITS.maxRows + 2,
    });
  } catch (error) {
    if (error instanceof CsvError) {
      const line = lineOf(error);
      throw invalidFile(file, CSV_ERROR_REASONS[error.code] ?? firstLine(error), line === undefined ? {} : { line });
    }
    throw invalidFile(file, `unreadable CSV (${firstLine(error)})`);
  }
  const [header, ...data] = records;
  if (header === undefined || header.every((cell) => cell.trim() === '')) throw invalidFile(file, 'is empty: no header row', { path: 'row 1' });
  if (header.length > TABULAR_LIMITS.maxColumns) throw invalidFile(file, `the header has ${header.length} columns, over the limit of ${TABULAR_LIMITS.maxColumns}`, { path: 'row 1' });
  if (data.length > TABULAR_LIMITS.maxRows) throw invalidFile(file, `more than ${TABULAR_LIMITS.maxRows} data rows, the limit of one import; split the file`, { path: `row ${TABULAR_LIMITS.maxRows + 2}` });
  const rows: TableRow[] = [];
  let emptyRows = 0;
  data.forEach((cells, index) => {
    if (cells.every((cell) => cell.trim() === '')) emptyRows += 1;
    else rows.push({ number: index + 2, cells });
  });
  return { file, headers: disambiguateHeaders(header), rows, emptyRows };
}
