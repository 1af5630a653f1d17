import { describeAlertRule, type AlertRuleDefinition } from './alert-rule.js';
import type { AlertMatch } from './alert-match.js';

/** Version of the payload's shape; receivers should check it. */
export const ALERT_PAYLOAD_SCHEMA = 'pactwatch.alert/1';

export const ALERT_CHANNELS = ['webhook', 'email'] as const;
export type AlertChannel = (typeof ALERT_CHANNELS)[number];

/** What a rule looks like to a receiver (never its secret). */
export interface AlertRuleSummary {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly definition: AlertRuleDefinition;
}

/** The JSON a webhook receives and an e-mail renders: the public alert contract. */
export interface AlertPayload {
  readonly schema: typeof ALERT_PAYLOAD_SCHEMA;
  /** True for `pactwatch alerts test`: nothing happened, the channel is being checked. */
  readonly test: boolean;
  readonly deliveryId: string;
  readonly createdAt: string;
  readonly rule: AlertRuleSummary;
  /** Stable key of what matched: the same subject never alerts twice for a rule. */
  readonly subject: string;
  readonly match: Pick<AlertMatch, 'kind' | 'summary' | 'reason' | 'verdict' | 'changepoint'>;
  readonly links: AlertMatch['links'];
  readonly evidence: AlertMatch['evidence'];
}

export function alertRuleSummary(rule: { readonly id: string; readonly name: string; readonly definition: AlertRuleDefinition }): AlertRuleSummary {
  return { id: rule.id, name: rule.name, description: describeAlertRule(rule.definition), definition: rule.definition };
}

export function buildAlertPayload(rule: AlertRuleSummary, match: AlertMatch, meta: { readonly deliveryId: string; readonly createdAt: string; readonly test?: boolean }): AlertPayload {
  return {
    schema: ALERT_PAYLOAD_SCHEMA,
    test: meta.test === true,
    deliveryId: meta.deliveryId,
    createdAt: meta.createdAt,
    rule,
    subject: match.subjectKey,
    match: { kind: match.kind, summary: match.summary, reason: match.reason, verdict: match.verdict, changepoint: match.changepoint },
    links: match.links,
    evidence: match.evidence,
  };
}

/** The match a test delivery carries: clearly not an event, so no receiver acts on it. */
export function testAlertMatch(rule: AlertRuleSummary, at: string): AlertMatch {
  return {
    kind: rule.definition.kind,
    subjectKey: `test:${at}`,
    summary: `TEST alert for rule "${rule.name}": nothing happened, this checks the channel`,
    reason: `sent by \`pactwatch alerts test\`; the rule watches for ${rule.description}`,
    links: {},
    verdict: null,
    evidence: null,
    changepoint: null,
  };
}

/** The e-mail form of a payload: a subject line and a plain-text body. */
export function alertEmailText(payload: AlertPayload): { readonly subject: string; readonly text: string } {
  const prefix = payload.test ? '[pactwatch TEST]' : '[pactwatch]';
  const lines = [
    payload.test ? 'THIS IS A TEST ALERT: nothing happened; it checks that alerts reach you.' : `Alert from rule "${payload.rule.name}".`,
    '',
    `What: ${payload.match.summary}`,
    `Why: ${payload.match.reason}`,
    `Rule: ${payload.rule.name} (${payload.rule.id}): ${payload.rule.description}`,
    `Subject: ${payload.subject}`,
  ];
  const links = Object.entries(payload.links).map(([k, v]) => `${k}=${String(v)}`);
  if (links.length > 0) lines.push(`Records: ${links.join(', ')}`);
  const evidence = payload.evidence;
  if (evidence !== null) {
    lines.push(`Evidence: attributed to ${evidence.sponsor} by ${evidence.attributedBy}, basis ${evidence.basis}, confidence ${evidence.confidence}${evidence.actor === null ? '' : `, actor ${evidence.actor}`}`);
    for (const source of evidence.sources) lines.push(`  source: ${source.publisher}, "${source.title}"${source.url === undefined ? '' : ` <${source.url}>`}`);
  }
  lines.push('', `Delivery ${payload.deliveryId} at ${payload.createdAt}.`, '');
  return { subject: `${prefix} ${payload.rule.name}: ${payload.match.summary}`.slice(0, 200), text: lines.join('\n') };
}
