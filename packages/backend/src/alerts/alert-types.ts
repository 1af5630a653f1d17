import type { AlertChannel, AlertRuleDefinition } from '@pactwatch/domain';
import type { DeliveryCounts } from './alert-repository.js';

/** A rule as lists show it: whether a secret is set, never the secret. */
export interface AlertRuleInfo {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly definition: AlertRuleDefinition;
  readonly channel: AlertChannel;
  readonly target: string;
  readonly secretSet: boolean;
  readonly enabled: boolean;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly deliveries: DeliveryCounts;
}

export interface AddAlertRuleRequest {
  readonly name: string;
  /** Validated against the domain's alertRuleDefinitionSchema. */
  readonly definition: unknown;
  readonly channel: AlertChannel;
  /** The webhook URL (http/https) or the e-mail address. */
  readonly target: string;
  /** Webhook HMAC key; generated (and returned once) when absent. */
  readonly secret?: string | undefined;
  /** Alert on matches that already exist too; by default they are recorded as the baseline and never sent. */
  readonly includeExisting?: boolean | undefined;
  readonly createdBy?: string | undefined;
}

export interface AddedAlertRule {
  readonly rule: AlertRuleInfo;
  /** The generated webhook secret, shown this once; null when the caller gave one or for e-mail. */
  readonly generatedSecret: string | null;
  /** Matches that existed when the rule was added: `baseline` (not sent) or `pending` with includeExisting. */
  readonly existing: number;
  readonly existingStatus: 'baseline' | 'pending';
}

export interface AlertScanReport {
  readonly rules: number;
  /** New matches stored as pending deliveries. */
  readonly newMatches: number;
  readonly byRule: ReadonlyArray<{ readonly ruleId: string; readonly newMatches: number; readonly note: string | null }>;
}

export interface AlertDeliveryReport {
  /** Attempts made in this run. */
  readonly attempted: number;
  readonly sent: number;
  /** Failed attempts that will be retried. */
  readonly retrying: number;
  /** Deliveries that used their last attempt and gave up. */
  readonly dead: number;
}

export interface AlertRunReport {
  readonly scan: AlertScanReport;
  readonly delivery: AlertDeliveryReport;
}

export interface AlertTestResult {
  readonly ruleId: string;
  readonly channel: AlertChannel;
  readonly target: string;
  readonly deliveryId: string;
  readonly ok: boolean;
  /** The receiver's answer, or why it failed. */
  readonly detail: string;
}

/** A stored delivery as tests and diagnostics read it. */
export interface AlertDeliveryInfo {
  readonly id: string;
  readonly ruleId: string;
  readonly subject: string;
  readonly status: string;
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly sentAt: string | null;
}
