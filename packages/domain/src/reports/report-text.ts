import type { TriValue, Verdict } from '../compliance/types.js';
import type { PreTrend, TrendDirection } from '../series/trend-verdict.js';
import type { Report, ReportCitation, ReportScope } from './report-model.js';

/** Words shared by the Markdown and HTML renderers, so both say the same thing. */
export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  breach: 'Breach',
  'possible-breach': 'Possible breach',
  'outside-scope': 'Outside scope',
  'before-in-force': 'Before in force',
};

export const CHECK_LABELS: Readonly<Record<TriValue, string>> = { true: 'yes', false: 'no', unknown: 'unknown' };

export const DIRECTION_LABELS: Readonly<Record<TrendDirection, string>> = {
  fewer: 'Fewer incidents after',
  more: 'More incidents after',
  'no-clear-change': 'No clear change',
  'not-computable': 'Not computable',
};

export const PRE_TREND_LABELS: Readonly<Record<PreTrend | 'none', string>> = {
  falling: 'already falling',
  rising: 'already rising',
  'no-clear-trend': 'no clear trend',
  none: 'not modelled',
};

export const VERDICT_ORDER: readonly Verdict[] = ['breach', 'possible-breach', 'outside-scope', 'before-in-force'];

export function scopeText(scope: ReportScope): string {
  if (scope.kind === 'agreement') return `agreement ${scope.agreementId}`;
  if (scope.kind === 'dyad') return `incidents sponsored by ${scope.sponsor} against ${scope.victim}, under the agreements between the two`;
  return `incidents sponsored by ${scope.state}, under the agreements it is party to`;
}

export function periodText(report: Report): string | undefined {
  const { from, to } = report.period;
  if (from === null && to === null) return undefined;
  return `incidents dated ${from === null ? 'up to' : `from ${from}`}${from !== null && to !== null ? ' to ' : ' '}${to ?? ''}`.trim();
}

/** A reference line's parts: publisher, title, date (the URL is added by each renderer). */
export function citationText(c: ReportCitation): string {
  return `${c.publisher}. ${c.title}${c.date === null ? '' : `, ${c.date}`}.`;
}

export function citationMarks(numbers: readonly number[]): string {
  return numbers.map((n) => `[${n}]`).join('');
}

/** Only web addresses become links; anything else is printed as text. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\/[^\s"'<>]+$/i.test(url);
}
