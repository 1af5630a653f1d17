import { alertRuleDefinitionSchema, alertRuleSummary, describeAlertRule, PactwatchError, type AlertChannel, type AlertRuleDefinition, type AlertRuleSummary } from '@pactwatch/domain';
import type { AlertDeliveryRow, AlertRuleRow, DeliveryCounts } from './alert-repository.js';
import type { AlertDeliveryInfo, AlertRuleInfo } from './alert-types.js';

const NO_COUNTS: DeliveryCounts = { pending: 0, sent: 0, failed: 0, dead: 0, baseline: 0 };
const EMAIL_PATTERN = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$|^[^\s@<>,;]+@localhost$/;

function validationError(field: string, reason: string): PactwatchError {
  return new PactwatchError('VALIDATION_FAILED', `alert rule ${field}: ${reason}`);
}

/** The rule definition as given (CLI, API), checked against the domain schema; issues name their path. */
export function parseDefinition(definition: unknown): AlertRuleDefinition {
  const parsed = alertRuleDefinitionSchema.safeParse(definition);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.length === 0 ? 'definition' : i.path.map(String).join('.')} ${i.message}`);
  throw validationError('definition', issues.join('; '));
}

export function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 200) throw validationError('name', 'must be 1 to 200 characters');
  return trimmed;
}

export function checkTarget(channel: AlertChannel, target: string): void {
  if (channel === 'email') {
    if (!EMAIL_PATTERN.test(target)) throw validationError('e-mail address', `"${target}" is not an e-mail address`);
    return;
  }
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw validationError('webhook URL', `"${target}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw validationError('webhook URL', `must be http:// or https://, got "${url.protocol}"`);
  // fetch refuses such URLs anyway, and its error would print the password into logs; the
  // message here does not repeat the URL. Deliveries are authenticated by the HMAC secret.
  if (url.username !== '' || url.password !== '') throw validationError('webhook URL', 'must not carry a user name or password (user:pass@); the receiver checks the X-Pactwatch-Signature instead');
}

export function checkSecret(channel: AlertChannel, secret: string | undefined): void {
  if (secret === undefined) return;
  if (channel === 'email') throw validationError('secret', 'only webhook rules are signed; an e-mail rule takes no secret');
  if (secret.length < 16) throw validationError('secret', 'must be at least 16 characters');
}

/** Our own repository wrote this JSON after validating it. */
export function readDefinition(row: Pick<AlertRuleRow, 'definition'>): AlertRuleDefinition {
  return JSON.parse(row.definition) as AlertRuleDefinition;
}

export function ruleSummaryOf(row: AlertRuleRow): AlertRuleSummary {
  return alertRuleSummary({ id: row.id, name: row.name, definition: readDefinition(row) });
}

export function channelOf(row: Pick<AlertRuleRow, 'channel'>): AlertChannel {
  return row.channel === 'email' ? 'email' : 'webhook';
}

export function toRuleInfo(row: AlertRuleRow, counts: DeliveryCounts | undefined): AlertRuleInfo {
  const definition = readDefinition(row);
  return {
    id: row.id,
    name: row.name,
    description: describeAlertRule(definition),
    definition,
    channel: channelOf(row),
    target: row.target,
    secretSet: row.webhook_secret !== null,
    enabled: row.enabled === 1,
    createdBy: row.created_by,
    createdAt: row.created_at,
    deliveries: counts ?? NO_COUNTS,
  };
}

export function toDeliveryInfo(row: AlertDeliveryRow): AlertDeliveryInfo {
  return {
    id: row.id,
    ruleId: row.rule_id,
    subject: row.subject_key,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at === null ? null : new Date(row.next_attempt_at).toISOString(),
    lastError: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}
