import type { Finding, Verdict } from '@pactwatch/domain';
import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db } from '../db/connection.js';
import type { AlertDeliveryTable } from '../db/schema/alert-delivery.js';
import type { AlertRuleTable } from '../db/schema/alert-rule.js';
import type { FindingTable } from '../db/schema/finding.js';
import { toFinding } from '../repositories/finding-repository.js';
import { chunk } from '../repositories/record-meta.js';

export type AlertRuleRow = Selectable<AlertRuleTable>;
export type AlertDeliveryRow = Selectable<AlertDeliveryTable>;
export type NewAlertDelivery = Omit<Insertable<AlertDeliveryTable>, 'seq'>;

export const DELIVERY_STATUSES = ['pending', 'sent', 'failed', 'dead', 'baseline'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export type DeliveryCounts = Readonly<Record<DeliveryStatus, number>>;

/** All SQL on alert rules and their deliveries. */
export class AlertRepository {
  constructor(private readonly db: Db) {}

  async insertRule(row: AlertRuleTable): Promise<void> {
    await this.db.insertInto('alert_rule').values(row).execute();
  }

  async getRule(id: string): Promise<AlertRuleRow | undefined> {
    return this.db.selectFrom('alert_rule').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async listRules(options: { readonly enabledOnly?: boolean } = {}): Promise<AlertRuleRow[]> {
    let query = this.db.selectFrom('alert_rule').selectAll();
    if (options.enabledOnly === true) query = query.where('enabled', '=', 1);
    return query.orderBy('created_at').orderBy('id').execute();
  }

  /** Deletes the rule and (by cascade) its deliveries; false when there was none. */
  async deleteRule(id: string): Promise<boolean> {
    // Explicit, not only the cascade: SQLite enforces foreign keys per connection setting.
    await this.db.deleteFrom('alert_delivery').where('rule_id', '=', id).execute();
    const result = await this.db.deleteFrom('alert_rule').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async setEnabled(id: string, enabled: boolean): Promise<boolean> {
    const result = await this.db.updateTable('alert_rule').set({ enabled: enabled ? 1 : 0 }).where('id', '=', id).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Subject keys already stored for the rule (sent, pending, baseline…): a scan skips them. */
  async knownSubjects(ruleId: string): Promise<Set<string>> {
    const rows = await this.db.selectFrom('alert_delivery').select('subject_key').where('rule_id', '=', ruleId).execute();
    return new Set(rows.map((r) => r.subject_key));
  }

  /**
   * Inserts deliveries, skipping any (rule, subject) already stored, even by a concurrent scan in
   * another process (the unique index decides); returns the ids actually inserted.
   */
  async insertDeliveries(rows: readonly NewAlertDelivery[]): Promise<string[]> {
    const inserted: string[] = [];
    for (const part of chunk(rows, 200)) {
      if (part.length === 0) continue;
      const result = await this.db
        .insertInto('alert_delivery')
        .values([...part])
        .onConflict((oc) => oc.columns(['rule_id', 'subject_key']).doNothing())
        .returning('id')
        .execute();
      inserted.push(...result.map((r) => r.id));
    }
    return inserted;
  }

  /**
   * Findings a finding rule matches that are not yet stored for it. The subject key is built in
   * SQL exactly as the domain's findingSubjectKey builds it, so a scan after an edit reads only
   * what is new instead of every breach in the store (the unique index stays the real guard).
   */
  async unseenFindings(ruleId: string, filter: { readonly agreementId?: string | undefined; readonly commitmentId?: string | undefined; readonly verdicts: readonly Verdict[] }): Promise<Finding[]> {
    // Keys first, from the covering index of migration 0010 (no row with its JSON traces is read)…
    let query = this.db
      .selectFrom('finding')
      .select(['finding.incident_id', 'finding.commitment_id', 'finding.verdict'])
      .where('finding.verdict', 'in', [...filter.verdicts]);
    if (filter.agreementId !== undefined) query = query.where('finding.agreement_id', '=', filter.agreementId);
    if (filter.commitmentId !== undefined) query = query.where('finding.commitment_id', '=', filter.commitmentId);
    const keys = await query
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('alert_delivery')
              .select('alert_delivery.id')
              .where('alert_delivery.rule_id', '=', ruleId)
              .where(sql<boolean>`alert_delivery.subject_key = 'finding:' || finding.incident_id || ':' || finding.commitment_id || ':' || finding.verdict`),
          ),
        ),
      )
      .execute();
    if (keys.length === 0) return [];
    // …then the whole rows of the few that are new.
    const wanted = new Set(keys.map((k) => `${k.commitment_id}|${k.incident_id}`));
    const rows: Selectable<FindingTable>[] = [];
    for (const ids of chunk([...new Set(keys.map((k) => k.incident_id))], 500)) {
      const part = await this.db.selectFrom('finding').selectAll().where('incident_id', 'in', ids).execute();
      rows.push(...part.filter((r) => wanted.has(`${r.commitment_id}|${r.incident_id}`)));
    }
    rows.sort((a, b) => (a.incident_id < b.incident_id ? -1 : a.incident_id > b.incident_id ? 1 : a.commitment_id < b.commitment_id ? -1 : a.commitment_id > b.commitment_id ? 1 : 0));
    return rows.map(toFinding);
  }

  /**
   * Ids of incidents with an attribution to the sponsor at or above the confidence (and a victim
   * in the victim state) not yet stored for the rule (subject `incident:<id>`, as matchIncident keys it).
   */
  async unseenIncidentIds(ruleId: string, filter: { readonly sponsor: string; readonly victim?: string | undefined; readonly minConfidence: number }): Promise<string[]> {
    let query = this.db
      .selectFrom('attribution')
      .select('attribution.incident_id')
      .distinct()
      .where('attribution.sponsor', '=', filter.sponsor)
      .where('attribution.confidence', '>=', filter.minConfidence);
    if (filter.victim !== undefined) {
      const victim = filter.victim;
      query = query.where(({ exists, selectFrom }) =>
        exists(selectFrom('victim').select('victim.incident_id').whereRef('victim.incident_id', '=', 'attribution.incident_id').where('victim.state', '=', victim)),
      );
    }
    const rows = await query
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('alert_delivery')
              .select('alert_delivery.id')
              .where('alert_delivery.rule_id', '=', ruleId)
              .where(sql<boolean>`alert_delivery.subject_key = 'incident:' || attribution.incident_id`),
          ),
        ),
      )
      .orderBy('attribution.incident_id')
      .execute();
    return rows.map((r) => r.incident_id);
  }

  /** Pending or failed deliveries whose next attempt is due, oldest first. */
  async due(nowMs: number, limit: number): Promise<AlertDeliveryRow[]> {
    return this.db
      .selectFrom('alert_delivery')
      .selectAll()
      .where('status', 'in', ['pending', 'failed'])
      .where('next_attempt_at', '<=', nowMs)
      // A disabled rule's deliveries wait (they are sent if it is enabled again).
      .where('rule_id', 'in', (qb) => qb.selectFrom('alert_rule').select('id').where('enabled', '=', 1))
      .orderBy('seq')
      .limit(limit)
      .execute();
  }

  /**
   * Takes a due delivery for one attempt by moving its next attempt to `leaseUntil`; false when
   * another process took it first. A crashed sender's lease simply runs out and it is tried again.
   */
  async claim(row: Pick<AlertDeliveryRow, 'id' | 'next_attempt_at'>, leaseUntil: number): Promise<boolean> {
    if (row.next_attempt_at === null) return false;
    const result = await this.db
      .updateTable('alert_delivery')
      .set({ next_attempt_at: leaseUntil })
      .where('id', '=', row.id)
      .where('next_attempt_at', '=', row.next_attempt_at)
      .where('status', 'in', ['pending', 'failed'])
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async markSent(id: string, attempts: number, sentAt: string): Promise<void> {
    await this.db.updateTable('alert_delivery').set({ status: 'sent', attempts, sent_at: sentAt, next_attempt_at: null, last_error: null }).where('id', '=', id).execute();
  }

  /** A failed attempt: `failed` with the next attempt's time, or `dead` (nextAttemptAt null) when out of attempts. */
  async markFailed(id: string, attempts: number, error: string, nextAttemptAt: number | null): Promise<void> {
    await this.db
      .updateTable('alert_delivery')
      .set({ status: nextAttemptAt === null ? 'dead' : 'failed', attempts, last_error: error, next_attempt_at: nextAttemptAt })
      .where('id', '=', id)
      .execute();
  }

  async listDeliveries(ruleId: string): Promise<AlertDeliveryRow[]> {
    return this.db.selectFrom('alert_delivery').selectAll().where('rule_id', '=', ruleId).orderBy('seq').execute();
  }

  async getDelivery(id: string): Promise<AlertDeliveryRow | undefined> {
    return this.db.selectFrom('alert_delivery').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Deliveries by status per rule, for listings. */
  async counts(): Promise<Map<string, DeliveryCounts>> {
    const rows = await this.db
      .selectFrom('alert_delivery')
      .select(['rule_id', 'status', sql<number>`count(*)`.as('n')])
      .groupBy(['rule_id', 'status'])
      .execute();
    const out = new Map<string, Record<DeliveryStatus, number>>();
    for (const row of rows) {
      const counts = out.get(row.rule_id) ?? { pending: 0, sent: 0, failed: 0, dead: 0, baseline: 0 };
      const status = DELIVERY_STATUSES.find((s) => s === row.status);
      if (status !== undefined) counts[status] = Number(row.n);
      out.set(row.rule_id, counts);
    }
    return out;
  }

  /** The earliest time a pending or failed delivery of an enabled rule is due, if any (to schedule the next run). */
  async nextDueAt(): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('alert_delivery')
      .select(sql<number | null>`min(next_attempt_at)`.as('next'))
      .where('status', 'in', ['pending', 'failed'])
      // As `due`: a disabled rule's waiting rows must not keep asking for runs.
      .where('rule_id', 'in', (qb) => qb.selectFrom('alert_rule').select('id').where('enabled', '=', 1))
      .executeTakeFirst();
    return row?.next === null || row?.next === undefined ? undefined : Number(row.next);
  }
}
