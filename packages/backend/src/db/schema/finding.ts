export interface FindingTable {
  commitment_id: string;
  incident_id: string;
  agreement_id: string;
  verdict: string;
  rule: string;
  summary: string;
  sponsor: string;
  victim: string;
  attribution_index: number;
  checks: string;
  alternatives: string;
}

/** Analysts' overrides live apart from findings so recomputation never erases them. */
export interface VerdictOverrideTable {
  commitment_id: string;
  incident_id: string;
  verdict: string;
  note: string;
  author: string;
  created_at: string;
}
