/** An alert rule (migration 0010): what to watch (`definition`) and where to send it. */
export interface AlertRuleTable {
  id: string;
  name: string;
  /** JSON text of an AlertRuleDefinition (domain alerts/alert-rule.ts), validated on the way in. */
  definition: string;
  /** webhook | email */
  channel: string;
  /** The webhook URL or the e-mail address. */
  target: string;
  /** HMAC key of a webhook rule; null for e-mail. Never logged, never listed. */
  webhook_secret: string | null;
  /** 0/1 */
  enabled: number;
  created_by: string;
  created_at: string;
}
