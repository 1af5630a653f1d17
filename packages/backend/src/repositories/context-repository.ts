import { parseUncertainDate, type Actor, type ContextEvent, type Group } from '@pactwatch/domain';
import type { Db } from '../db/connection.js';
import { readJson, writeJson } from '../util/json-column.js';
import { groupBy } from './agreement-repository.js';
import type { RecordMeta, StoredHash } from './record-meta.js';

/** All SQL on context events. */
export class ContextEventRepository {
  constructor(private readonly db: Db) {}

  async hashes(): Promise<Map<string, StoredHash>> {
    const rows = await this.db.selectFrom('context_event').select(['id', 'content_hash', 'origin', 'source_file']).execute();
    return new Map(rows.map((r) => [r.id, { hash: r.content_hash, origin: r.origin, sourceFile: r.source_file }]));
  }

  async save(event: ContextEvent, meta: RecordMeta): Promise<void> {
    await this.db.deleteFrom('context_event').where('id', '=', event.id).execute();
    await this.db
      .insertInto('context_event')
      .values({
        id: event.id,
        kind: event.kind,
        title: event.title,
        date: event.date,
        date_earliest: parseUncertainDate(event.date).earliest,
        states: writeJson(event.states),
        agreements: writeJson(event.agreements),
        commitments: writeJson(event.commitments),
        summary: event.summary,
        sources: writeJson(event.sources),
        provenance: writeJson(event.provenance),
        disputes: writeJson(event.disputes),
        origin: meta.origin,
        source_file: meta.sourceFile,
        content_hash: meta.hash,
      })
      .execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('context_event').where('id', '=', id).execute();
  }

  async listAll(): Promise<ContextEvent[]> {
    const rows = await this.db.selectFrom('context_event').selectAll().orderBy('date_earliest').orderBy('id').execute();
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind as ContextEvent['kind'],
      title: r.title,
      date: r.date,
      states: readJson<string[]>(r.states) ?? [],
      agreements: readJson<string[]>(r.agreements) ?? [],
      commitments: readJson<string[]>(r.commitments) ?? [],
      summary: r.summary,
      sources: readJson<ContextEvent['sources']>(r.sources) ?? [],
      provenance: readJson<ContextEvent['provenance']>(r.provenance) ?? { origin: 'added', note: 'unknown' },
      disputes: readJson<ContextEvent['disputes']>(r.disputes) ?? [],
    }));
  }
}

/** All SQL on multilateral groups and their memberships. */
export class GroupRepository {
  constructor(private readonly db: Db) {}

  async hashes(): Promise<Map<string, StoredHash>> {
    const rows = await this.db.selectFrom('party_group').select(['id', 'content_hash', 'origin', 'source_file']).execute();
    return new Map(rows.map((r) => [r.id, { hash: r.content_hash, origin: r.origin, sourceFile: r.source_file }]));
  }

  async save(group: Group, meta: RecordMeta): Promise<void> {
    await this.db.deleteFrom('party_group').where('id', '=', group.id).execute();
    await this.db
      .insertInto('party_group')
      .values({
        id: group.id,
        name: group.name,
        recorded_from: group.recordedFrom ?? null,
        note: group.note ?? null,
        sources: writeJson(group.sources),
        origin: meta.origin,
        source_file: meta.sourceFile,
        content_hash: meta.hash,
      })
      .execute();
    await this.db
      .insertInto('group_member')
      .values(group.members.map((m, position) => ({ group_id: group.id, position, state: m.state, member_from: m.from ?? null, member_to: m.to ?? null })))
      .execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('party_group').where('id', '=', id).execute();
  }

  async listAll(): Promise<Group[]> {
    const [rows, members] = await Promise.all([
      this.db.selectFrom('party_group').selectAll().orderBy('id').execute(),
      this.db.selectFrom('group_member').selectAll().orderBy('group_id').orderBy('position').execute(),
    ]);
    const membersBy = groupBy(members, (m) => m.group_id);
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      ...(r.recorded_from === null ? {} : { recordedFrom: r.recorded_from }),
      ...(r.note === null ? {} : { note: r.note }),
      members: (membersBy.get(r.id) ?? []).map((m) => ({ state: m.state, ...(m.member_from === null ? {} : { from: m.member_from }), ...(m.member_to === null ? {} : { to: m.member_to }) })),
      sources: readJson<Group['sources']>(r.sources) ?? [],
    }));
  }
}

/** All SQL on threat actors. */
export class ActorRepository {
  constructor(private readonly db: Db) {}

  async hashes(): Promise<Map<string, StoredHash>> {
    const rows = await this.db.selectFrom('actor').select(['id', 'content_hash', 'origin', 'source_file']).execute();
    return new Map(rows.map((r) => [r.id, { hash: r.content_hash, origin: r.origin, sourceFile: r.source_file }]));
  }

  async save(actor: Actor, meta: RecordMeta): Promise<void> {
    await this.db.deleteFrom('actor').where('id', '=', actor.id).execute();
    await this.db
      .insertInto('actor')
      .values({
        id: actor.id,
        name: actor.name,
        aliases: writeJson(actor.aliases),
        sponsor: actor.sponsor ?? null,
        sponsor_confidence: actor.sponsorConfidence ?? null,
        description: actor.description ?? null,
        sources: writeJson(actor.sources),
        origin: meta.origin,
        source_file: meta.sourceFile,
        content_hash: meta.hash,
      })
      .execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('actor').where('id', '=', id).execute();
  }

  async listAll(): Promise<Actor[]> {
    const rows = await this.db.selectFrom('actor').selectAll().orderBy('id').execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      aliases: readJson<string[]>(r.aliases) ?? [],
      ...(r.sponsor === null ? {} : { sponsor: r.sponsor }),
      ...(r.sponsor_confidence === null ? {} : { sponsorConfidence: r.sponsor_confidence }),
      ...(r.description === null ? {} : { description: r.description }),
      sources: readJson<Actor['sources']>(r.sources) ?? [],
    }));
  }
}
