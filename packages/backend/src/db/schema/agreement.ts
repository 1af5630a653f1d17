/** Row of `agreement`. JSON columns hold text so the same schema runs on SQLite and PostgreSQL. */
export interface AgreementTable {
  id: string;
  title: string;
  short_title: string | null;
  kind: string;
  signed: string;
  in_force: string | null;
  ended: string | null;
  /** Earliest instant the agreement took effect (ms since epoch), for range filters. */
  effective_earliest: number;
  status: string;
  summary: string;
  sources: string;
  provenance: string;
  disputes: string;
  origin: string;
  source_file: string | null;
  content_hash: string;
}

export interface AgreementPartyTable {
  agreement_id: string;
  position: number;
  state: string | null;
  group_id: string | null;
}
