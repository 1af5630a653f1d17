import { VERDICTS } from '@pactwatch/domain';
import { z } from 'zod';
import { edtfQuery, stateCodeQuery } from './common.js';

/**
 * The incident filters, shared by the incident list and the exports so the dashboard can export
 * exactly the selection it shows.
 */
export const incidentFilterFields = {
  sponsor: stateCodeQuery.optional().describe('Sponsor state in any attribution'),
  victim: stateCodeQuery.optional().describe('Victim state'),
  party: stateCodeQuery.optional().describe('Sponsor or victim'),
  from: edtfQuery.optional().describe('Incidents possibly active on or after this date'),
  to: edtfQuery.optional().describe('Incidents possibly begun on or before this date'),
  activity: z.string().max(100).optional(),
  q: z.string().max(200).optional().describe('Text in the id, title or summary (case-insensitive for ASCII letters)'),
  minConfidence: z.coerce.number().int().min(0).max(100).optional().describe('The best attribution is at least this confident'),
  agreement: z.string().max(200).optional().describe('Incidents with a finding for this agreement (with verdict: that verdict)'),
  verdict: z.enum(VERDICTS).optional().describe('Incidents with a finding of this computed verdict'),
};

/** True when any incident filter is set (an export then holds only the selection). */
export function hasIncidentFilter(query: Readonly<Record<string, unknown>>): boolean {
  return Object.keys(incidentFilterFields).some((key) => query[key] !== undefined);
}
