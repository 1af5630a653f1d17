import type { AddedAlertRule, AlertRuleInfo, AlertRunReport, AlertTestResult } from '@pactwatch/backend';
import type { Colors } from './output.js';
import { renderTable } from './table.js';

function countsText(rule: AlertRuleInfo): string {
  const d = rule.deliveries;
  const parts = [`${d.sent} sent`, `${d.pending + d.failed} waiting`];
  if (d.dead > 0) parts.push(`${d.dead} dead`);
  return parts.join(', ');
}

/** Rules with their channel and delivery counts; whether a secret is set, never the secret. */
export function alertRulesText(rules: readonly AlertRuleInfo[], width: number): string {
  if (rules.length === 0) return 'No alert rules. Add one with `pactwatch alerts add`.\n';
  return renderTable(
    rules,
    [
      { header: 'id', value: (r) => r.id },
      { header: 'name', value: (r) => r.name },
      { header: 'state', value: (r) => (r.enabled ? 'enabled' : 'disabled') },
      { header: 'channel', value: (r) => (r.channel === 'webhook' ? `webhook (secret ${r.secretSet ? 'set' : 'missing'})` : 'email') },
      { header: 'target', value: (r) => r.target },
      { header: 'deliveries', value: countsText },
      { header: 'watches', value: (r) => r.description, wrap: true },
    ],
    width,
  );
}

export function addedAlertText(added: AddedAlertRule, colors: Colors): string {
  const { rule } = added;
  const lines = [`Added alert rule ${rule.id} "${rule.name}": ${rule.description}, by ${rule.channel} to ${rule.target}.`];
  lines.push(
    added.existingStatus === 'baseline'
      ? `${added.existing} existing match(es) recorded as the baseline: only new ones will alert.`
      : `${added.existing} existing match(es) queued for delivery.`,
  );
  if (added.generatedSecret !== null) lines.push('', `Webhook secret (shown once; receivers verify X-Pactwatch-Signature with it):`, '', `  ${colors.bold(added.generatedSecret)}`, '');
  return `${lines.join('\n')}\n`;
}

export function alertTestText(result: AlertTestResult, colors: Colors): string {
  const outcome = result.ok ? colors.green('delivered') : colors.red('FAILED');
  return `Test alert for rule ${result.ruleId} by ${result.channel} to ${result.target}: ${outcome} (${result.detail}). Delivery id ${result.deliveryId}.\n`;
}

export function alertRunText(report: AlertRunReport): string {
  const { scan, delivery } = report;
  const notes = scan.byRule.filter((r) => r.note !== null).map((r) => `  ${r.ruleId}: ${r.note ?? ''}`);
  return [
    `Scanned ${scan.rules} rule(s): ${scan.newMatches} new match(es).`,
    ...notes,
    `Delivered: ${delivery.sent} sent, ${delivery.retrying} to retry, ${delivery.dead} dead (${delivery.attempted} attempt(s)).`,
    '',
  ].join('\n');
}
