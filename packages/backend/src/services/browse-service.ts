import { PactwatchError, VERDICTS, type Incident, type VerdictOverride } from '@pactwatch/domain';
import type { StoreRevisions } from '../repositories/revision-repository.js';
import { contentHash } from '../util/hash.js';
import type { FindingPageFilter, FindingSort, IncidentSort } from '../repositories/browse-repository.js';
import { toIncidentFilter, type FindingWithOverride, type IncidentQuery } from './query-service.js';
import { repositories, type ServiceContext } from './service-context.js';

export interface Page<T> {
  readonly items: readonly T[];
  /** Sort key of the last item when more may follow; undefined on the last page. */
  readonly next: readonly (string | number)[] | undefined;
}

export const MAX_PAGE_SIZE = 500;

/** Paged reads for the API: the same filters as the CLI lists, in keyset pages. */
export class BrowseService {
  constructor(private readonly ctx: ServiceContext) {}

  /** Changes whenever the store may have changed (from any process): response caches key on it. */
  async revision(): Promise<string> {
    return repositories(this.ctx).revision.current();
  }

  /** The data revision and the account revision in one read (the API reads both per request). */
  async revisions(): Promise<StoreRevisions> {
    return repositories(this.ctx).revision.both();
  }

  async incidents(query: IncidentQuery, sort: IncidentSort, after: readonly (string | number)[] | undefined, limit: number): Promise<Page<Incident>> {
    checkLimit(limit);
    const rows = await repositories(this.ctx).browse.incidentPage({ filter: toIncidentFilter(query), sort, after, limit: limit + 1 });
    return pageOf(rows, limit);
  }

  async finding(commitmentId: string, incidentId: string): Promise<{ finding: FindingWithOverride; version: string }> {
    const repos = repositories(this.ctx);
    const [finding] = await repos.findings.list({ commitmentId, incidentId });
    if (finding === undefined) throw new PactwatchError('NOT_FOUND', `no finding for commitment "${commitmentId}" and incident "${incidentId}"`);
    const [override] = await repos.findings.listOverrides({ commitmentId, incidentId });
    return { finding: override === undefined ? finding : { ...finding, override }, version: overrideVersion(override) };
  }

  async findings(filter: FindingPageFilter, sort: FindingSort, after: readonly (string | number)[] | undefined, limit: number): Promise<Page<FindingWithOverride>> {
    checkLimit(limit);
    if (filter.verdict !== undefined && !(VERDICTS as readonly string[]).includes(filter.verdict)) {
      throw new PactwatchError('USAGE', `verdict must be one of ${VERDICTS.join(', ')}, got "${filter.verdict}"`);
    }
    const repos = repositories(this.ctx);
    const rows = await repos.browse.findingPage({ filter, sort, after, limit: limit + 1 });
    const page = pageOf(rows, limit);
    if (page.items.length === 0) return page;
    // Overrides are few: read those of the incidents on this page and attach them.
    const incidentIds = [...new Set(page.items.map((f) => f.incidentId))];
    const overrides = await repos.browse.overridesForIncidents(incidentIds);
    const byKey = new Map(overrides.map((o) => [`${o.commitmentId}|${o.incidentId}`, o] as const));
    return {
      next: page.next,
      items: page.items.map((f) => {
        const override = byKey.get(`${f.commitmentId}|${f.incidentId}`);
        return override === undefined ? f : { ...f, override };
      }),
    };
  }
}

/**
 * The version of a finding as analysts edit it: its override (the computed part is derived data).
 * "none" while no override exists, so a first override also needs the version the analyst read.
 */
export function overrideVersion(override: VerdictOverride | undefined): string {
  return override === undefined ? 'none' : contentHash(override).slice(0, 32);
}

export function checkLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) throw new PactwatchError('USAGE', `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}, got ${limit}`);
}

export function pageOf<T>(rows: ReadonlyArray<{ value: T; key: readonly (string | number)[] }>, limit: number): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items: items.map((r) => r.value), next: rows.length > limit && last !== undefined ? last.key : undefined };
}
