import type { Incident } from '@pactwatch/domain';

/** The columns, in order; list cells join their items with "; " (attribution and victim lists are parallel). */
export const INCIDENT_CSV_COLUMNS = [
  'id',
  'title',
  'period_start',
  'period_end',
  'disclosed',
  'activities',
  'means',
  'sponsors',
  'actors',
  'actor_names',
  'relations',
  'confidences',
  'bases',
  'attributed_by',
  'victim_states',
  'victim_categories',
  'victim_sectors',
  'victim_entities',
  'source_count',
  'source_urls',
  'provenance',
  'summary',
] as const;

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const list = (items: ReadonlyArray<string | number | undefined>): string => items.map((i) => (i === undefined ? '' : String(i))).join('; ');

function provenance(incident: Incident): string {
  const p = incident.provenance;
  if (p.origin === 'imported') return `imported:${p.dataset}#${p.recordId}`;
  if (p.origin === 'seed-article') return `seed-article:${p.seeds.join('+')}`;
  return 'added';
}

function row(incident: Incident): string[] {
  const a = incident.attributions;
  const v = incident.victims;
  return [
    incident.id,
    incident.title,
    incident.period.start,
    incident.period.end ?? '',
    incident.disclosed ?? '',
    list(incident.activities.map((x) => (x.certainty === 'possible' ? `${x.type} (possible)` : x.type))),
    list(incident.means),
    list(a.map((x) => x.sponsor)),
    list(a.map((x) => x.actor)),
    list(a.map((x) => x.actorName)),
    list(a.map((x) => x.relation)),
    list(a.map((x) => x.confidence)),
    list(a.map((x) => x.basis)),
    list(a.map((x) => x.attributedBy)),
    list(v.map((x) => x.state)),
    list(v.map((x) => x.category)),
    list(v.map((x) => x.sector)),
    list(v.map((x) => x.entity)),
    String(incident.sources.length),
    list(incident.sources.flatMap((s) => (s.url === undefined ? [] : [s.url]))),
    provenance(incident),
    incident.summary,
  ];
}

/**
 * Incidents as RFC 4180 CSV, one row per incident: a header row, CRLF line ends, every record
 * with every column. A flat view for spreadsheets; the native JSON export is the lossless one.
 */
export function incidentsCsv(incidents: readonly Incident[]): string {
  return [[...INCIDENT_CSV_COLUMNS], ...incidents.map(row)].map((r) => `${r.map(field).join(',')}\r\n`).join('');
}
