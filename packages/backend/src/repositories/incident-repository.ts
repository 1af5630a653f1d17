import { parseUncertainDate, type Incident } from '@pactwatch/domain';
import { sql, type Selectable, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../db/database.js';
import type { Db } from '../db/connection.js';
import type { AttributionTable, IncidentTable, VictimTable } from '../db/schema/incident.js';
import { readJson, writeJson } from '../util/json-column.js';
import { groupBy } from './agreement-repository.js';
import { bulkInsert } from './bulk-insert.js';
import { chunk, type RecordMeta, type StoredHash } from './record-meta.js';

export interface IncidentFilter {
  /** Sponsor state in any attribution. */
  readonly sponsor?: string | undefined;
  /** Victim state of any victim. */
  readonly victim?: string | undefined;
  /** Either sponsor or victim. */
  readonly party?: string | undefined;
  /** Incidents that may have been active on or after this instant (ms). */
  readonly from?: number | undefined;
  /** Incidents that may have begun on or before this instant (ms). */
  readonly to?: number | undefined;
  readonly activity?: string | undefined;
  readonly ids?: readonly string[] | undefined;
  /** Text in the id, title or summary, ignoring the case of ASCII letters (SQL lower() on both stores). */
  readonly q?: string | undefined;
  /** Some attribution at least this confident (0–100): the best attribution reaches it. */
  readonly minConfidence?: number | undefined;
  /** Incidents with a finding for this agreement… */
  readonly agreementId?: string | undefined;
  /** …and/or with this computed verdict. */
  readonly verdict?: string | undefined;
}

function toIncident(row: Selectable<IncidentTable>, attributions: readonly Selectable<AttributionTable>[], victims: readonly Selectable<VictimTable>[]): Incident {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    period: { start: row.period_start, ...(row.period_end === null ? {} : { end: row.period_end }) },
    ...(row.disclosed === null ? {} : { disclosed: row.disclosed }),
    activities: readJson<Incident['activities']>(row.activities) ?? [],
    means: readJson<Incident['means']>(row.means) ?? [],
    attributions: attributions.map((a) => ({
      sponsor: a.sponsor,
      ...(a.actor_id === null ? {} : { actor: a.actor_id }),
      ...(a.actor_name === null ? {} : { actorName: a.actor_name }),
      relation: a.relation as Incident['attributions'][number]['relation'],
      confidence: a.confidence,
      basis: a.basis as Incident['attributions'][number]['basis'],
      attributedBy: a.attributed_by,
      sources: readJson<Incident['sources']>(a.sources) ?? [],
    })),
    victims: victims.map((v) => ({
      state: v.state,
      ...(v.category === null ? {} : { category: v.category as NonNullable<Incident['victims'][number]['category']> }),
      ...(v.sector === null ? {} : { sector: v.sector }),
      ...(v.entity === null ? {} : { entity: v.entity }),
    })),
    sources: readJson<Incident['sources']>(row.sources) ?? [],
    provenance: readJson<Incident['provenance']>(row.provenance) ?? { origin: 'added', note: 'unknown' },
    disputes: readJson<Incident['disputes']>(row.disputes) ?? [],
  };
}

function incidentRow(incident: Incident, meta: RecordMeta): IncidentTable {
  const start = parseUncertainDate(incident.period.start);
  const end = incident.period.end === undefined ? start : incident.period.end === '..' ? undefined : parseUncertainDate(incident.period.end);
  return {
    id: incident.id,
    title: incident.title,
    summary: incident.summary,
    period_start: incident.period.start,
    period_end: incident.period.end ?? null,
    start_earliest: Number.isFinite(start.earliest) ? start.earliest : -8.64e15,
    end_latest: end === undefined || !Number.isFinite(end.latest) ? null : end.latest,
    disclosed: incident.disclosed ?? null,
    activities: writeJson(incident.activities),
    means: writeJson(incident.means),
    sources: writeJson(incident.sources),
    provenance: writeJson(incident.provenance),
    disputes: writeJson(incident.disputes),
    origin: meta.origin,
    source_file: meta.sourceFile,
    content_hash: meta.hash,
    evaluated_hash: null,
  };
}

const INCIDENT_COLUMNS = [
  'id', 'title', 'summary', 'period_start', 'period_end', 'start_earliest', 'end_latest', 'disclosed', 'activities', 'means',
  'sources', 'provenance', 'disputes', 'origin', 'source_file', 'content_hash', 'evaluated_hash',
] as const;

/** The WHERE clauses of an incident filter, shared by full lists and the API's keyset pages. */
export function applyIncidentFilter<O>(start: SelectQueryBuilder<Database, 'incident', O>, filter: IncidentFilter): SelectQueryBuilder<Database, 'incident', O> {
  let query = start;
  if (filter.ids !== undefined) {
    query = query.where('id', 'in', [...filter.ids]);
  }
  if (filter.sponsor !== undefined) {
    const sponsor = filter.sponsor;
    query = query.where((eb) => eb.exists(eb.selectFrom('attribution').select('incident_id').whereRef('attribution.incident_id', '=', 'incident.id').where('attribution.sponsor', '=', sponsor)));
  }
  if (filter.victim !== undefined) {
    const victim = filter.victim;
    query = query.where((eb) => eb.exists(eb.selectFrom('victim').select('incident_id').whereRef('victim.incident_id', '=', 'incident.id').where('victim.state', '=', victim)));
  }
  if (filter.party !== undefined) {
    const party = filter.party;
    query = query.where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('attribution').select('incident_id').whereRef('attribution.incident_id', '=', 'incident.id').where('attribution.sponsor', '=', party)),
        eb.exists(eb.selectFrom('victim').select('incident_id').whereRef('victim.incident_id', '=', 'incident.id').where('victim.state', '=', party)),
      ]),
    );
  }
  if (filter.from !== undefined) {
    const from = filter.from;
    query = query.where((eb) => eb.or([eb('end_latest', 'is', null), eb('end_latest', '>=', from)]));
  }
  if (filter.to !== undefined) query = query.where('start_earliest', '<=', filter.to);
  // Activity ids are distinct quoted tokens in the JSON text, so a LIKE on the token is exact.
  if (filter.activity !== undefined) query = query.where('activities', 'like', `%"${filter.activity.replace(/[%_"\\]/g, '')}"%`);
  if (filter.q !== undefined && filter.q.trim() !== '') {
    // LIKE wildcards in the text are matched literally; lower() on both sides folds case alike on both stores.
    const pattern = `%${filter.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or((['incident.id', 'incident.title', 'incident.summary'] as const).map((column) => sql<boolean>`lower(${eb.ref(column)}) like lower(${pattern}) escape '\\'`)));
  }
  if (filter.minConfidence !== undefined) {
    const min = filter.minConfidence;
    query = query.where((eb) => eb.exists(eb.selectFrom('attribution').select('incident_id').whereRef('attribution.incident_id', '=', 'incident.id').where('attribution.confidence', '>=', min)));
  }
  if (filter.agreementId !== undefined || filter.verdict !== undefined) {
    const { agreementId, verdict } = filter;
    query = query.where((eb) => {
      let findings = eb.selectFrom('finding').select('finding.incident_id').whereRef('finding.incident_id', '=', 'incident.id');
      if (agreementId !== undefined) findings = findings.where('finding.agreement_id', '=', agreementId);
      if (verdict !== undefined) findings = findings.where('finding.verdict', '=', verdict);
      return eb.exists(findings);
    });
  }
  return query;
}

/** All SQL on incidents, their attributions and victims. */
export class IncidentRepository {
  constructor(private readonly db: Db) {}

  async hashes(): Promise<Map<string, StoredHash>> {
    const rows = await this.db.selectFrom('incident').select(['id', 'content_hash', 'origin', 'source_file']).execute();
    return new Map(rows.map((r) => [r.id, { hash: r.content_hash, origin: r.origin, sourceFile: r.source_file }]));
  }

  async save(incident: Incident, meta: RecordMeta): Promise<void> {
    await this.saveMany([{ incident, meta }]);
  }

  /** Replaces many incidents with chunked multi-row inserts (imports and benchmarks). */
  async saveMany(items: ReadonlyArray<{ incident: Incident; meta: RecordMeta }>): Promise<void> {
    for (const ids of chunk(items.map((i) => i.incident.id), 500)) {
      await this.db.deleteFrom('incident').where('id', 'in', ids).execute();
    }
    const incidentRows = items.map((i) => incidentRow(i.incident, i.meta));
    await bulkInsert(this.db, 'incident', INCIDENT_COLUMNS, incidentRows.map((r) => INCIDENT_COLUMNS.map((c) => r[c])));
    const attributions = items.flatMap(({ incident }) =>
      incident.attributions.map((a, position) => [incident.id, position, a.sponsor, a.actor ?? null, a.actorName ?? null, a.relation, a.confidence, a.basis, a.attributedBy, writeJson(a.sources)]),
    );
    await bulkInsert(this.db, 'attribution', ['incident_id', 'position', 'sponsor', 'actor_id', 'actor_name', 'relation', 'confidence', 'basis', 'attributed_by', 'sources'], attributions);
    const victims = items.flatMap(({ incident }) => incident.victims.map((v, position) => [incident.id, position, v.state, v.category ?? null, v.sector ?? null, v.entity ?? null]));
    await bulkInsert(this.db, 'victim', ['incident_id', 'position', 'state', 'category', 'sector', 'entity'], victims);
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('incident').where('id', '=', id).execute();
  }

  async list(filter: IncidentFilter = {}): Promise<Incident[]> {
    if (filter.ids !== undefined && filter.ids.length === 0) return [];
    const query = applyIncidentFilter(this.db.selectFrom('incident').selectAll(), filter);
    const rows = await query.orderBy('start_earliest').orderBy('id').execute();
    return this.hydrate(rows);
  }

  /** Only the start dates (EDTF) of the filtered incidents: what a per-year chart needs to choose its years. */
  async periodStarts(filter: IncidentFilter = {}): Promise<string[]> {
    if (filter.ids !== undefined && filter.ids.length === 0) return [];
    const rows = await applyIncidentFilter(this.db.selectFrom('incident').select('period_start'), filter).execute();
    return rows.map((r) => r.period_start);
  }

  /** Incidents in id order after `afterId`, `limit` at a time: for streaming the whole store. */
  async page(afterId: string | undefined, limit: number): Promise<Incident[]> {
    let query = this.db.selectFrom('incident').selectAll();
    if (afterId !== undefined) query = query.where('id', '>', afterId);
    return this.hydrate(await query.orderBy('id').limit(limit).execute());
  }

  async get(id: string): Promise<Incident | undefined> {
    const [incident] = await this.list({ ids: [id] });
    return incident;
  }

  private async hydrate(rows: readonly Selectable<IncidentTable>[]): Promise<Incident[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const attributions: Selectable<AttributionTable>[] = [];
    const victims: Selectable<VictimTable>[] = [];
    // Chunked IN lists keep every statement under SQLite's bound-parameter limit.
    for (const part of chunk(ids, 500)) {
      attributions.push(...(await this.db.selectFrom('attribution').selectAll().where('incident_id', 'in', part).orderBy('incident_id').orderBy('position').execute()));
      victims.push(...(await this.db.selectFrom('victim').selectAll().where('incident_id', 'in', part).orderBy('incident_id').orderBy('position').execute()));
    }
    const attributionsBy = groupBy(attributions, (a) => a.incident_id);
    const victimsBy = groupBy(victims, (v) => v.incident_id);
    return rows.map((row) => toIncident(row, attributionsBy.get(row.id) ?? [], victimsBy.get(row.id) ?? []));
  }

  /** Incidents whose findings are missing or were computed from an older version. */
  /** Whether any incident waits for evaluation (one row at most: cheap on a large store). */
  async anyStale(): Promise<boolean> {
    const row = await this.db
      .selectFrom('incident')
      .select('id')
      .where((eb) => eb.or([eb('evaluated_hash', 'is', null), eb('evaluated_hash', '<>', eb.ref('content_hash'))]))
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async staleIds(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('incident')
      .select('id')
      .where((eb) => eb.or([eb('evaluated_hash', 'is', null), eb('evaluated_hash', '<>', eb.ref('content_hash'))]))
      .execute();
    return rows.map((r) => r.id);
  }

  async markEvaluated(ids: readonly string[] | 'all'): Promise<void> {
    if (ids === 'all') {
      await this.db.updateTable('incident').set({ evaluated_hash: sql`content_hash` }).execute();
      return;
    }
    for (const part of chunk(ids, 500)) {
      await this.db.updateTable('incident').set({ evaluated_hash: sql`content_hash` }).where('id', 'in', part).execute();
    }
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('incident').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
