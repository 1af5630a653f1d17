import type { Check, Finding, ScorecardFinding, Verdict, VerdictOverride } from '@pactwatch/domain';
import type { Selectable } from 'kysely';
import type { Db } from '../db/connection.js';
import type { FindingTable } from '../db/schema/finding.js';
import { readJson, writeJson } from '../util/json-column.js';
import { bulkInsert } from './bulk-insert.js';
import { chunk } from './record-meta.js';

export interface FindingFilter {
  readonly agreementId?: string | undefined;
  readonly commitmentId?: string | undefined;
  readonly incidentId?: string | undefined;
  readonly verdict?: Verdict | undefined;
}

export function toFinding(row: Selectable<FindingTable>): Finding {
  return {
    agreementId: row.agreement_id,
    commitmentId: row.commitment_id,
    incidentId: row.incident_id,
    verdict: row.verdict as Verdict,
    rule: row.rule,
    summary: row.summary,
    dyad: { sponsor: row.sponsor, victim: row.victim },
    attributionIndex: row.attribution_index,
    checks: readJson<Check[]>(row.checks) ?? [],
    alternatives: readJson<Finding['alternatives']>(row.alternatives) ?? [],
  };
}

function findingRow(finding: Finding): FindingTable {
  return {
    commitment_id: finding.commitmentId,
    incident_id: finding.incidentId,
    agreement_id: finding.agreementId,
    verdict: finding.verdict,
    rule: finding.rule,
    summary: finding.summary,
    sponsor: finding.dyad.sponsor,
    victim: finding.dyad.victim,
    attribution_index: finding.attributionIndex,
    checks: writeJson(finding.checks),
    alternatives: writeJson(finding.alternatives),
  };
}

const FINDING_COLUMNS = ['commitment_id', 'incident_id', 'agreement_id', 'verdict', 'rule', 'summary', 'sponsor', 'victim', 'attribution_index', 'checks', 'alternatives'] as const;

/** All SQL on computed findings and analysts' overrides. */
export class FindingRepository {
  constructor(private readonly db: Db) {}

  async replaceForIncidents(incidentIds: readonly string[], findings: readonly Finding[]): Promise<void> {
    for (const part of chunk(incidentIds, 500)) await this.db.deleteFrom('finding').where('incident_id', 'in', part).execute();
    await this.insert(findings);
  }

  async deleteAll(): Promise<void> {
    await this.db.deleteFrom('finding').execute();
  }

  async insert(findings: readonly Finding[]): Promise<void> {
    const rows = findings.map(findingRow);
    await bulkInsert(this.db, 'finding', FINDING_COLUMNS, rows.map((r) => FINDING_COLUMNS.map((c) => r[c])));
  }

  async list(filter: FindingFilter = {}): Promise<Finding[]> {
    let query = this.db.selectFrom('finding').selectAll();
    if (filter.agreementId !== undefined) query = query.where('agreement_id', '=', filter.agreementId);
    if (filter.commitmentId !== undefined) query = query.where('commitment_id', '=', filter.commitmentId);
    if (filter.incidentId !== undefined) query = query.where('incident_id', '=', filter.incidentId);
    if (filter.verdict !== undefined) query = query.where('verdict', '=', filter.verdict);
    const rows = await query.orderBy('agreement_id').orderBy('commitment_id').orderBy('incident_id').execute();
    return rows.map(toFinding);
  }

  /**
   * The findings a scorecard reads (ScorecardFinding): traces only for outside-scope ones. A large
   * agreement has tens of thousands of findings; parsing every trace made its scorecard take a second.
   */
  async listForScorecards(filter: Pick<FindingFilter, 'agreementId'> = {}): Promise<ScorecardFinding[]> {
    let query = this.db
      .selectFrom('finding')
      .select(['agreement_id', 'commitment_id', 'incident_id', 'verdict'])
      .select((eb) => eb.case().when('verdict', '=', 'outside-scope').then(eb.ref('checks')).else(null).end().as('checks'));
    if (filter.agreementId !== undefined) query = query.where('agreement_id', '=', filter.agreementId);
    const rows = await query.orderBy('agreement_id').orderBy('commitment_id').orderBy('incident_id').execute();
    return rows.map((row) => ({
      agreementId: row.agreement_id,
      commitmentId: row.commitment_id,
      incidentId: row.incident_id,
      verdict: row.verdict as Verdict,
      checks: row.checks === null ? [] : (readJson<Check[]>(row.checks) ?? []),
    }));
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('finding').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async saveOverride(override: VerdictOverride): Promise<void> {
    await this.db.deleteFrom('verdict_override').where('commitment_id', '=', override.commitmentId).where('incident_id', '=', override.incidentId).execute();
    await this.db
      .insertInto('verdict_override')
      .values({
        commitment_id: override.commitmentId,
        incident_id: override.incidentId,
        verdict: override.verdict,
        note: override.note,
        author: override.author,
        created_at: override.createdAt,
      })
      .execute();
  }

  async deleteOverride(commitmentId: string, incidentId: string): Promise<boolean> {
    const result = await this.db.deleteFrom('verdict_override').where('commitment_id', '=', commitmentId).where('incident_id', '=', incidentId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async listOverrides(filter: FindingFilter = {}): Promise<VerdictOverride[]> {
    let query = this.db.selectFrom('verdict_override').selectAll();
    if (filter.commitmentId !== undefined) query = query.where('commitment_id', '=', filter.commitmentId);
    if (filter.incidentId !== undefined) query = query.where('incident_id', '=', filter.incidentId);
    if (filter.agreementId !== undefined) query = query.where('commitment_id', 'like', `${filter.agreementId.replace(/[%_]/g, '')}/%`);
    const rows = await query.orderBy('commitment_id').orderBy('incident_id').execute();
    return rows.map((r) => ({ commitmentId: r.commitment_id, incidentId: r.incident_id, verdict: r.verdict as Verdict, note: r.note, author: r.author, createdAt: r.created_at }));
  }
}
