import ExcelJS from 'exceljs';
import { firstLine, invalidFile } from '../tabular-errors.js';
import { TABULAR_LIMITS } from '../tabular-limits.js';
import { disambiguateHeaders, type Table, type TableRow } from '../table/table.js';
import { cellText } from './cell-text.js';
import { checkXlsxArchive } from './zip-guard.js';

function sheetTable(sheet: ExcelJS.Worksheet, file: string): Table {
  const name = sheet.name;
  if (sheet.actualRowCount > TABULAR_LIMITS.maxRows + 1) throw invalidFile(file, `sheet "${name}" has ${sheet.actualRowCount} rows, over the limit of ${TABULAR_LIMITS.maxRows} data rows; split the file`);
  const width = sheet.columnCount;
  if (width > TABULAR_LIMITS.maxColumns) throw invalidFile(file, `sheet "${name}" has ${width} columns, over the limit of ${TABULAR_LIMITS.maxColumns}`);
  const headerRow = sheet.getRow(1);
  const rawHeaders: string[] = [];
  for (let column = 1; column <= width; column += 1) {
    const text = cellText(headerRow.getCell(column).value);
    rawHeaders.push(text.trim() === '' ? '' : text);
  }
  // Trailing blank header cells are formatting, not columns.
  while (rawHeaders.length > 0 && rawHeaders[rawHeaders.length - 1] === '') rawHeaders.pop();
  const rows: TableRow[] = [];
  let emptyRows = 0;
  let lastNumber = 1;
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    emptyRows += number - lastNumber - 1;
    lastNumber = number;
    const cells: string[] = [];
    for (let column = 1; column <= Math.max(width, rawHeaders.length); column += 1) cells.push(cellText(row.getCell(column).value));
    while (cells.length > rawHeaders.length && cells[cells.length - 1] === '') cells.pop();
    if (cells.every((cell) => cell.trim() === '')) emptyRows += 1;
    else rows.push({ number, cells });
  });
  return { file, sheet: name, headers: rawHeaders.length === 0 ? [] : disambiguateHeaders(rawHeaders), rows, emptyRows };
}

/** Reads every sheet of an XLSX workbook as a table, after the archive checks of the zip guard. */
export async function readXlsxTables(bytes: Buffer, file: string): Promise<Table[]> {
  checkXlsxArchive(bytes, file);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type (an ArrayBuffer); it reads Node buffers at run time.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    throw invalidFile(file, `is not a readable XLSX workbook (${firstLine(error)})`);
  }
  if (workbook.worksheets.length === 0) throw invalidFile(file, 'the workbook has no sheets');
  return workbook.worksheets.map((sheet) => sheetTable(sheet, file));
}
