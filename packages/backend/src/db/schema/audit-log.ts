import type { Generated } from 'kysely';

/** One change: who, when, what, before and after (JSON text). Append-only, enforced by triggers. */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  principal_kind: string;
  principal_id: string | null;
  principal_name: string;
  principal_role: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  note: string | null;
  request_id: string | null;
}
