import { z } from 'zod';

/**
 * API contracts (request and response shapes), declared once with zod: the same objects validate
 * requests, type the handlers and generate /openapi.json. Domain schemas are reused for records
 * (incidents, agreements) so the API accepts exactly what the curated dataset accepts.
 */

/** RFC 9457 problem details, with pactwatch's stable error code and located problems. */
export const problemSchema = z
  .object({
    type: z.string().describe('A URI naming the error code (see docs/ERRORS.md)'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    code: z.string().describe('Stable error code from docs/ERRORS.md'),
    requestId: z.string().optional(),
    problems: z.array(z.object({ file: z.string().optional(), path: z.string().optional(), line: z.number().int().optional(), reason: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });

export const errorResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  422: problemSchema,
  429: problemSchema,
} as const;

export const writeErrorResponses = {
  ...errorResponses,
  409: problemSchema,
  412: problemSchema,
  428: problemSchema,
} as const;

export const limitSchema = z.coerce.number().int().min(1).max(500).default(50).describe('Items per page (1–500)');
export const cursorSchema = z.string().max(2000).optional().describe('Opaque cursor from the previous page\'s nextCursor');

export function pageSchema<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({
      items: z.array(item).readonly(),
      nextCursor: z.string().nullable().describe('Pass as ?cursor= for the next page; null on the last page'),
    })
    .meta({ id });
}

export const idParamsSchema = z.object({ id: z.string().min(1).max(200) }).strict();

export const stateCodeQuery = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'an ISO 3166-1 alpha-2 code')
  .transform((s) => s.toUpperCase());

export const edtfQuery = z.string().min(4).max(100).describe('EDTF date, e.g. 2015, 2015-09, 2015-09-25');

/** A sponsor → victim pair as SPONSOR-VICTIM, e.g. CN-US (upper-cased). */
export const dyadSchema = z
  .string()
  .regex(/^[A-Za-z]{2}-[A-Za-z]{2}$/, 'SPONSOR-VICTIM, e.g. CN-US')
  .transform((s) => s.toUpperCase().split('-') as [string, string]);
