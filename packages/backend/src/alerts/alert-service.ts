import { randomBytes, randomUUID } from 'node:crypto';
import { buildAlertPayload, PactwatchError, testAlertMatch, type AlertMatch } from '@pactwatch/domain';
import { writeTransaction } from '../db/write-transaction.js';
import { randomSecret } from '../security/secret-tokens.js';
import type { EvaluationService } from '../services/evaluation-service.js';
import type { ServiceContext } from '../services/service-context.js';
import type { TrendService } from '../services/trend-service.js';
import { AlertRepository, type AlertRuleRow, type NewAlertDelivery } from './alert-repository.js';
import { channelOf, checkName, checkSecret, checkTarget, parseDefinition, readDefinition, ruleSummaryOf, toDeliveryInfo, toRuleInfo } from './alert-rows.js';
import { AlertScanner } from './alert-scanner.js';
import { sendAlert } from './alert-sender.js';
import type { SendOutcome } from './webhook-sender.js';
import type { AddAlertRuleRequest, AddedAlertRule, AlertDeliveryInfo, AlertDeliveryReport, AlertRuleInfo, AlertRunReport, AlertScanReport, AlertTestResult } from './alert-types.js';
import { requireSmtp } from './email-sender.js';

export interface AlertServiceOptions {
  /** First retry after this many seconds, doubling per failed attempt (default 30, capped at 6 h). */
  readonly retryBaseSeconds?: number;
  /** Asks for a delivery run (the `alert-delivery` job) now or at a later time; absent: callers run `deliverDue` themselves. */
  readonly scheduleDelivery?: (at: Date | undefined) => Promise<void>;
}

const MAX_RETRY_SECONDS = 6 * 3600;
const DUE_BATCH = 100;

/**
 * Alert rules and their deliveries (docs/ALERTS.md). A scan stores each new match once per rule
 * (the unique subject key makes it idempotent); delivery sends due rows by webhook or e-mail and
 * keeps failures for retry with exponential backoff until they are sent or dead.
 */
export class AlertService {
  private readonly repo: AlertRepository;
  private readonly scanner: AlertScanner;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly services: { readonly trends: TrendService; readonly evaluation: EvaluationService },
    private readonly options: AlertServiceOptions = {},
  ) {
    this.repo = new AlertRepository(ctx.db);
    this.scanner = new AlertScanner(ctx, services.trends, this.repo);
  }

  async add(request: AddAlertRuleRequest): Promise<AddedAlertRule> {
    const name = checkName(request.name);
    const definition = parseDefinition(request.definition);
    checkTarget(request.channel, request.target);
    checkSecret(request.channel, request.secret);
    if (request.channel === 'email') requireSmtp(this.ctx.config.alerts);
    const generatedSecret = request.channel === 'webhook' && request.secret === undefined ? randomSecret(32) : null;
    const row: AlertRuleRow = {
      id: `alert-${randomBytes(5).toString('hex')}`,
      name,
      definition: JSON.stringify(definition),
      channel: request.channel,
      target: request.target,
      webhook_secret: request.channel === 'webhook' ? (request.secret ?? generatedSecret) : null,
      enabled: 1,
      created_by: request.createdBy ?? 'cli',
      created_at: this.ctx.now().toISOString(),
    };
    const existingStatus = request.includeExisting === true ? 'pending' : 'baseline';
    // Matched before the rule is stored: a failed scan leaves no rule without its baseline.
    const scan = await this.scanner.scan(row.id, definition);
    // The rule and its baseline land together: a rule stored without it would alert on the past.
    const inserted = await writeTransaction(this.ctx.db, async (trx) => {
      const repo = new AlertRepository(trx);
      await repo.insertRule(row);
      return this.store(repo, row, scan.matches, existingStatus);
    });
    if (existingStatus === 'pending' && inserted > 0) await this.schedule(undefined);
    this.ctx.logger.info({ rule: row.id, channel: row.channel, existing: inserted, existingStatus }, 'alert rule added');
    return { rule: toRuleInfo(row, (await this.repo.counts()).get(row.id)), generatedSecret, existing: inserted, existingStatus };
  }

  async list(): Promise<AlertRuleInfo[]> {
    const [rows, counts] = await Promise.all([this.repo.listRules(), this.repo.counts()]);
    return rows.map((r) => toRuleInfo(r, counts.get(r.id)));
  }

  async get(id: string): Promise<AlertRuleInfo> {
    return toRuleInfo(await this.rule(id), (await this.repo.counts()).get(id));
  }

  /** Deletes the rule and its delivery history. */
  async remove(id: string): Promise<AlertRuleInfo> {
    const info = await this.get(id);
    await this.repo.deleteRule(id);
    return info;
  }

  /** A disabled rule is not scanned and its pending deliveries wait. */
  async setEnabled(id: string, enabled: boolean): Promise<AlertRuleInfo> {
    if (!(await this.repo.setEnabled(id, enabled))) throw this.notFound(id);
    return this.get(id);
  }

  async deliveries(ruleId: string): Promise<AlertDeliveryInfo[]> {
    await this.rule(ruleId);
    return (await this.repo.listDeliveries(ruleId)).map(toDeliveryInfo);
  }

  /** Sends a clearly marked test payload now (nothing is stored) and reports what the receiver said. */
  async test(id: string): Promise<AlertTestResult> {
    const row = await this.rule(id);
    if (row.channel === 'email') requireSmtp(this.ctx.config.alerts);
    const now = this.ctx.now();
    const summary = ruleSummaryOf(row);
    const deliveryId = randomUUID();
    const payload = buildAlertPayload(summary, testAlertMatch(summary, now.toISOString()), { deliveryId, createdAt: now.toISOString(), test: true });
    const outcome = await sendAlert(this.ctx.config.alerts, row, deliveryId, JSON.stringify(payload), now);
    return { ruleId: row.id, channel: channelOf(row), target: row.target, deliveryId, ok: outcome.ok, detail: outcome.ok ? outcome.detail : outcome.error };
  }

  /** Stores every enabled rule's new matches as pending deliveries. */
  async scan(): Promise<AlertScanReport> {
    const rules = await this.repo.listRules({ enabledOnly: true });
    const byRule: Array<{ ruleId: string; newMatches: number; note: string | null }> = [];
    for (const rule of rules) {
      const scan = await this.scanner.scan(rule.id, readDefinition(rule));
      byRule.push({ ruleId: rule.id, newMatches: await this.store(this.repo, rule, scan.matches, 'pending'), note: scan.note });
    }
    const newMatches = byRule.reduce((n, r) => n + r.newMatches, 0);
    if (newMatches > 0) this.ctx.logger.info({ newMatches }, 'alert scan found new matches');
    return { rules: rules.length, newMatches, byRule };
  }

  /** Sends due deliveries once each; failures are kept with their next attempt, or dead after the last. */
  async deliverDue(): Promise<AlertDeliveryReport> {
    const nowDate = this.ctx.now();
    const now = nowDate.getTime();
    const config = this.ctx.config.alerts;
    const rules = new Map((await this.repo.listRules({ enabledOnly: true })).map((r) => [r.id, r]));
    const report = { attempted: 0, sent: 0, retrying: 0, dead: 0 };
    // Longer than one attempt can take, so no other process sends the same row meanwhile.
    const lease = now + (config.timeoutSeconds + 60) * 1000;
    for (const row of await this.repo.due(now, DUE_BATCH)) {
      const rule = rules.get(row.rule_id);
      if (rule === undefined || !(await this.repo.claim(row, lease))) continue;
      report.attempted += 1;
      const attempts = row.attempts + 1;
      let outcome: SendOutcome;
      try {
        outcome = await sendAlert(config, rule, row.id, row.payload, nowDate);
      } catch (error) {
        // e.g. the SMTP settings were removed after the rule was added: a failed attempt, named.
        outcome = { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
      if (outcome.ok) {
        await this.repo.markSent(row.id, attempts, this.ctx.now().toISOString());
        report.sent += 1;
        continue;
      }
      const dead = attempts >= config.maxAttempts;
      await this.repo.markFailed(row.id, attempts, outcome.error, dead ? null : now + this.retryDelayMs(attempts));
      if (dead) report.dead += 1;
      else report.retrying += 1;
      this.ctx.logger.warn({ rule: rule.id, delivery: row.id, attempts, dead, error: outcome.error }, 'alert delivery failed');
    }
    // More than one batch due, or retries waiting: ask for the next run (now, or at that time).
    const next = await this.repo.nextDueAt();
    if (next !== undefined) await this.schedule(next > now ? new Date(next) : undefined);
    return report;
  }

  /** Evaluate what changed, scan, then send what is due: `pactwatch alerts run`, for cron or when no worker runs. */
  async run(): Promise<AlertRunReport> {
    // Without the listener's scan, so the one below reports what this run found.
    await this.services.evaluation.evaluate({ notify: false });
    const scan = await this.scan();
    return { scan, delivery: await this.deliverDue() };
  }

  /**
   * Called after findings change (incident edits, accepted drafts, evaluation and import jobs).
   * Never throws: an alert problem must not fail the edit that triggered it; what was stored is
   * delivered later (the `alert-delivery` job, or `pactwatch alerts run`).
   */
  async afterFindingsChange(): Promise<void> {
    try {
      if ((await this.repo.listRules({ enabledOnly: true })).length === 0) return;
      const scan = await this.scan();
      if (scan.newMatches > 0) await this.schedule(undefined);
    } catch (error) {
      this.ctx.logger.error({ err: error }, 'alert scan failed; the next scan will find the matches again');
    }
  }

  /** Exponential backoff: base × 2^(attempt − 1), capped. */
  retryDelayMs(attempts: number): number {
    const base = this.options.retryBaseSeconds ?? 30;
    return Math.min(base * 2 ** (attempts - 1), MAX_RETRY_SECONDS) * 1000;
  }

  private async store(repo: AlertRepository, rule: AlertRuleRow, matches: readonly AlertMatch[], status: 'pending' | 'baseline'): Promise<number> {
    if (matches.length === 0) return 0;
    const summary = ruleSummaryOf(rule);
    const createdAt = this.ctx.now().toISOString();
    const rows: NewAlertDelivery[] = matches.map((match) => {
      const id = randomUUID();
      return {
        id,
        rule_id: rule.id,
        subject_key: match.subjectKey,
        payload: JSON.stringify(buildAlertPayload(summary, match, { deliveryId: id, createdAt })),
        status,
        attempts: 0,
        next_attempt_at: status === 'pending' ? this.ctx.now().getTime() : null,
        last_error: null,
        created_at: createdAt,
        sent_at: null,
      };
    });
    return (await repo.insertDeliveries(rows)).length;
  }

  private async schedule(at: Date | undefined): Promise<void> {
    if (this.options.scheduleDelivery === undefined) return;
    try {
      await this.options.scheduleDelivery(at);
    } catch (error) {
      this.ctx.logger.error({ err: error }, 'could not queue the alert delivery job; `pactwatch alerts run` sends what is due');
    }
  }

  private async rule(id: string): Promise<AlertRuleRow> {
    const row = await this.repo.getRule(id);
    if (row === undefined) throw this.notFound(id);
    return row;
  }

  private notFound(id: string): PactwatchError {
    return new PactwatchError('NOT_FOUND', `no alert rule "${id}"; list them with \`pactwatch alerts list\``);
  }
}
