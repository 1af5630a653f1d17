import { alertEmailText, type AlertPayload } from '@pactwatch/domain';
import type { AlertsConfig } from '../config/config.js';
import type { AlertRuleRow } from './alert-repository.js';
import { sendEmail } from './email-sender.js';
import { sendWebhook, type SendOutcome } from './webhook-sender.js';

/** Sends one payload over the rule's channel. The body sent is exactly the stored JSON text. */
export async function sendAlert(config: AlertsConfig, rule: AlertRuleRow, deliveryId: string, body: string, now: Date): Promise<SendOutcome> {
  if (rule.channel === 'webhook') {
    if (rule.webhook_secret === null) return { ok: false, error: `webhook rule ${rule.id} has no secret` };
    return sendWebhook({
      url: rule.target,
      secret: rule.webhook_secret,
      deliveryId,
      body,
      timestamp: String(Math.floor(now.getTime() / 1000)),
      timeoutMs: Math.round(config.timeoutSeconds * 1000),
    });
  }
  // Our own repository wrote this JSON from an AlertPayload.
  const message = alertEmailText(JSON.parse(body) as AlertPayload);
  return sendEmail(config, { to: rule.target, ...message });
}
