import type { Finding, Verdict, VerdictOverride } from '@pactwatch/domain';
import type { Selectable, SelectQueryBuilder } from 'kysely';
import type { Db } from '../db/connection.js';
import type { Database } from '../db/database.js';
import type { FindingTable } from '../db/schema/finding.js';
import { toFinding } from './finding-repository.js';
import { applyIncidentFilter, IncidentRepository, type IncidentFilter } from './incident-repository.js';
import type { StoredHash } from './record-meta.js';

/**
 * Keyset pages for the API's list endpoints. Offsets would re-read every skipped row; a keyset
 * ("rows after this sort key") costs the same on page 1 and page 2,000 and stays stable while
 * other people write. The sort key of the last row is what the API encodes as the cursor.
 */
export const INCIDENT_SORTS = ['id', '-id', 'start', '-start', 'title', '-title'] as const;
export type IncidentSort = (typeof INCIDENT_SORTS)[number];
/** `recent`: newest incidents first (by earliest possible start), then incident and commitment id. */
export const FINDING_SORTS = ['commitment', 'incident', '-incident', 'recent'] as const;
export type FindingSort = (typeof FINDING_SORTS)[number];

export interface IncidentPageRequest {
  readonly filter: IncidentFilter;
  readonly sort: IncidentSort;
  /** Sort key of the last row already seen: [id], [startEarliest, id] or [title, id]. */
  readonly after?: readonly (string | number)[] | undefined;
  readonly limit: number;
}

export interface FindingPageFilter {
  readonly agreementId?: string | undefined;
  readonly commitmentId?: string | undefined;
  readonly incidentId?: string | undefined;
  readonly verdict?: string | undefined;
  readonly sponsor?: string | undefined;
  readonly victim?: string | undefined;
}

export interface FindingPageRequest {
  readonly filter: FindingPageFilter;
  readonly sort: FindingSort;
  /** [first, second] column values, or [startEarliest, incidentId, commitmentId] for `recent`. */
  readonly after?: readonly (string | number)[] | undefined;
  readonly limit: number;
}

export interface KeyedRow<T> {
  readonly value: T;
  readonly key: readonly (string | number)[];
}

type FindingQuery = SelectQueryBuilder<Database, 'finding', Selectable<FindingTable>>;

type RecordTable = 'incident' | 'agreement' | 'actor' | 'context_event' | 'party_group';

export class BrowseRepository {
  constructor(private readonly db: Db) {}

  /** Origin, file and content hash of one record: what edits check (curated records are read-only) and ETags use. */
  async recordMeta(table: RecordTable, id: string): Promise<StoredHash | undefined> {
    const row = await this.db.selectFrom(table).select(['content_hash', 'origin', 'source_file']).where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : { hash: row.content_hash, origin: row.origin, sourceFile: row.source_file };
  }

  async incidentPage(request: IncidentPageRequest): Promise<Array<KeyedRow<Awaited<ReturnType<IncidentRepository['list']>>[number]>>> {
    const descending = request.sort.startsWith('-');
    const field = descending ? request.sort.slice(1) : request.sort;
    // The sort column, then id: a total order, so the keyset (column, id) never skips or repeats a row.
    const column = field === 'start' ? 'start_earliest' : field === 'title' ? 'title' : undefined;
    const cmp = descending ? '<' : '>';
    let query = applyIncidentFilter(this.db.selectFrom('incident').select(['id', 'start_earliest', 'title']), request.filter);
    const after = request.after;
    if (after !== undefined) {
      query = column === undefined ? query.where('id', cmp, String(after[0])) : query.where((eb) => eb(eb.refTuple(column, 'id'), cmp, eb.tuple(after[0] ?? '', String(after[1]))));
    }
    const direction = descending ? 'desc' : 'asc';
    if (column !== undefined) query = query.orderBy(column, direction);
    const keys = await query.orderBy('id', direction).limit(request.limit).execute();
    const incidents = await new IncidentRepository(this.db).list({ ids: keys.map((k) => k.id) });
    const byId = new Map(incidents.map((i) => [i.id, i]));
    return keys.flatMap((k) => {
      const value = byId.get(k.id);
      return value === undefined ? [] : [{ value, key: column === undefined ? [k.id] : [k[column], k.id] }];
    });
  }

  async findingPage(request: FindingPageRequest): Promise<Array<KeyedRow<Finding>>> {
    const f = request.filter;
    let query: FindingQuery = this.db.selectFrom('finding').selectAll('finding');
    if (f.agreementId !== undefined) query = query.where('agreement_id', '=', f.agreementId);
    if (f.commitmentId !== undefined) query = query.where('commitment_id', '=', f.commitmentId);
    if (f.incidentId !== undefined) query = query.where('incident_id', '=', f.incidentId);
    if (f.verdict !== undefined) query = query.where('verdict', '=', f.verdict);
    if (f.sponsor !== undefined) query = query.where('sponsor', '=', f.sponsor);
    if (f.victim !== undefined) query = query.where('victim', '=', f.victim);
    if (request.sort === 'recent') return this.recentFindingPage(query, request);
    const byIncident = request.sort !== 'commitment';
    const descending = request.sort === '-incident';
    const cmp = descending ? '<' : '>';
    const [first, second] = byIncident ? (['incident_id', 'commitment_id'] as const) : (['commitment_id', 'incident_id'] as const);
    if (request.after !== undefined) {
      const [a, b] = request.after as [string, string];
      query = query.where((eb) => eb.or([eb(first, cmp, a), eb.and([eb(first, '=', a), eb(second, cmp, b)])]));
    }
    const direction = descending ? 'desc' : 'asc';
    const rows = await query.orderBy(first, direction).orderBy(second, direction).limit(request.limit).execute();
    return rows.map((row) => ({ value: toFinding(row), key: [row[first], row[second]] }));
  }

  /** Newest incidents first: the incident's earliest possible start, then incident and commitment id, all descending. */
  private async recentFindingPage(filtered: FindingQuery, request: FindingPageRequest): Promise<Array<KeyedRow<Finding>>> {
    let query = filtered.innerJoin('incident', 'incident.id', 'finding.incident_id').select('incident.start_earliest');
    const after = request.after;
    if (after !== undefined) {
      query = query.where((eb) => eb(eb.refTuple('incident.start_earliest', 'finding.incident_id', 'finding.commitment_id'), '<', eb.tuple(Number(after[0]), String(after[1]), String(after[2]))));
    }
    const rows = await query.orderBy('incident.start_earliest', 'desc').orderBy('finding.incident_id', 'desc').orderBy('finding.commitment_id', 'desc').limit(request.limit).execute();
    return rows.map((row) => ({ value: toFinding(row), key: [row.start_earliest, row.incident_id, row.commitment_id] }));
  }

  /** Overrides of the given incidents' findings, in one query (a page holds at most a few hundred). */
  async overridesForIncidents(incidentIds: readonly string[]): Promise<VerdictOverride[]> {
    if (incidentIds.length === 0) return [];
    const rows = await this.db.selectFrom('verdict_override').selectAll().where('incident_id', 'in', [...incidentIds]).execute();
    return rows.map((r) => ({ commitmentId: r.commitment_id, incidentId: r.incident_id, verdict: r.verdict as Verdict, note: r.note, author: r.author, createdAt: r.created_at }));
  }
}
