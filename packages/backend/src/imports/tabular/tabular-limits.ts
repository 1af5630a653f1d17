/**
 * Limits on hostile or accidental input. They bound memory and time, not correctness: a row over
 * a cell limit is quarantined (kept, with the reason); a file over a file limit is refused whole.
 */
export const TABULAR_LIMITS = {
  /** Characters in one cell. Excel itself stops at 32,767; CSV exports of databases may hold more. */
  maxCellChars: 100_000,
  /** Data rows in one table: one import is one transaction, and very large ones should be split. */
  maxRows: 200_000,
  maxColumns: 1_000,
  /** Characters in one CSV record, a guard against a wrong delimiter or an unclosed quote. */
  maxRecordChars: 8_000_000,
  /** Uncompressed bytes of all entries of an XLSX archive (exceljs loads the whole workbook). */
  maxXlsxUncompressedBytes: 100 * 1024 * 1024,
  maxXlsxEntries: 10_000,
  /** Characters of a truncated cell kept in the raw text of a quarantined row. */
  rawCellPreviewChars: 2_000,
  /** URL sources kept per record: more add nothing for a verdict and bloat every record. */
  maxSourcesPerRecord: 10,
} as const;
