/**
 * The text of an exceljs cell value. Dates become ISO days (rounded to the minute first, because
 * Excel serials carry float noise such as 00:14:24 or 23:59:59.999); formulas give their cached
 * result; rich text gives its visible text, a hyperlink its text and address.
 */
export function dateCellText(date: Date): string {
  const minutes = Math.round(date.getTime() / 60_000) * 60_000;
  const iso = new Date(minutes).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function cellText(value: unknown, depth = 0): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : dateCellText(value);
  if (!isRecord(value) || depth > 3) return '';
  if (Array.isArray(value.richText)) return value.richText.map((part: unknown) => (isRecord(part) && typeof part.text === 'string' ? part.text : '')).join('');
  if ('text' in value) {
    // A hyperlink's address is kept beside its visible text, so a cited URL is never lost.
    const text = cellText(value.text, depth + 1);
    return typeof value.hyperlink === 'string' && value.hyperlink !== '' && value.hyperlink !== text ? `${text} (${value.hyperlink})` : text;
  }
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result, depth + 1);
  if (typeof value.error === 'string') return value.error;
  return '';
}
