import { isStateCode, PactwatchError, parseUncertainDate, type ReportScope } from '@pactwatch/domain';

export const REPORT_FORMATS = ['md', 'html', 'pdf', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportRequest {
  readonly scope: ReportScope;
  /** EDTF bounds on incident dates: an incident counts if it may overlap [from, to]. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  /** YYYY-MM-DD: the only date the report prints, and the day cooperation is judged on. */
  readonly asOf?: string | undefined;
}

/** `CN:US` → sponsor CN, victim US (ISO codes, upper case). */
export function parseDyad(text: string): { sponsor: string; victim: string } {
  const match = /^([A-Za-z]{2}):([A-Za-z]{2})$/.exec(text.trim());
  if (match === null) throw new PactwatchError('USAGE', `--dyad must be SPONSOR:VICTIM with two ISO 3166-1 alpha-2 codes, e.g. CN:US; got "${text}"`);
  const [sponsor, victim] = [(match[1] ?? '').toUpperCase(), (match[2] ?? '').toUpperCase()];
  for (const code of [sponsor, victim]) if (!isStateCode(code)) throw new PactwatchError('UNKNOWN_COUNTRY', `--dyad ${text}: "${code}" is not an ISO 3166-1 alpha-2 code known to pactwatch`);
  if (sponsor === victim) throw new PactwatchError('USAGE', `--dyad ${text}: sponsor and victim must be two different states`);
  return { sponsor, victim };
}

/** Checks what a report request says before any data is read; the messages name the option. */
export function validateReportRequest(request: ReportRequest): void {
  const { scope } = request;
  if (scope.kind === 'state' && !isStateCode(scope.state)) throw new PactwatchError('UNKNOWN_COUNTRY', `--state "${scope.state}" is not an ISO 3166-1 alpha-2 code known to pactwatch`);
  if (scope.kind === 'dyad') parseDyad(`${scope.sponsor}:${scope.victim}`);
  const bound = (name: string, value: string | undefined): ReturnType<typeof parseUncertainDate> | undefined => {
    if (value === undefined) return undefined;
    try {
      return parseUncertainDate(value);
    } catch {
      throw new PactwatchError('INVALID_DATE', `${name} "${value}" is not a valid EDTF (ISO 8601-2) date, e.g. 2015, 2015-09 or 2015-09-25`);
    }
  };
  const from = bound('--from', request.from);
  const to = bound('--to', request.to);
  if (from !== undefined && to !== undefined && from.earliest > to.latest) throw new PactwatchError('USAGE', `--from ${request.from} is after --to ${request.to}`);
  if (request.asOf !== undefined) {
    const day = new Date(`${request.asOf}T00:00:00Z`);
    const valid = /^\d{4}-\d{2}-\d{2}$/.test(request.asOf) && !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === request.asOf;
    if (!valid) throw new PactwatchError('USAGE', `--as-of must be a calendar date YYYY-MM-DD, got "${request.asOf}"`);
  }
}
