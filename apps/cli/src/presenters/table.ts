/** A plain-text table: columns padded, the widest wrapping column folded to fit the width. */
export interface Column<Row> {
  readonly header: string;
  readonly value: (row: Row) => string;
  /** This column takes the remaining width and wraps. */
  readonly wrap?: boolean;
  readonly style?: (text: string, row: Row) => string;
}

function wrapText(text: string, width: number): string[] {
  if (width <= 0 || text.length <= width) return [text];
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
    while (line.length > width) {
      lines.push(line.slice(0, width));
      line = line.slice(width);
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Optional full-width text printed under each row, indented (for long explanations). */
export interface TableOptions<Row> {
  readonly detail?: (row: Row) => string;
}

export function renderTable<Row>(rows: readonly Row[], columns: readonly Column<Row>[], totalWidth: number, options: TableOptions<Row> = {}): string {
  const cells = rows.map((row) => columns.map((c) => c.value(row)));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((r) => (r[i] ?? '').length)));
  const wrapIndex = columns.findIndex((c) => c.wrap === true);
  if (wrapIndex >= 0) {
    const others = widths.reduce((sum, w, i) => (i === wrapIndex ? sum : sum + w + 2), 0);
    widths[wrapIndex] = Math.max(20, Math.min(widths[wrapIndex] ?? 20, totalWidth - others));
  }
  const lines: string[] = [];
  lines.push(columns.map((c, i) => c.header.padEnd(widths[i] ?? 0)).join('  ').trimEnd());
  lines.push(widths.map((w) => '-'.repeat(w)).join('  '));
  rows.forEach((row, r) => {
    const wrapped = columns.map((c, i) => (c.wrap === true ? wrapText(cells[r]?.[i] ?? '', widths[i] ?? 0) : [cells[r]?.[i] ?? '']));
    const height = Math.max(...wrapped.map((w) => w.length));
    for (let k = 0; k < height; k += 1) {
      const parts = columns.map((c, i) => {
        const text = wrapped[i]?.[k] ?? '';
        const padded = i === columns.length - 1 ? text : text.padEnd(widths[i] ?? 0);
        return c.style !== undefined && text !== '' ? padded.replace(text, c.style(text, row)) : padded;
      });
      lines.push(parts.join('  ').trimEnd());
    }
    if (options.detail !== undefined) {
      for (const line of wrapText(options.detail(row), Math.max(20, totalWidth - 4))) lines.push(`    ${line}`);
    }
  });
  return `${lines.join('\n')}\n`;
}

/** RFC 4180 CSV: fields quoted when they hold a comma, quote or line break. */
export function renderCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const field = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return `${[header, ...rows].map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}
