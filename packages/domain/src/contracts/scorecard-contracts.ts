import type { Scorecard, ScorecardGap } from '../compliance/scorecard.js';
import type { Verdict } from '../compliance/types.js';

/**
 * A scorecard as the API sends it. By default a summary: the counts, overrides, commitments, gaps
 * by dimension and cooperation, without the incident ids behind each count. For an agreement with
 * thousands of incidents those lists were nearly all of a 180 KB answer that the dashboard never
 * reads; `?incidents=true` adds them, and the findings list (`/findings?agreement=…&verdict=…`)
 * pages through the same incidents with their verdicts and traces.
 */
export interface ScorecardContract extends Omit<Scorecard, 'incidents' | 'gaps'> {
  readonly incidents?: Readonly<Record<Verdict, readonly string[]>>;
  readonly gaps: ReadonlyArray<Omit<ScorecardGap, 'incidents'> & { readonly incidents?: readonly string[] }>;
}

export function toScorecardContract(scorecard: Scorecard, withIncidents: boolean): ScorecardContract {
  if (withIncidents) return scorecard;
  const { incidents: _incidents, gaps, ...summary } = scorecard;
  return { ...summary, gaps: gaps.map((gap) => ({ dimension: gap.dimension, count: gap.count })) };
}
