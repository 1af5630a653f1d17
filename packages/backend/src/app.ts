import type { Config } from './config/config.js';
import { createLogger, type Logger } from './config/logger.js';
import { migrateToLatest, openDatabase, type Db } from './db/connection.js';
import { ExportService } from './exports/export-service.js';
import { ImportService } from './imports/import-service.js';
import { defaultImporters } from './imports/registry.js';
import { DatasetService } from './services/dataset-service.js';
import { EvaluationService } from './services/evaluation-service.js';
import { OverrideService } from './services/override-service.js';
import { QueryService } from './services/query-service.js';
import type { ServiceContext } from './services/service-context.js';
import { TrendService } from './services/trend-service.js';
import { AccountService } from './services/account-service.js';
import { AuditService } from './services/audit-service.js';
import { AuthService } from './services/auth-service.js';
import { AgreementEditService } from './services/agreement-edit-service.js';
import { BrowseService } from './services/browse-service.js';
import type { AfterChange } from './services/edit-support.js';
import { IncidentEditService } from './services/incident-edit-service.js';
import { createJobQueue } from './jobs/create-job-queue.js';
import { JobService } from './jobs/job-service.js';
import { DraftService } from './services/draft-service.js';
import { DyadService } from './services/dyad-service.js';
import { ReportService } from './reports/report-service.js';
import { AlertService } from './alerts/alert-service.js';
import { ALERT_DELIVERY_JOB, alertDeliveryHandler, alertDeliveryScheduler } from './alerts/alert-job.js';
import { FeedService } from './feeds/feed-service.js';
import { BackupService } from './backup/backup-service.js';
import { feedPollHandler } from './jobs/feed-poll-job.js';
import { JOB_KINDS } from './jobs/job-handlers.js';

/** The one core the CLI (and later the API) drive: services over an opened, migrated store. */
export interface Pactwatch {
  readonly config: Config;
  readonly db: Db;
  readonly dataset: DatasetService;
  readonly evaluation: EvaluationService;
  readonly query: QueryService;
  readonly overrides: OverrideService;
  readonly trends: TrendService;
  readonly imports: ImportService;
  readonly exports: ExportService;
  readonly browse: BrowseService;
  readonly incidentEdits: IncidentEditService;
  readonly agreementEdits: AgreementEditService;
  readonly accounts: AccountService;
  readonly auth: AuthService;
  readonly audit: AuditService;
  /** The review queue of proposed incidents (accept, merge, reject). */
  readonly drafts: DraftService;
  /** Sponsor → victim pairs for the dashboard's map and dyad pages. */
  readonly dyads: DyadService;
  /** Background jobs: imports, re-evaluation, statistics refresh (docs/JOBS.md). */
  readonly jobs: JobService;
  /** Compliance reports (Markdown, HTML, PDF, JSON) for an agreement, a dyad or a state (docs/REPORTS.md). */
  readonly reports: ReportService;
  /** Alert rules and their webhook/e-mail deliveries (docs/ALERTS.md). */
  readonly alerts: AlertService;
  /** Feed sources and their polling into the review queue (docs/FEEDS.md). */
  readonly feeds: FeedService;
  /** `backup FILE` / `restore FILE`: SQLite online backup or a logical JSON backup (docs/RELIABILITY.md). */
  readonly backup: BackupService;
  close(): Promise<void>;
}

export async function openPactwatch(config: Config, options: { logger?: Logger; now?: () => Date } = {}): Promise<Pactwatch> {
  const db = await openDatabase(config);
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const ctx: ServiceContext = { db, config, logger: options.logger ?? createLogger(config), now: options.now ?? (() => new Date()) };
  const evaluation = new EvaluationService(ctx);
  // Findings follow every edit. An incident edit re-evaluates that incident at once (incremental:
  // milliseconds), so the analyst's next read shows verdicts for what they just wrote. A rules
  // change (agreement, commitment) can mean re-evaluating the whole store, so it goes to a job.
  // New breaches alert: the evaluation's listener scans (and never throws, so an alert problem
  // cannot fail the edit).
  const afterIncidentChange: AfterChange = async () => {
    await evaluation.evaluate();
  };
  const trends = new TrendService(ctx, evaluation);
  const imports = new ImportService(ctx, defaultImporters(config), evaluation);
  const query = new QueryService(ctx);
  const jobs = new JobService(ctx, createJobQueue(ctx), { imports, evaluation, trends });
  // Scans run where findings change; sending goes through the `alert-delivery` job (docs/ALERTS.md).
  const alerts: AlertService = new AlertService(ctx, { trends, evaluation }, { scheduleDelivery: alertDeliveryScheduler(jobs) });
  jobs.registerHandler(ALERT_DELIVERY_JOB, alertDeliveryHandler(() => alerts));
  // Every evaluation that changed something scans the rules: edits, jobs, and CLI load/import/evaluate.
  evaluation.onFindingsChanged(() => alerts.afterFindingsChange());
  // Feeds queue what they find as drafts; on PostgreSQL workers share polling as feed-poll jobs.
  const feeds = new FeedService(ctx, new DraftService(ctx, afterIncidentChange), jobs);
  jobs.registerHandler(JOB_KINDS.feedPoll, feedPollHandler(feeds));
  return {
    config,
    db,
    dataset: new DatasetService(ctx),
    evaluation,
    trends,
    imports,
    exports: new ExportService(ctx),
    query,
    overrides: new OverrideService(ctx),
    browse: new BrowseService(ctx),
    incidentEdits: new IncidentEditService(ctx, afterIncidentChange),
    agreementEdits: new AgreementEditService(ctx, async (principal, reason) => {
      await jobs.enqueueEvaluation(principal, reason);
    }),
    accounts: new AccountService(ctx),
    auth: new AuthService(ctx),
    audit: new AuditService(ctx),
    drafts: new DraftService(ctx, afterIncidentChange),
    dyads: new DyadService(ctx, query, trends),
    reports: new ReportService(ctx, query, trends, evaluation),
    jobs,
    alerts,
    feeds,
    backup: new BackupService(ctx, evaluation),
    close: async () => {
      await jobs.stop();
      await db.destroy();
    },
  };
}
