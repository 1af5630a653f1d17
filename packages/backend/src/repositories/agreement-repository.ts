import { parseUncertainDate, type Agreement, type Commitment, type CommitmentInput, type Party } from '@pactwatch/domain';
import type { Selectable } from 'kysely';
import type { Db } from '../db/connection.js';
import type { AgreementPartyTable, AgreementTable } from '../db/schema/agreement.js';
import type { CommitmentTable } from '../db/schema/commitment.js';
import { readJson, writeJson } from '../util/json-column.js';
import type { RecordMeta, StoredHash } from './record-meta.js';

function toCommitment(row: Selectable<CommitmentTable>): Commitment {
  const scope = readJson<CommitmentInput['scope']>(row.scope);
  const expectation = readJson<CommitmentInput['expectation']>(row.expectation);
  return {
    id: row.id,
    localId: row.local_id,
    agreementId: row.agreement_id,
    title: row.title,
    obligation: row.obligation as Commitment['obligation'],
    text: row.text,
    source: readJson<Commitment['source']>(row.source) ?? { publisher: 'unknown', title: 'unknown' },
    ...(scope === undefined || scope === null ? {} : { scope }),
    ...(expectation === undefined || expectation === null ? {} : { expectation }),
    disputes: readJson<Commitment['disputes']>(row.disputes) ?? [],
  };
}

function toAgreement(row: Selectable<AgreementTable>, parties: readonly Selectable<AgreementPartyTable>[], commitments: readonly Selectable<CommitmentTable>[]): Agreement {
  return {
    id: row.id,
    title: row.title,
    ...(row.short_title === null ? {} : { shortTitle: row.short_title }),
    kind: row.kind as Agreement['kind'],
    parties: parties.map((p): Party => (p.state !== null ? { state: p.state } : { group: p.group_id ?? '' })),
    signed: row.signed,
    ...(row.in_force === null ? {} : { inForce: row.in_force }),
    ...(row.ended === null ? {} : { ended: row.ended }),
    status: row.status as Agreement['status'],
    summary: row.summary,
    sources: readJson<Agreement['sources']>(row.sources) ?? [],
    provenance: readJson<Agreement['provenance']>(row.provenance) ?? { origin: 'added', note: 'unknown' },
    disputes: readJson<Agreement['disputes']>(row.disputes) ?? [],
    commitments: commitments.map(toCommitment),
  };
}

/** All SQL on agreements, their parties and commitments. */
export class AgreementRepository {
  constructor(private readonly db: Db) {}

  async hashes(): Promise<Map<string, StoredHash>> {
    const rows = await this.db.selectFrom('agreement').select(['id', 'content_hash', 'origin', 'source_file']).execute();
    return new Map(rows.map((r) => [r.id, { hash: r.content_hash, origin: r.origin, sourceFile: r.source_file }]));
  }

  /** Replaces the agreement with its parties and commitments (delete cascades to both). */
  async save(agreement: Agreement, meta: RecordMeta): Promise<void> {
    await this.db.deleteFrom('agreement').where('id', '=', agreement.id).execute();
    await this.db
      .insertInto('agreement')
      .values({
        id: agreement.id,
        title: agreement.title,
        short_title: agreement.shortTitle ?? null,
        kind: agreement.kind,
        signed: agreement.signed,
        in_force: agreement.inForce ?? null,
        ended: agreement.ended ?? null,
        effective_earliest: parseUncertainDate(agreement.inForce ?? agreement.signed).earliest,
        status: agreement.status,
        summary: agreement.summary,
        sources: writeJson(agreement.sources),
        provenance: writeJson(agreement.provenance),
        disputes: writeJson(agreement.disputes),
        origin: meta.origin,
        source_file: meta.sourceFile,
        content_hash: meta.hash,
      })
      .execute();
    if (agreement.parties.length > 0) {
      await this.db
        .insertInto('agreement_party')
        .values(agreement.parties.map((p, position) => ({ agreement_id: agreement.id, position, state: 'state' in p ? p.state : null, group_id: 'group' in p ? p.group : null })))
        .execute();
    }
    if (agreement.commitments.length > 0) {
      await this.db
        .insertInto('commitment')
        .values(
          agreement.commitments.map((c, position) => ({
            id: c.id,
            agreement_id: agreement.id,
            local_id: c.localId,
            position,
            title: c.title,
            obligation: c.obligation,
            text: c.text,
            source: writeJson(c.source),
            scope: c.scope === undefined ? null : writeJson(c.scope),
            expectation: c.expectation === undefined ? null : writeJson(c.expectation),
            disputes: writeJson(c.disputes),
          })),
        )
        .execute();
    }
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('agreement').where('id', '=', id).execute();
  }

  async listAll(): Promise<Agreement[]> {
    const [rows, parties, commitments] = await Promise.all([
      this.db.selectFrom('agreement').selectAll().orderBy('effective_earliest').orderBy('id').execute(),
      this.db.selectFrom('agreement_party').selectAll().orderBy('agreement_id').orderBy('position').execute(),
      this.db.selectFrom('commitment').selectAll().orderBy('agreement_id').orderBy('position').execute(),
    ]);
    const partiesBy = groupBy(parties, (p) => p.agreement_id);
    const commitmentsBy = groupBy(commitments, (c) => c.agreement_id);
    return rows.map((row) => toAgreement(row, partiesBy.get(row.id) ?? [], commitmentsBy.get(row.id) ?? []));
  }

  async get(id: string): Promise<Agreement | undefined> {
    const row = await this.db.selectFrom('agreement').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) return undefined;
    const [parties, commitments] = await Promise.all([
      this.db.selectFrom('agreement_party').selectAll().where('agreement_id', '=', id).orderBy('position').execute(),
      this.db.selectFrom('commitment').selectAll().where('agreement_id', '=', id).orderBy('position').execute(),
    ]);
    return toAgreement(row, parties, commitments);
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('agreement').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list === undefined) map.set(k, [item]);
    else list.push(item);
  }
  return map;
}
