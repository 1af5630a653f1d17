import type { RowView } from '../../table/table.js';
import { parseTabularDate, looksLikeDate } from '../../values/tabular-dates.js';
import { extractUrls } from '../../values/source-links.js';
import { CFR_COLUMNS, CFR_DEFAULTS } from './cfr-code-books.js';

const SHORT = (text: string): string => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

/**
 * Rows whose cells slid one or more columns (a lost or extra cell in an export): a URL or a date
 * where a sponsor, victim, type or category belongs, or prose where the date belongs. Mapping such
 * a row would store a wrong sponsor or victim, so it is quarantined with the evidence.
 */
export function shiftedColumns(view: RowView): { field: string; reason: string } | undefined {
  for (const candidates of [CFR_COLUMNS.sponsor, CFR_COLUMNS.victims, CFR_COLUMNS.type, CFR_COLUMNS.category]) {
    const value = view.get(...candidates);
    const field = view.columnName(...candidates);
    if (extractUrls(value).length > 0 || /(^|\s)www\./i.test(value)) return { field, reason: `the columns appear shifted: ${field} holds a URL ("${SHORT(value)}")` };
    if (looksLikeDate(value)) return { field, reason: `the columns appear shifted: ${field} holds a date ("${SHORT(value)}")` };
  }
  const date = view.get(...CFR_COLUMNS.date);
  const dateField = view.columnName(...CFR_COLUMNS.date);
  if (extractUrls(date).length > 0) return { field: dateField, reason: `the columns appear shifted: ${dateField} holds a URL ("${SHORT(date)}")` };
  if (date.length > 30 && !parseTabularDate(date, CFR_DEFAULTS.dateFormat).ok) return { field: dateField, reason: `the columns appear shifted: ${dateField} holds text ("${SHORT(date)}")` };
  return undefined;
}

/**
 * The tracker also lists threat actors: such a row names the group in Title (with its other names
 * in Affiliations) and has no date, victims, type or category, which every incident has.
 */
export function isActorProfile(view: RowView): boolean {
  return view.get(...CFR_COLUMNS.title) !== '' && [CFR_COLUMNS.date, CFR_COLUMNS.victims, CFR_COLUMNS.type, CFR_COLUMNS.category].every((c) => view.get(...c) === '');
}
