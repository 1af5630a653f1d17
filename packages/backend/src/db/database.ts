import type { ActorTable } from './schema/actor.js';
import type { ApiTokenTable } from './schema/api-token.js';
import type { AppUserTable } from './schema/app-user.js';
import type { AuditLogTable } from './schema/audit-log.js';
import type { AgreementPartyTable, AgreementTable } from './schema/agreement.js';
import type { ImportBatchTable, MetaTable, QuarantineTable } from './schema/bookkeeping.js';
import type { CommitmentTable } from './schema/commitment.js';
import type { ContextEventTable } from './schema/context-event.js';
import type { FindingTable, VerdictOverrideTable } from './schema/finding.js';
import type { AttributionTable, IncidentTable, VictimTable } from './schema/incident.js';
import type { GroupMemberTable, PartyGroupTable } from './schema/party-group.js';
import type { SourceObjectTable } from './schema/source-object.js';
import type { JobTable, JobUploadTable, TrendCacheTable } from './schema/job.js';
import type { UserSessionTable } from './schema/user-session.js';
import type { IncidentDraftTable } from './schema/incident-draft.js';

/** The whole database as Kysely sees it; one interface per table under schema/. */
export interface Database {
  agreement: AgreementTable;
  agreement_party: AgreementPartyTable;
  commitment: CommitmentTable;
  incident: IncidentTable;
  attribution: AttributionTable;
  victim: VictimTable;
  context_event: ContextEventTable;
  party_group: PartyGroupTable;
  group_member: GroupMemberTable;
  actor: ActorTable;
  finding: FindingTable;
  verdict_override: VerdictOverrideTable;
  meta: MetaTable;
  import_batch: ImportBatchTable;
  quarantine: QuarantineTable;
  source_object: SourceObjectTable;
  job: JobTable;
  job_upload: JobUploadTable;
  trend_cache: TrendCacheTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  api_token: ApiTokenTable;
  audit_log: AuditLogTable;
  incident_draft: IncidentDraftTable;
}
