import { isRole, type Principal } from '@pactwatch/domain';
import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/connection.js';
import type { Database } from '../db/database.js';
import type { AuditLogTable } from '../db/schema/audit-log.js';
import type { AuditEntry, AuditFilter, AuditPage, AuditRecord } from '../security/account-types.js';

export const DEFAULT_AUDIT_LIMIT = 50;
export const MAX_AUDIT_LIMIT = 500;

type AuditRow = Omit<AuditLogTable, 'id'> & { id: number | string | bigint };

const PRINCIPAL_KINDS = ['user', 'token', 'cli', 'system', 'anonymous'] as const;

function toPrincipal(r: AuditRow): Principal {
  const kind = PRINCIPAL_KINDS.find((k) => k === r.principal_kind) ?? 'system';
  return { kind, id: r.principal_id, name: r.principal_name, role: isRole(r.principal_role) ? r.principal_role : null };
}

// before/after were written by recordAudit as JSON.stringify of a value, so parsing gives it back.
function parse(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}

function toEntry(r: AuditRow): AuditEntry {
  return {
    id: Number(r.id),
    at: r.at,
    principal: toPrincipal(r),
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: parse(r.before),
    after: parse(r.after),
    note: r.note,
    requestId: r.request_id,
  };
}

function json(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/**
 * The audit log: insert and read, nothing else. There is deliberately no update or delete here,
 * and triggers reject both in the database (migration 0004).
 */
export class AuditRepository {
  constructor(private readonly db: Db) {}

  async record(entry: AuditRecord, at: Date): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        at: at.toISOString(),
        principal_kind: entry.principal.kind,
        principal_id: entry.principal.id,
        principal_name: entry.principal.name,
        principal_role: entry.principal.role,
        action: entry.action,
        entity_type: entry.entityType,
        entity_id: entry.entityId,
        before: json(entry.before),
        after: json(entry.after),
        note: entry.note ?? null,
        request_id: entry.requestId ?? null,
      })
      .execute();
  }

  /** Newest first, by sequence id; `cursor` continues below the previous page's last id. */
  async list(filter: AuditFilter = {}): Promise<AuditPage> {
    const limit = Math.min(Math.max(Math.floor(filter.limit ?? DEFAULT_AUDIT_LIMIT), 1), MAX_AUDIT_LIMIT);
    let query = this.db.selectFrom('audit_log').selectAll();
    if (filter.entityType !== undefined) query = query.where('entity_type', '=', filter.entityType);
    if (filter.entityId !== undefined) query = query.where('entity_id', '=', filter.entityId);
    if (filter.incident !== undefined) {
      // Overrides are keyed "commitment@incident" (overrideEntityId); '@' cannot occur in an id.
      const suffix = `%@${filter.incident.replace(/[\\%_]/g, (c) => `\\${c}`)}`;
      const incident = filter.incident;
      query = query.where((eb) =>
        eb.or([
          eb.and([eb('entity_type', '=', 'incident'), eb('entity_id', '=', incident)]),
          eb.and([eb('entity_type', '=', 'verdict-override'), sql<boolean>`entity_id like ${suffix} escape '\\'`]),
        ]),
      );
    }
    if (filter.principalName !== undefined) query = query.where('principal_name', '=', filter.principalName);
    if (filter.action !== undefined) query = query.where('action', '=', filter.action);
    if (filter.since !== undefined) query = query.where('at', '>=', filter.since.toISOString());
    if (filter.until !== undefined) query = query.where('at', '<', filter.until.toISOString());
    if (filter.cursor !== undefined) query = query.where('id', '<', filter.cursor);
    // One row more than asked tells whether another page exists without a count query.
    const rows = await query.orderBy('id', 'desc').limit(limit + 1).execute();
    const entries = rows.slice(0, limit).map(toEntry);
    const last = entries[entries.length - 1];
    return { entries, nextCursor: rows.length > limit && last !== undefined ? last.id : null };
  }
}

/**
 * Appends one audit entry. Call it with the transaction that makes the change, so the change and
 * its audit row land together or not at all. Never put passwords or token secrets in before/after.
 */
export async function recordAudit(db: Db | Transaction<Database>, entry: AuditRecord, at: Date): Promise<void> {
  await new AuditRepository(db).record(entry, at);
}
