/**
 * Every object read from an external file (a STIX object, a MISP cluster, a CSV row), kept as
 * raw JSON keyed by its source dataset and id, so nothing imported is lost even when pactwatch
 * maps only part of it (custom `x-` STIX objects, unmapped columns).
 */
export interface SourceObjectTable {
  dataset: string;
  object_id: string;
  object_type: string;
  raw: string;
  content_hash: string;
  batch_id: number;
}
