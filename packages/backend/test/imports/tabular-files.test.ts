import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeZip } from '../fuzz/zip-archive.js';
import { workspace } from '../helpers.js';

const CFR_HEADER = 'Title,Date,Affiliations,Description,Response,Victims,Sponsor,Type,Category,Sources_1,Sources_2,Sources_3';
const CFR_ROW = 'Cloud Hopper,12/20/2018,APT 10,,,United States,China,Espionage,Private sector,,,';

const OFFICE = [{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }];

async function setup() {
  const ws = workspace();
  const app = await ws.open();
  const write = (name: string, content: string | Buffer): string => {
    const path = join(ws.dir, name);
    writeFileSync(path, content);
    return path;
  };
  return { app, write };
}

/** The error an import fails with; asserts it is a coded error, never a stack trace. */
async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string; problems: ReadonlyArray<Record<string, unknown>> }> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toMatchObject({ name: 'PactwatchError' });
  const { code, message, problems } = error as { code: string; message: string; problems: ReadonlyArray<Record<string, unknown>> };
  expect(message).not.toMatch(/\n\s+at /);
  return { code, message, problems };
}

describe('malformed and hostile tabular files', () => {
  it('refuses broken CSV quoting, naming the file and line', async () => {
    const { app, write } = await setup();
    const unclosed = write('unclosed.csv', `${CFR_HEADER}\n${CFR_ROW}\n"Second,1/1/2020,,,,France,China,Espionage,Government,,,\nThird,1/2/2020\n`);
    const first = await failure(app.imports.import({ file: unclosed, format: 'csv', mapping: 'cfr' }));
    expect(first.code).toBe('VALIDATION_FAILED');
    expect(first.message).toMatch(/unclosed\.csv: line \d+: a quoted field is never closed \(broken CSV quoting\)$/);
    const stray = write('stray.csv', `${CFR_HEADER}\n${CFR_ROW}\nBad,"1/1/2020"x,,,,France,China,Espionage,Government,,,\n`);
    const second = await failure(app.imports.import({ file: stray, format: 'csv', mapping: 'cfr' }));
    expect(second.message).toContain('stray.csv: line 3: ');
    expect(second.message).toContain('broken CSV quoting');
  });

  it('refuses text that is not UTF-8, with the line and column of the first bad byte', async () => {
    const { app, write } = await setup();
    const file = write('latin1.csv', Buffer.concat([Buffer.from(`${CFR_HEADER}\n${CFR_ROW}\nCaf`), Buffer.from([0xe9]), Buffer.from(',1/1/2020,,,,France,China,Espionage,Government,,,\n')]));
    const error = await failure(app.imports.import({ file, format: 'csv', mapping: 'cfr' }));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(error.message).toContain('latin1.csv: line 3: column 4: byte 0xE9 is not valid UTF-8');
    expect(error.problems[0]).toMatchObject({ line: 3 });
  });

  it('refuses files that are not XLSX workbooks, and zip bombs, before exceljs reads them', async () => {
    const { app, write } = await setup();
    const text = write('notes.xlsx', 'Title,Date\n');
    expect((await failure(app.imports.import({ file: text, format: 'xlsx', mapping: 'cfr' }))).message).toContain('notes.xlsx: is not an XLSX workbook (not a zip archive)');
    const otherZip = write('photos.xlsx', writeZip([{ name: 'photo.txt', data: Buffer.from('not a sheet') }]));
    expect((await failure(app.imports.import({ file: otherZip, format: 'xlsx', mapping: 'cfr' }))).message).toContain('photos.xlsx: is a zip archive but not an XLSX workbook (no xl/workbook.xml)');
    const liar = write('bomb.xlsx', writeZip([...OFFICE, { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(20 * 1024 * 1024), declared: 1000 }]));
    expect((await failure(app.imports.import({ file: liar, format: 'xlsx', mapping: 'cfr' }))).message).toContain('zip entry "xl/worksheets/sheet1.xml" is corrupt or expands beyond its declared 1000 bytes (a zip bomb?)');
    const huge = write('huge.xlsx', writeZip([...OFFICE, { name: 'xl/sharedStrings.xml', data: Buffer.from('<sst/>'), declared: 200 * 1024 * 1024 }]));
    expect((await failure(app.imports.import({ file: huge, format: 'xlsx', mapping: 'cfr' }))).message).toMatch(/huge\.xlsx: the workbook expands to \d+ bytes, over the limit of 104857600/);
    const legacy = write('old.xlsx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    expect((await failure(app.imports.import({ file: legacy, format: 'xlsx', mapping: 'cfr' }))).message).toContain('is an old binary .xls or a password-protected workbook');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').addRow(CFR_HEADER.split(','));
    const realXlsx = join(write('placeholder', ''), '..', 'real.xlsx');
    await workbook.xlsx.writeFile(realXlsx);
    expect((await failure(app.imports.import({ file: realXlsx, format: 'csv', mapping: 'cfr' }))).message).toContain('real.xlsx: is a zip archive (an XLSX workbook?), not CSV text; use --format xlsx');
  });

  it('refuses missing required columns and empty files, and caps the number of rows', async () => {
    const { app, write } = await setup();
    const noSponsor = write('no-sponsor.csv', 'Title,Date,Victims,Type,Category\nX,1/1/2020,France,Espionage,Government\n');
    const missing = await failure(app.imports.import({ file: noSponsor, format: 'csv', mapping: 'cfr' }));
    expect(missing.message).toContain('no-sponsor.csv: row 1: the header (row 1) lacks the column(s) "Sponsor" that the cfr mapping needs; found "Title", "Date", "Victims", "Type", "Category"');
    const empty = write('empty.csv', '\n\n');
    expect((await failure(app.imports.import({ file: empty, format: 'csv', mapping: 'cfr' }))).message).toContain('empty.csv: row 1: is empty: no header row');
    const long = write('long.csv', `${CFR_HEADER}\n${'x\n'.repeat(200_001)}`);
    expect((await failure(app.imports.import({ file: long, format: 'csv', mapping: 'cfr' }))).message).toContain('long.csv: row 200002: more than 200000 data rows, the limit of one import; split the file');
  });

  it('quarantines a row with more cells than the header (an unquoted comma), keeping the others', async () => {
    const { app, write } = await setup();
    const file = write('shifted.csv', `${CFR_HEADER}\n${CFR_ROW}\nGrid,12/23/2015,,Kyiv, Ukraine,,Ukraine,Russian Federation,Sabotage,Government,,,\n\n`);
    const report = await app.imports.import({ file, format: 'csv', mapping: 'cfr' });
    expect(report).toMatchObject({ read: 2, stored: 1, quarantined: 1 });
    expect(report.problems[0]).toMatchObject({ path: 'row 3', reason: 'row has 13 cells but the header has 12 columns: the columns are shifted (an unquoted delimiter or a missing cell?)' });
    expect(report.warnings).toContain(`${file}: 1 empty row(s) skipped`);
  });
});
