import { z } from 'zod';
import { isStateCode } from '../countries/country-registry.js';
import { isValidEdtf } from '../dates/uncertain-date.js';
import { SOURCE_QUOTE_STATUSES } from './taxonomy.js';
import { SEED_ARTICLE_IDS } from './seed-articles.js';

/** Record ids are slugs so they read well in URLs, file names and CLI arguments. */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug (letters, digits, single hyphens)')
  .max(80);

/** ISO 3166-1 alpha-2 code, checked against the registry. */
export const stateCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "CN"')
  .refine(isStateCode, { message: 'is not an ISO 3166-1 alpha-2 code known to pactwatch' });

/**
 * EDTF string. YAML reads a bare year (2015) as a number, so integers are accepted and kept as
 * their decimal string; anything else must parse with the `edtf` package.
 */
export const edtfSchema = z
  .union([z.string().max(64), z.number().int().min(1000).max(2999)])
  .transform((value) => String(value))
  .refine(isValidEdtf, { message: 'is not a valid EDTF (ISO 8601-2) date, e.g. "2015-09", "2016-01/2016-07", "2015~"' });

export const confidenceSchema = z.number().int().min(0).max(100);

export const sourceSchema = z
  .object({
    publisher: z.string().min(1).max(300),
    title: z.string().min(1).max(500),
    date: edtfSchema.optional(),
    url: z.string().url().max(2000).optional(),
    quote: z.string().min(1).max(2000).optional(),
    quoteStatus: z.enum(SOURCE_QUOTE_STATUSES.ids).optional(),
    note: z.string().max(2000).optional(),
  })
  .strict();
export type Source = z.infer<typeof sourceSchema>;

export const provenanceSchema = z.discriminatedUnion('origin', [
  z
    .object({
      origin: z.literal('seed-article'),
      seeds: z.array(z.enum(SEED_ARTICLE_IDS)).min(1),
      note: z.string().max(2000).optional(),
    })
    .strict(),
  z
    .object({
      origin: z.literal('added'),
      note: z.string().min(1).max(2000),
    })
    .strict(),
  z
    .object({
      origin: z.literal('imported'),
      /** Source dataset ("dcid", "cfr", "eurepoc", "misp-galaxy:threat-actor", "stix:<bundle id>"). */
      dataset: z.string().min(1).max(200),
      /** The record's id in the source (row number, UUID, STIX id). */
      recordId: z.string().min(1).max(500),
      version: z.string().max(200).optional(),
      /** SHA-256 of the imported file. */
      fileHash: z.string().regex(/^[0-9a-f]{64}$/),
      file: z.string().max(1000).optional(),
    })
    .strict(),
]);
export type Provenance = z.infer<typeof provenanceSchema>;

/** Where sources or the two seed articles disagree, the record keeps every value and says so. */
export const disputeSchema = z
  .object({
    field: z.string().min(1).max(200),
    note: z.string().min(1).max(2000),
    values: z.array(z.string().max(500)).optional(),
    status: z.enum(['disagree', 'unconfirmed', 'secondary-only']),
  })
  .strict();
export type Dispute = z.infer<typeof disputeSchema>;
