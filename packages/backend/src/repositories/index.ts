import type { Db } from '../db/connection.js';
import { AgreementRepository } from './agreement-repository.js';
import { ApiTokenRepository } from './api-token-repository.js';
import { AuditRepository } from './audit-repository.js';
import { BatchRepository, MetaRepository } from './bookkeeping-repository.js';
import { ActorRepository, ContextEventRepository, GroupRepository } from './context-repository.js';
import { FindingRepository } from './finding-repository.js';
import { IncidentRepository } from './incident-repository.js';
import { SessionRepository } from './session-repository.js';
import { SourceObjectRepository } from './source-object-repository.js';
import { UserRepository } from './user-repository.js';
import { BrowseRepository } from './browse-repository.js';
import { RevisionRepository } from './revision-repository.js';
import { DraftRepository } from './draft-repository.js';
import { DyadRepository } from './dyad-repository.js';

export interface Repositories {
  readonly agreements: AgreementRepository;
  readonly incidents: IncidentRepository;
  readonly contextEvents: ContextEventRepository;
  readonly groups: GroupRepository;
  readonly actors: ActorRepository;
  readonly findings: FindingRepository;
  readonly meta: MetaRepository;
  readonly batches: BatchRepository;
  readonly sourceObjects: SourceObjectRepository;
  readonly browse: BrowseRepository;
  readonly revision: RevisionRepository;
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly apiTokens: ApiTokenRepository;
  readonly audit: AuditRepository;
  readonly drafts: DraftRepository;
  readonly dyads: DyadRepository;
}

/** Repositories bound to a connection or to a transaction (same interface either way). */
export function createRepositories(db: Db): Repositories {
  return {
    agreements: new AgreementRepository(db),
    incidents: new IncidentRepository(db),
    contextEvents: new ContextEventRepository(db),
    groups: new GroupRepository(db),
    actors: new ActorRepository(db),
    findings: new FindingRepository(db),
    meta: new MetaRepository(db),
    batches: new BatchRepository(db),
    sourceObjects: new SourceObjectRepository(db),
    browse: new BrowseRepository(db),
    revision: new RevisionRepository(db),
    users: new UserRepository(db),
    sessions: new SessionRepository(db),
    apiTokens: new ApiTokenRepository(db),
    audit: new AuditRepository(db),
    drafts: new DraftRepository(db),
    dyads: new DyadRepository(db),
  };
}

export type { IncidentFilter } from './incident-repository.js';
export type { FindingFilter } from './finding-repository.js';
export type { BatchCounts, QuarantineEntry, StoredQuarantineEntry } from './bookkeeping-repository.js';
export type { RecordMeta } from './record-meta.js';
export type { SourceObject } from './source-object-repository.js';
export type { IncidentSort, FindingSort, FindingPageFilter, KeyedRow } from './browse-repository.js';
