import { agreementSchema, PactwatchError, toAgreement, type Agreement } from '@pactwatch/domain';
import { recordAudit } from '../repositories/audit-repository.js';
import type { Repositories } from '../repositories/index.js';
import { contentHash } from '../util/hash.js';
import { checkEditable, inWriteTransaction, parseInput, USER_ORIGIN, type AfterChange, type EditContext } from './edit-support.js';
import { requestId } from './incident-edit-service.js';
import type { ServiceContext } from './service-context.js';

export interface VersionedAgreement {
  readonly agreement: Agreement;
  readonly version: string;
}

/**
 * Admins' writes to agreements and their commitments. The body is the dataset's agreement record
 * (commitments with local ids); the stored version carries full commitment ids. A change to the
 * rules re-evaluates findings in the background.
 */
export class AgreementEditService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly afterChange: AfterChange,
  ) {}

  async get(id: string): Promise<VersionedAgreement & { readonly origin: string }> {
    return inWriteTransaction(this.ctx, async (repos) => {
      const [stored, agreement] = await Promise.all([repos.browse.recordMeta('agreement', id), repos.agreements.get(id)]);
      if (stored === undefined || agreement === undefined) throw new PactwatchError('NOT_FOUND', `no agreement "${id}"`);
      return { agreement, version: stored.hash, origin: stored.origin };
    });
  }

  async create(input: unknown, edit: EditContext): Promise<VersionedAgreement> {
    const agreement = toAgreement(parseInput(agreementSchema, input, 'agreement'));
    const version = contentHash(agreement);
    await inWriteTransaction(this.ctx, async (repos, trx) => {
      if ((await repos.browse.recordMeta('agreement', agreement.id)) !== undefined) {
        throw new PactwatchError('CONFLICT', `an agreement with id "${agreement.id}" already exists; choose another id or update it`);
      }
      await checkGroups(repos, agreement);
      await repos.agreements.save(agreement, { origin: USER_ORIGIN, sourceFile: null, hash: version });
      await recordAudit(trx, { principal: edit.principal, action: 'agreement.create', entityType: 'agreement', entityId: agreement.id, before: null, after: agreement, ...requestId(edit) }, this.ctx.now());
    });
    await this.afterChange(edit.principal, `agreement ${agreement.id} created`);
    return { agreement, version };
  }

  async update(id: string, input: unknown, edit: EditContext): Promise<VersionedAgreement> {
    const agreement = toAgreement(parseInput(agreementSchema, input, 'agreement'));
    if (agreement.id !== id) throw new PactwatchError('USAGE', `the body's id "${agreement.id}" differs from the path's "${id}"; ids cannot be changed`);
    const version = contentHash(agreement);
    await inWriteTransaction(this.ctx, async (repos, trx) => {
      checkEditable('agreement', id, await repos.browse.recordMeta('agreement', id), edit);
      await checkGroups(repos, agreement);
      const before = await repos.agreements.get(id);
      await repos.agreements.save(agreement, { origin: USER_ORIGIN, sourceFile: null, hash: version });
      await recordAudit(trx, { principal: edit.principal, action: 'agreement.update', entityType: 'agreement', entityId: id, before, after: agreement, ...requestId(edit) }, this.ctx.now());
    });
    await this.afterChange(edit.principal, `agreement ${id} changed`);
    return { agreement, version };
  }

  async delete(id: string, edit: EditContext): Promise<void> {
    await inWriteTransaction(this.ctx, async (repos, trx) => {
      checkEditable('agreement', id, await repos.browse.recordMeta('agreement', id), edit);
      const before = await repos.agreements.get(id);
      await repos.agreements.delete(id);
      await recordAudit(trx, { principal: edit.principal, action: 'agreement.delete', entityType: 'agreement', entityId: id, before, after: null, ...requestId(edit) }, this.ctx.now());
    });
    await this.afterChange(edit.principal, `agreement ${id} deleted`);
  }
}

async function checkGroups(repos: Repositories, agreement: Agreement): Promise<void> {
  const wanted = agreement.parties.flatMap((p) => ('group' in p ? [p.group] : []));
  if (wanted.length === 0) return;
  const known = new Set((await repos.groups.listAll()).map((g) => g.id));
  const missing = wanted.filter((g) => !known.has(g));
  if (missing.length > 0) {
    throw new PactwatchError('VALIDATION_FAILED', `the agreement names unknown groups: ${missing.join(', ')}`, {
      problems: missing.map((g) => ({ path: '/parties', reason: `unknown group "${g}"` })),
    });
  }
}
