import { agreementSchema, attributionSchema, commitmentSchema, incidentSchema, sourceSchema, VERDICTS, DIMENSIONS } from '@pactwatch/domain';
import { z } from 'zod';

/** Request bodies are the dataset's own record schemas: strict, unknown fields rejected. */
export const incidentBody = incidentSchema.meta({ id: 'IncidentRecord' });
export const agreementBody = agreementSchema.meta({ id: 'AgreementRecord' });
export const attributionBody = attributionSchema.meta({ id: 'Attribution' });
export const sourceBody = sourceSchema.meta({ id: 'Source' });

export const incidentResponse = incidentSchema.meta({ id: 'Incident' });

export const commitmentResponse = commitmentSchema.safeExtend({
  id: z.string().describe('Full commitment id: <agreement>/<local id>'),
  localId: z.string(),
  agreementId: z.string(),
});

export const agreementResponse = agreementSchema.safeExtend({ commitments: z.array(commitmentResponse) }).meta({ id: 'Agreement' });

export const checkSchema = z.object({
  dimension: z.enum(DIMENSIONS),
  value: z.enum(['true', 'false', 'unknown']),
  reason: z.string(),
  facts: z.record(z.string(), z.unknown()),
});

export const overrideSchema = z
  .object({ verdict: z.enum(VERDICTS), note: z.string(), author: z.string(), createdAt: z.string() })
  .meta({ id: 'VerdictOverride' });

export const findingResponse = z
  .object({
    agreement: z.string(),
    commitment: z.string(),
    incident: z.string(),
    verdict: z.enum(VERDICTS),
    rule: z.string().describe('Id of the verdict rule that decided (see the compliance rules)'),
    summary: z.string(),
    sponsor: z.string(),
    victim: z.string(),
    checks: z.array(checkSchema).describe('Every check, always evaluated, with its reason and facts'),
    alternatives: z.array(z.unknown()),
    override: overrideSchema.optional(),
  })
  .meta({ id: 'Finding' });

export const verdictCounts = z.object(Object.fromEntries(VERDICTS.map((v) => [v, z.number().int()])) as Record<(typeof VERDICTS)[number], z.ZodNumber>);

export const scorecardResponse = z
  .object({
    agreementId: z.string(),
    title: z.string(),
    signed: z.string(),
    counts: verdictCounts,
    incidents: z.record(z.string(), z.array(z.string())).optional().describe('The incident ids behind each count; only with ?incidents=true'),
    countsWithOverrides: verdictCounts,
    overrides: z.number().int(),
    commitments: z.array(z.object({ commitmentId: z.string(), title: z.string(), counts: verdictCounts })),
    gaps: z.array(z.object({ dimension: z.enum(DIMENSIONS), count: z.number().int(), incidents: z.array(z.string()).optional().describe('Only with ?incidents=true') })),
    cooperation: z.array(z.unknown()),
  })
  .meta({ id: 'Scorecard' });

export const stateResponse = z
  .object({ code: z.string(), alpha3: z.string(), name: z.string(), aliases: z.array(z.string()), cowCode: z.number().int().optional(), cowAbbr: z.string().optional() })
  .meta({ id: 'State' });

export const looseRecord = z.record(z.string(), z.unknown());

/** A trend report: count series, rate ratio, interrupted time series, changepoints and the plain reading. */
export const trendReportResponse = looseRecord.meta({ id: 'TrendReport' });
