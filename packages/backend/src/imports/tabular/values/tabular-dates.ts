import { isValidEdtf, parseUncertainDate } from '@pactwatch/domain';

/**
 * How to read day/month dates that are ambiguous on their own. ISO forms (2022-01-20, 2022-01,
 * 2022, and 2022-01-20T10:00) are always accepted whatever the format, because XLSX date cells
 * are read as ISO days.
 */
export const DATE_FORMATS = ['iso', 'dd.mm.yyyy', 'dd/mm/yyyy', 'mm/dd/yyyy', 'excel-serial', 'edtf'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export type DateResult = { readonly ok: true; readonly edtf: string } | { readonly ok: false; readonly reason: string };

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function day(year: number, month: number, dayOfMonth: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, dayOfMonth));
  if (year < 1000 || year > 2999 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== dayOfMonth) return undefined;
  return `${pad(year, 4)}-${pad(month)}-${pad(dayOfMonth)}`;
}

/** Two-digit years pivot at 50: "1/5/16" is 2016, "1/5/98" is 1998. */
function fullYear(text: string): number {
  const n = Number(text);
  return text.length === 4 ? n : n < 50 ? 2000 + n : 1900 + n;
}

/** Excel's 1900 date system: serial 1 is 1900-01-01, and the phantom 1900-02-29 (serial 60) is skipped. */
export function excelSerialToDay(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 61 || serial > 2_958_465) return undefined;
  const ms = Date.UTC(1899, 11, 30) + Math.round(serial * 1440) * 60_000;
  return new Date(ms).toISOString().slice(0, 10);
}

function parseIso(text: string): string | undefined {
  const full = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(text);
  if (full !== null) return day(Number(full[1]), Number(full[2]), Number(full[3]));
  const month = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (month !== null) return Number(month[2]) >= 1 && Number(month[2]) <= 12 ? `${month[1]}-${pad(Number(month[2]))}` : undefined;
  if (/^\d{4}$/.test(text) && Number(text) >= 1000 && Number(text) <= 2999) return text;
  return undefined;
}

function parseWith(text: string, format: DateFormat): string | undefined {
  switch (format) {
    case 'iso':
      return undefined;
    case 'edtf':
      return isValidEdtf(text) ? text : undefined;
    case 'excel-serial':
      return /^\d+(?:\.\d+)?$/.test(text) ? excelSerialToDay(Number(text)) : undefined;
    case 'dd.mm.yyyy': {
      const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$/.exec(text);
      if (m !== null) return day(fullYear(m[3] ?? ''), Number(m[2]), Number(m[1]));
      const my = /^(\d{1,2})\.(\d{4})$/.exec(text);
      return my !== null && Number(my[1]) >= 1 && Number(my[1]) <= 12 ? `${my[2]}-${pad(Number(my[1]))}` : undefined;
    }
    case 'dd/mm/yyyy':
    case 'mm/dd/yyyy': {
      const m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})$/.exec(text);
      if (m !== null) {
        const [first, second] = [Number(m[1]), Number(m[2])];
        return format === 'mm/dd/yyyy' ? day(fullYear(m[3] ?? ''), first, second) : day(fullYear(m[3] ?? ''), second, first);
      }
      const my = /^(\d{1,2})\/(\d{4})$/.exec(text);
      return my !== null && Number(my[1]) >= 1 && Number(my[1]) <= 12 ? `${my[2]}-${pad(Number(my[1]))}` : undefined;
    }
  }
}

/** Reads a date cell as an EDTF day, month or year, keeping the precision the cell has. */
export function parseTabularDate(input: string, format: DateFormat): DateResult {
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'is empty' };
  const edtf = parseIso(text) ?? parseWith(text, format);
  if (edtf === undefined || !isValidEdtf(edtf)) return { ok: false, reason: `"${text.slice(0, 80)}" is not a date in the ${format} format` };
  return { ok: true, edtf };
}

/** Whether a cell looks like a date of any common form (used to detect shifted columns). */
export function looksLikeDate(text: string): boolean {
  const t = text.trim();
  return /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(t) || /^\d{4}-\d{1,2}-\d{1,2}/.test(t);
}

/** Whether a period's end surely lies before its start (then the row contradicts itself). */
export function edtfEndsBefore(end: string, start: string): boolean {
  try {
    return parseUncertainDate(end).latest < parseUncertainDate(start).earliest;
  } catch {
    return false;
  }
}
