import { z } from 'zod';
import { confidenceSchema, disputeSchema, edtfSchema, provenanceSchema, slugSchema, sourceSchema, stateCodeSchema } from './common-schemas.js';
import { CONTEXT_EVENT_KINDS } from './taxonomy.js';

/** Things that may explain trends without being incidents: indictments, sanctions, dialogue rounds. */
export const contextEventSchema = z
  .object({
    id: slugSchema,
    kind: z.enum(CONTEXT_EVENT_KINDS.ids),
    title: z.string().min(1).max(300),
    date: edtfSchema,
    states: z.array(stateCodeSchema).min(1),
    /** Agreements this event belongs to (a dialogue round of a mechanism, a follow-up summit). */
    agreements: z.array(slugSchema).default([]),
    /** Full commitment ids (`agreement/commitment`) this event shows being kept. */
    commitments: z.array(z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/)).default([]),
    summary: z.string().min(1).max(4000),
    sources: z.array(sourceSchema).min(1),
    provenance: provenanceSchema,
    disputes: z.array(disputeSchema).default([]),
  })
  .strict();
export type ContextEvent = z.infer<typeof contextEventSchema>;

export const membershipSchema = z
  .object({
    state: stateCodeSchema,
    from: edtfSchema.optional(),
    to: edtfSchema.optional(),
  })
  .strict();
export type Membership = z.infer<typeof membershipSchema>;

/** A multilateral body whose membership changes over time (G20, SCO, UN). */
export const groupSchema = z
  .object({
    id: slugSchema,
    name: z.string().min(1).max(300),
    /** Membership before this date is not recorded; it is unknown, not empty. */
    recordedFrom: edtfSchema.optional(),
    members: z.array(membershipSchema).min(1),
    /** EU-style members that are not states (e.g. the European Union in the G20). */
    note: z.string().max(2000).optional(),
    sources: z.array(sourceSchema).min(1),
  })
  .strict();
export type Group = z.infer<typeof groupSchema>;

/** A threat actor with aliases; filled by hand and later by MISP / ATT&CK imports. */
export const actorSchema = z
  .object({
    id: slugSchema,
    name: z.string().min(1).max(200),
    aliases: z.array(z.string().min(1).max(200)).default([]),
    sponsor: stateCodeSchema.optional(),
    sponsorConfidence: confidenceSchema.optional(),
    description: z.string().max(4000).optional(),
    sources: z.array(sourceSchema).default([]),
  })
  .strict();
export type Actor = z.infer<typeof actorSchema>;
