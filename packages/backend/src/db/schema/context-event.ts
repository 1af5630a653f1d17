export interface ContextEventTable {
  id: string;
  kind: string;
  title: string;
  date: string;
  date_earliest: number;
  states: string;
  agreements: string;
  commitments: string;
  summary: string;
  sources: string;
  provenance: string;
  disputes: string;
  origin: string;
  source_file: string | null;
  content_hash: string;
}
