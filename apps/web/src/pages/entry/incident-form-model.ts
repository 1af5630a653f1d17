import { incidentSchema, type Attribution, type Incident, type Victim } from '@pactwatch/domain';
import { zodFieldErrors, type FieldErrors } from './field-errors.js';
import { emptySource, optional, rowKey, sourceRecord, sourceRow, type SourceRow } from './source-rows.js';

export interface AttributionRow {
  readonly key: number;
  readonly sponsor: string;
  readonly actor?: string | undefined;
  readonly actorName?: string | undefined;
  readonly relation: string;
  /** Kept as typed; turned into a number only when the record is built. */
  readonly confidence: string;
  readonly basis: string;
  readonly attributedBy: string;
  readonly base: Partial<Attribution>;
}

export interface VictimRow {
  readonly key: number;
  readonly state: string;
  readonly category: string;
  readonly sector: string;
  readonly entity: string;
  readonly base: Partial<Victim>;
}

export interface ActivityChoice {
  readonly type: string;
  readonly certainty: 'confirmed' | 'possible';
}

export interface IncidentForm {
  readonly id: string;
  /** False while the id still follows the title. */
  readonly idEdited: boolean;
  readonly title: string;
  readonly summary: string;
  readonly start: string;
  readonly end: string;
  readonly disclosed: string;
  readonly activities: readonly ActivityChoice[];
  readonly means: readonly string[];
  readonly attributions: readonly AttributionRow[];
  readonly victims: readonly VictimRow[];
  readonly sources: readonly SourceRow[];
  readonly provenanceNote: string;
  /** The stored incident being edited (its provenance and disputes are kept), null for a new one. */
  readonly base: Incident | null;
}

/** A slug from a title: "OPM breach (2015)" → "opm-breach-2015". */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

export function emptyAttribution(): AttributionRow {
  return { key: rowKey(), sponsor: '', relation: 'unknown', confidence: '', basis: 'government-attribution', attributedBy: '', base: {} };
}

export function emptyVictim(): VictimRow {
  return { key: rowKey(), state: '', category: '', sector: '', entity: '', base: {} };
}

export function newIncidentForm(author: string): IncidentForm {
  return {
    id: '',
    idEdited: false,
    title: '',
    summary: '',
    start: '',
    end: '',
    disclosed: '',
    activities: [],
    means: [],
    attributions: [emptyAttribution()],
    victims: [emptyVictim()],
    sources: [emptySource()],
    provenanceNote: `Entered through the dashboard by ${author}.`,
    base: null,
  };
}

export function attributionRow(a: Attribution): AttributionRow {
  return { key: rowKey(), sponsor: a.sponsor, actor: a.actor, actorName: a.actorName, relation: a.relation, confidence: String(a.confidence), basis: a.basis, attributedBy: a.attributedBy, base: a };
}

export function incidentForm(incident: Incident): IncidentForm {
  return {
    id: incident.id,
    idEdited: true,
    title: incident.title,
    summary: incident.summary,
    start: incident.period.start,
    end: incident.period.end ?? '',
    disclosed: incident.disclosed ?? '',
    activities: incident.activities,
    means: incident.means,
    attributions: incident.attributions.map(attributionRow),
    victims: incident.victims.map((v) => ({ key: rowKey(), state: v.state, category: v.category ?? '', sector: v.sector ?? '', entity: v.entity ?? '', base: v })),
    sources: incident.sources.map(sourceRow),
    provenanceNote: incident.provenance.origin === 'added' ? incident.provenance.note : '',
    base: incident,
  };
}

function toConfidence(text: string): number | string | undefined {
  const trimmed = text.trim();
  // Left undefined (→ "required") or as typed (→ the schema's number checks) so errors match the API's.
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isNaN(value) ? trimmed : value;
}

export function attributionRecord(row: AttributionRow): Record<string, unknown> {
  const { sponsor: _s, actor: _a, actorName: _n, relation: _r, confidence: _c, basis: _b, attributedBy: _w, ...kept } = row.base;
  return {
    ...kept,
    sponsor: row.sponsor,
    ...optional('actor', row.actor ?? ''),
    ...optional('actorName', row.actorName ?? ''),
    relation: row.relation,
    confidence: toConfidence(row.confidence),
    basis: row.basis,
    attributedBy: row.attributedBy.trim(),
  };
}

/** The record the API receives (POST/PUT body): the domain IncidentRecord, with untouched stored fields kept. */
export function incidentRecord(form: IncidentForm): Record<string, unknown> {
  const provenance = form.base === null || form.base.provenance.origin === 'added' ? { origin: 'added', note: form.provenanceNote.trim() } : form.base.provenance;
  return {
    ...(form.base ?? {}),
    id: form.id.trim(),
    title: form.title.trim(),
    summary: form.summary.trim(),
    period: { start: form.start.trim(), ...optional('end', form.end) },
    ...(form.disclosed.trim() === '' ? { disclosed: undefined } : { disclosed: form.disclosed.trim() }),
    activities: form.activities,
    means: form.means,
    attributions: form.attributions.map(attributionRecord),
    victims: form.victims.map((v) => {
      const { state: _s, category: _c, sector: _x, entity: _e, ...kept } = v.base;
      return { ...kept, state: v.state, ...optional('category', v.category), ...optional('sector', v.sector), ...optional('entity', v.entity) };
    }),
    sources: form.sources.map(sourceRecord),
    provenance,
  };
}

/** Runs the API's own schema in the browser: the same rules, so errors show before anything is sent. */
export function validateIncident(record: Record<string, unknown>): FieldErrors {
  // JSON drops undefined members, so the schema sees what the server will.
  const result = incidentSchema.safeParse(JSON.parse(JSON.stringify(record)));
  return result.success ? {} : zodFieldErrors(result.error.issues);
}
