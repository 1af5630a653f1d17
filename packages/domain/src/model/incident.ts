import { z } from 'zod';
import { isValidEdtf } from '../dates/uncertain-date.js';
import { confidenceSchema, disputeSchema, edtfSchema, provenanceSchema, slugSchema, sourceSchema, stateCodeSchema } from './common-schemas.js';
import { ACTIVITY_TYPES, ACTOR_RELATIONS, ATTRIBUTION_BASES, INCIDENT_MEANS, TARGET_CATEGORIES } from './taxonomy.js';

/**
 * An activity type the incident shows. `possible` records an activity that is suspected but not
 * shown (e.g. intrusions into companies whose commercial purpose is not established): the engine
 * reads it as "unknown", never as true.
 */
export const incidentActivitySchema = z
  .object({
    type: z.enum(ACTIVITY_TYPES.ids),
    certainty: z.enum(['confirmed', 'possible']).default('confirmed'),
  })
  .strict();
export type IncidentActivity = z.infer<typeof incidentActivitySchema>;

export const attributionSchema = z
  .object({
    sponsor: stateCodeSchema,
    /** Id of a known actor (actors.yaml / imports), when the named actor is catalogued. */
    actor: slugSchema.optional(),
    /** The actor's name as the source gives it. */
    actorName: z.string().min(1).max(300).optional(),
    relation: z.enum(ACTOR_RELATIONS.ids).default('unknown'),
    confidence: confidenceSchema,
    basis: z.enum(ATTRIBUTION_BASES.ids),
    /** Who made the attribution ("FBI", "Proofpoint", "unnamed US officials via Reuters"). */
    attributedBy: z.string().min(1).max(300),
    sources: z.array(sourceSchema).default([]),
  })
  .strict();
export type Attribution = z.infer<typeof attributionSchema>;

export const victimSchema = z
  .object({
    state: stateCodeSchema,
    category: z.enum(TARGET_CATEGORIES.ids).optional(),
    sector: z.string().min(1).max(200).optional(),
    entity: z.string().min(1).max(300).optional(),
  })
  .strict();
export type Victim = z.infer<typeof victimSchema>;

/** An EDTF date, or ".." for an open end (EDTF's own word for it: "2015-06/.."). */
const periodEndSchema = z
  .union([z.string().max(64), z.number().int().min(1000).max(2999)])
  .transform((value) => String(value))
  .refine((value) => value === '..' || isValidEdtf(value), { message: 'is not a valid EDTF (ISO 8601-2) date, e.g. "2016-07", or ".." for still ongoing' });

export const periodSchema = z
  .object({
    start: edtfSchema,
    /** Omitted: a single event at `start`. "..": still ongoing / open end. */
    end: periodEndSchema.optional(),
  })
  .strict();
export type Period = z.infer<typeof periodSchema>;

export const incidentSchema = z
  .object({
    id: slugSchema,
    title: z.string().min(1).max(300),
    /** In our own words, never copied from a source. */
    summary: z.string().min(1).max(4000),
    period: periodSchema,
    disclosed: edtfSchema.optional(),
    activities: z.array(incidentActivitySchema).default([]),
    means: z.array(z.enum(INCIDENT_MEANS.ids)).default([]),
    attributions: z.array(attributionSchema).min(1),
    victims: z.array(victimSchema).min(1),
    sources: z.array(sourceSchema).min(1),
    provenance: provenanceSchema,
    disputes: z.array(disputeSchema).default([]),
  })
  .strict();
export type IncidentInput = z.infer<typeof incidentSchema>;
export type Incident = IncidentInput;
