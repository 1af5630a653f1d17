import { PactwatchError } from '@pactwatch/domain';
import { MAX_AUDIT_LIMIT } from '../repositories/audit-repository.js';
import type { AuditFilter, AuditPage } from '../security/account-types.js';
import { repositories, type ServiceContext } from './service-context.js';

/** Reading the audit log. Writing happens through `recordAudit` inside each change's transaction. */
export class AuditService {
  constructor(private readonly ctx: ServiceContext) {}

  async list(filter: AuditFilter = {}): Promise<AuditPage> {
    if (filter.limit !== undefined && (!Number.isInteger(filter.limit) || filter.limit < 1 || filter.limit > MAX_AUDIT_LIMIT)) {
      throw new PactwatchError('USAGE', `limit must be a whole number from 1 to ${MAX_AUDIT_LIMIT}, got ${filter.limit}`);
    }
    if (filter.cursor !== undefined && (!Number.isInteger(filter.cursor) || filter.cursor < 1)) throw new PactwatchError('USAGE', `cursor must be a positive whole number, got ${filter.cursor}`);
    for (const [name, value] of [['since', filter.since], ['until', filter.until]] as const) {
      if (value !== undefined && Number.isNaN(value.getTime())) throw new PactwatchError('USAGE', `${name} must be a valid date`);
    }
    return repositories(this.ctx).audit.list(filter);
  }
}
