/** One data row: its 1-based spreadsheet row number (the header is row 1) and its cell texts. */
export interface TableRow {
  readonly number: number;
  readonly cells: readonly string[];
}

/** A CSV file or one XLSX sheet, read as text: every cell is a string, empty when blank. */
export interface Table {
  readonly file: string;
  /** The sheet name, for XLSX. */
  readonly sheet?: string;
  /** Column names as in the file; blank ones become "column N", repeats get ".1", ".2" (as pandas). */
  readonly headers: readonly string[];
  readonly rows: readonly TableRow[];
  /** Rows with no text at all: skipped, and counted in a warning. */
  readonly emptyRows: number;
}

/** Header keys compare trimmed, case-insensitive, with runs of spaces folded ("Concession " = "concession"). */
export function headerKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

export function disambiguateHeaders(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((raw, index) => {
    const name = raw.trim() === '' ? `column ${index + 1}` : raw;
    const count = seen.get(name) ?? 0;
    seen.set(name, count + 1);
    return count === 0 ? name : `${name}.${count}`;
  });
}

export function tableLabel(table: Table): string {
  return table.sheet === undefined ? table.file : `${table.file} (sheet "${table.sheet}")`;
}

export function rowLocator(table: Table, rowNumber: number): string {
  return table.sheet === undefined ? `row ${rowNumber}` : `sheet "${table.sheet}" row ${rowNumber}`;
}

/** Column positions by header key; the first of repeated names wins. */
export class ColumnIndex {
  private readonly positions = new Map<string, number>();

  constructor(readonly headers: readonly string[]) {
    headers.forEach((name, index) => {
      const key = headerKey(name);
      if (!this.positions.has(key)) this.positions.set(key, index);
    });
  }

  /** Position of the first candidate name present, or undefined. */
  find(...candidates: readonly string[]): number | undefined {
    for (const candidate of candidates) {
      const position = this.positions.get(headerKey(candidate));
      if (position !== undefined) return position;
    }
    return undefined;
  }

  has(...candidates: readonly string[]): boolean {
    return this.find(...candidates) !== undefined;
  }

  /** Exact (case-sensitive) presence, for layouts told apart by capitalisation. */
  hasExact(name: string): boolean {
    return this.headers.includes(name);
  }
}

/** Read access to one row by column names; absent columns read as empty. */
export class RowView {
  constructor(
    readonly table: Table,
    readonly row: TableRow,
    private readonly columns: ColumnIndex,
  ) {}

  get(...candidates: readonly string[]): string {
    const position = this.columns.find(...candidates);
    return position === undefined ? '' : (this.row.cells[position] ?? '').trim();
  }

  /** The header name under which a candidate was found, for messages. */
  columnName(...candidates: readonly string[]): string {
    const position = this.columns.find(...candidates);
    return position === undefined ? (candidates[0] ?? '') : (this.columns.headers[position] ?? '');
  }

  get locator(): string {
    return rowLocator(this.table, this.row.number);
  }
}

/** The row as a JSON-able object of header → cell text, extra cells under "column N". */
export function rowObject(headers: readonly string[], cells: readonly string[]): Record<string, string> {
  const object: Record<string, string> = {};
  cells.forEach((cell, index) => {
    object[headers[index] ?? `column ${index + 1}`] = cell;
  });
  for (const name of headers.slice(cells.length)) object[name] = '';
  return object;
}
