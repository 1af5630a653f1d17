import type { Finding, Verdict, VerdictOverride } from '@pactwatch/domain';
import type { Db } from '../db/connection.js';
import { toFinding } from './finding-repository.js';
import { applyIncidentFilter, IncidentRepository, type IncidentFilter } from './incident-repository.js';
import type { StoredHash } from './record-meta.js';

/**
 * Keyset pages for the API's list endpoints. Offsets would re-read every skipped row; a keyset
 * ("rows after this sort key") costs the same on page 1 and page 2,000 and stays stable while
 * other people write. The sort key of the last row is what the API encodes as the cursor.
 */
export type IncidentSort = 'id' | '-id' | 'start' | '-start';
export type FindingSort = 'commitment' | 'incident' | '-incident';

export interface IncidentPageRequest {
  readonly filter: IncidentFilter;
  readonly sort: IncidentSort;
  /** Sort key of the last row already seen: [id] or [startEarliest, id]. */
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
  readonly after?: readonly string[] | undefined;
  readonly limit: number;
}

export interface KeyedRow<T> {
  readonly value: T;
  readonly key: readonly (string | number)[];
}

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
    const byStart = request.sort === 'start' || request.sort === '-start';
    const cmp = descending ? '<' : '>';
    let query = applyIncidentFilter(this.db.selectFrom('incident').select(['id', 'start_earliest']), request.filter);
    const after = request.after;
    if (after !== undefined) {
      if (byStart) {
        const [start, id] = after as [number, string];
        query = query.where((eb) => eb.or([eb('start_earliest', cmp, start), eb.and([eb('start_earliest', '=', start), eb('id', cmp, id)])]));
      } else {
        query = query.where('id', cmp, String(after[0]));
      }
    }
    const direction = descending ? 'desc' : 'asc';
    if (byStart) query = query.orderBy('start_earliest', direction);
    const keys = await query.orderBy('id', direction).limit(request.limit).execute();
    const incidents = await new IncidentRepository(this.db).list({ ids: keys.map((k) => k.id) });
    const byId = new Map(incidents.map((i) => [i.id, i]));
    return keys.flatMap((k) => {
      const value = byId.get(k.id);
      return value === undefined ? [] : [{ value, key: byStart ? [k.start_earliest, k.id] : [k.id] }];
    });
  }

  async findingPage(request: FindingPageRequest): Promise<Array<KeyedRow<Finding>>> {
    const f = request.filter;
    let query = this.db.selectFrom('finding').selectAll();
    if (f.agreementId !== undefined) query = query.where('agreement_id', '=', f.agreementId);
    if (f.commitmentId !== undefined) query = query.where('commitment_id', '=', f.commitmentId);
    if (f.incidentId !== undefined) query = query.where('incident_id', '=', f.incidentId);
    if (f.verdict !== undefined) query = query.where('verdict', '=', f.verdict);
    if (f.sponsor !== undefined) query = query.where('sponsor', '=', f.sponsor);
    if (f.victim !== undefined) query = query.where('victim', '=', f.victim);
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

  /** Overrides of the given incidents' findings, in one query (a page holds at most a few hundred). */
  async overridesForIncidents(incidentIds: readonly string[]): Promise<VerdictOverride[]> {
    if (incidentIds.length === 0) return [];
    const rows = await this.db.selectFrom('verdict_override').selectAll().where('incident_id', 'in', [...incidentIds]).execute();
    return rows.map((r) => ({ commitmentId: r.commitment_id, incidentId: r.incident_id, verdict: r.verdict as Verdict, note: r.note, author: r.author, createdAt: r.created_at }));
  }
}
