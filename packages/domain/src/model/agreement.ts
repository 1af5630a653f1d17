import { z } from 'zod';
import { disputeSchema, edtfSchema, provenanceSchema, slugSchema, sourceSchema, stateCodeSchema } from './common-schemas.js';
import {
  ACTIVITY_TYPES,
  ACTOR_STANDARDS,
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  COMMITMENT_MEANS,
  CONTEXT_EVENT_KINDS,
  OBLIGATIONS,
  TARGET_CATEGORIES,
} from './taxonomy.js';

export const partySchema = z.union([
  z.object({ state: stateCodeSchema }).strict(),
  z.object({ group: slugSchema }).strict(),
]);
export type Party = z.infer<typeof partySchema>;

/** Mutual: every party bound toward every other. One-sided: only `bound` parties, toward `protected` ones. */
export const directionSchema = z.union([
  z.literal('mutual'),
  z
    .object({
      bound: z.array(stateCodeSchema).min(1),
      protected: z.array(stateCodeSchema).min(1).optional(),
    })
    .strict(),
]);
export type Direction = z.infer<typeof directionSchema>;

export const scopeSchema = z
  .object({
    activities: z.array(z.enum(ACTIVITY_TYPES.ids)).min(1),
    targets: z.array(z.enum(TARGET_CATEGORIES.ids)).min(1),
    means: z.enum(COMMITMENT_MEANS.ids),
    actor: z.enum(ACTOR_STANDARDS.ids),
    direction: directionSchema.default('mutual'),
    /** Why this coding: the analyst's reading of the clause, shown beside the verdicts. */
    rationale: z.string().min(1).max(4000),
  })
  .strict();
export type CommitmentScope = z.infer<typeof scopeSchema>;

/** For non-refrain commitments: what recorded events would show it being kept. */
export const expectationSchema = z
  .object({
    eventKinds: z.array(z.enum(CONTEXT_EVENT_KINDS.ids)).min(1),
    dueBy: edtfSchema.optional(),
    everyMonths: z.number().int().min(1).max(120).optional(),
  })
  .strict();
export type Expectation = z.infer<typeof expectationSchema>;

export const commitmentSchema = z
  .object({
    /** Local id, unique within the agreement; the full id is `agreement-id/local-id`. */
    id: slugSchema,
    title: z.string().min(1).max(300),
    obligation: z.enum(OBLIGATIONS.ids),
    text: z.string().min(1).max(4000),
    source: sourceSchema,
    scope: scopeSchema.optional(),
    expectation: expectationSchema.optional(),
    disputes: z.array(disputeSchema).default([]),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.obligation === 'refrain' && value.scope === undefined) {
      ctx.addIssue({ code: 'custom', path: ['scope'], message: 'a refrain commitment needs a scope to be checked against incidents' });
    }
  });
export type CommitmentInput = z.infer<typeof commitmentSchema>;

export const agreementSchema = z
  .object({
    id: slugSchema,
    title: z.string().min(1).max(500),
    shortTitle: z.string().min(1).max(120).optional(),
    kind: z.enum(AGREEMENT_KINDS.ids),
    parties: z.array(partySchema).min(1),
    signed: edtfSchema,
    inForce: edtfSchema.optional(),
    ended: edtfSchema.optional(),
    status: z.enum(AGREEMENT_STATUSES.ids),
    summary: z.string().min(1).max(4000),
    sources: z.array(sourceSchema).min(1),
    provenance: provenanceSchema,
    disputes: z.array(disputeSchema).default([]),
    commitments: z.array(commitmentSchema).default([]),
  })
  .strict()
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.commitments.forEach((commitment, index) => {
      if (seen.has(commitment.id)) ctx.addIssue({ code: 'custom', path: ['commitments', index, 'id'], message: `duplicate commitment id "${commitment.id}"` });
      seen.add(commitment.id);
    });
    const stateParties = value.parties.filter((p): p is { state: string } => 'state' in p).map((p) => p.state);
    if (new Set(stateParties).size !== stateParties.length) ctx.addIssue({ code: 'custom', path: ['parties'], message: 'a state is listed twice' });
  });
export type AgreementInput = z.infer<typeof agreementSchema>;

/** A commitment as stored and evaluated: its full id and its agreement's id. */
export interface Commitment extends Omit<CommitmentInput, 'id'> {
  readonly id: string;
  readonly localId: string;
  readonly agreementId: string;
}

export interface Agreement extends Omit<AgreementInput, 'commitments'> {
  readonly commitments: readonly Commitment[];
}

export function commitmentFullId(agreementId: string, localId: string): string {
  return `${agreementId}/${localId}`;
}

/** Turns a validated agreement input into the domain object (full commitment ids). */
export function toAgreement(input: AgreementInput): Agreement {
  return {
    ...input,
    commitments: input.commitments.map((c) => ({ ...c, id: commitmentFullId(input.id, c.id), localId: c.id, agreementId: input.id })),
  };
}
