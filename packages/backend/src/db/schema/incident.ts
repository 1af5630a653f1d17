export interface IncidentTable {
  id: string;
  title: string;
  summary: string;
  period_start: string;
  period_end: string | null;
  /** Earliest possible start and latest possible end (ms since epoch), for range filters. */
  start_earliest: number;
  end_latest: number | null;
  disclosed: string | null;
  activities: string;
  means: string;
  sources: string;
  provenance: string;
  disputes: string;
  origin: string;
  source_file: string | null;
  content_hash: string;
  /** Hash the current findings were computed from; differs from content_hash when stale. */
  evaluated_hash: string | null;
}

export interface AttributionTable {
  incident_id: string;
  position: number;
  sponsor: string;
  actor_id: string | null;
  actor_name: string | null;
  relation: string;
  confidence: number;
  basis: string;
  attributed_by: string;
  sources: string;
}

export interface VictimTable {
  incident_id: string;
  position: number;
  state: string;
  category: string | null;
  sector: string | null;
  entity: string | null;
}
