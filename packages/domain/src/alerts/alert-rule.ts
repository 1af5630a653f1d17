import { z } from 'zod';
import { VERDICTS, type Verdict } from '../compliance/types.js';
import { confidenceSchema, slugSchema, stateCodeSchema } from '../model/common-schemas.js';

/** The kinds of event a rule can watch, as data with a readable description each. */
export const ALERT_RULE_KINDS = [
  { id: 'finding', description: 'a computed verdict (by default breach or possible breach) of an agreement or commitment' },
  { id: 'incident', description: 'an incident attributed to a sponsor state (optionally against one victim, above a confidence)' },
  { id: 'changepoint', description: 'a changepoint in the yearly incident series of one sponsor → victim dyad' },
] as const;
export type AlertRuleKind = (typeof ALERT_RULE_KINDS)[number]['id'];
export const ALERT_RULE_KIND_IDS: readonly AlertRuleKind[] = ALERT_RULE_KINDS.map((k) => k.id);

/** A breach or possible breach is what people usually want to hear about; outside-scope is noise. */
export const DEFAULT_ALERT_VERDICTS: readonly Verdict[] = ['breach', 'possible-breach'];

/** Stored commitment ids are qualified by their agreement: `us-cn-2015/no-ip-theft`. */
const commitmentRefSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a commitment id as findings show it: "<agreement>/<commitment>"')
  .max(161);

export const findingAlertRuleSchema = z
  .object({
    kind: z.literal('finding'),
    agreementId: slugSchema.optional(),
    commitmentId: commitmentRefSchema.optional(),
    verdicts: z
      .array(z.enum(VERDICTS))
      .min(1)
      .default([...DEFAULT_ALERT_VERDICTS])
      .refine((v) => new Set(v).size === v.length, { message: 'lists a verdict twice' }),
  })
  .strict();

export const incidentAlertRuleSchema = z
  .object({
    kind: z.literal('incident'),
    sponsor: stateCodeSchema,
    victim: stateCodeSchema.optional(),
    minConfidence: confidenceSchema.optional(),
  })
  .strict();

export const changepointAlertRuleSchema = z
  .object({
    kind: z.literal('changepoint'),
    sponsor: stateCodeSchema,
    victim: stateCodeSchema,
  })
  .strict();

/** An alert rule's definition, stored as JSON in `alert_rule.definition`. */
export const alertRuleDefinitionSchema = z.discriminatedUnion('kind', [findingAlertRuleSchema, incidentAlertRuleSchema, changepointAlertRuleSchema]);
export type AlertRuleDefinition = z.infer<typeof alertRuleDefinitionSchema>;
export type FindingAlertRule = z.infer<typeof findingAlertRuleSchema>;
export type IncidentAlertRule = z.infer<typeof incidentAlertRuleSchema>;
export type ChangepointAlertRule = z.infer<typeof changepointAlertRuleSchema>;

const VERDICT_WORDS: Readonly<Record<Verdict, string>> = {
  breach: 'breach',
  'possible-breach': 'possible breach',
  'outside-scope': 'outside scope',
  'before-in-force': 'before in force',
};

function orList(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1] ?? ''}`;
}

/** The rule in one plain sentence, for lists, e-mails and payloads. */
export function describeAlertRule(rule: AlertRuleDefinition): string {
  switch (rule.kind) {
    case 'finding': {
      const verdicts = orList(rule.verdicts.map((v) => VERDICT_WORDS[v]));
      const scope =
        rule.commitmentId !== undefined
          ? ` of commitment ${rule.commitmentId}${rule.agreementId === undefined ? '' : ` (agreement ${rule.agreementId})`}`
          : rule.agreementId !== undefined
            ? ` of agreement ${rule.agreementId}`
            : ' of any agreement';
      return `any new ${verdicts}${scope}`;
    }
    case 'incident':
      return `any new incident attributed to ${rule.sponsor}${rule.victim === undefined ? '' : ` against ${rule.victim}`}${rule.minConfidence === undefined ? '' : ` with confidence ≥ ${rule.minConfidence}`}`;
    case 'changepoint':
      return `a changepoint detected in the yearly incident series of dyad ${rule.sponsor}→${rule.victim}`;
  }
}
