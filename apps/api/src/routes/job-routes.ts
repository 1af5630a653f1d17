import multipart from '@fastify/multipart';
import { JOB_STATES } from '@pactwatch/backend';
import { isPactwatchError, PactwatchError } from '@pactwatch/domain';
import { z } from 'zod';
import { errorResponses, writeErrorResponses } from '../contracts/common.js';
import { auditContext, principalOf } from '../http/edit-context.js';
import { API_PREFIX, type Api, type RouteDeps } from '../route-deps.js';

const jobResponse = z
  .object({
    id: z.string(),
    name: z.string(),
    state: z.enum(JOB_STATES),
    payload: z.record(z.string(), z.unknown()),
    result: z.unknown().describe('For imports: the reconciliation report (read = stored + updated + unchanged + quarantined + drafted + alreadyDrafted)'),
    error: z.object({ message: z.string(), code: z.string() }).nullable(),
    attempts: z.number().int(),
    retryLimit: z.number().int(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    startAfter: z.string(),
    createdBy: z.string(),
  })
  .meta({ id: 'Job' });

const jobPage = z.object({ items: z.array(jobResponse).readonly(), nextCursor: z.string().nullable() }).meta({ id: 'JobPage' });
const listQuery = z.object({ state: z.enum(JOB_STATES).optional(), name: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(200).default(50), cursor: z.string().max(500).optional() }).strict();
const jobParams = z.object({ id: z.string().min(1).max(100) }).strict();

const IMPORT_FIELDS = new Set(['format', 'mapping', 'dataset', 'dryRun', 'asDrafts', 'mappingText']);
const BOOLEAN_FIELDS = ['dryRun', 'asDrafts'] as const;

/** Background jobs (imports, re-evaluation, statistics refresh): status, retries and the dead-letter list. */
export async function registerJobRoutes(app: Api, { core }: RouteDeps): Promise<void> {
  await app.register(multipart, { limits: { fileSize: core.config.server.maxUploadMb * 1024 * 1024, files: 1, fields: 10, fieldSize: 1024 * 1024, parts: 12 } });

  app.post(
    `${API_PREFIX}/imports`,
    {
      config: { access: 'admin' },
      schema: {
        tags: ['data'],
        summary: 'Upload a file to import (admin): multipart/form-data with `file` and `format` (stix, misp-galaxy, csv, xlsx, json), optional `mapping` (cfr, eurepoc, dcid), `mappingText` (a mapping YAML), `dataset`, `dryRun`, `asDrafts` (propose the incidents to the review queue instead of storing them). Runs as a job: 202 with the job to poll.',
        consumes: ['multipart/form-data'],
        response: { 202: jobResponse, ...writeErrorResponses, 413: errorResponses[400] },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new PactwatchError('USAGE', 'send the file as multipart/form-data with fields file and format');
      const fields: Record<string, string> = {};
      let file: { name: string; content: Buffer } | undefined;
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            if (part.fieldname !== 'file') throw new PactwatchError('USAGE', `unexpected file field "${part.fieldname}"; send the file as "file"`);
            const content = await part.toBuffer();
            if (part.file.truncated) throw new PactwatchError('PAYLOAD_TOO_LARGE', `the file is larger than ${core.config.server.maxUploadMb} MiB (PACTWATCH_MAX_UPLOAD_MB)`);
            file = { name: part.filename, content };
          } else {
            if (!IMPORT_FIELDS.has(part.fieldname)) throw new PactwatchError('USAGE', `unknown field "${part.fieldname}"; allowed: file, ${[...IMPORT_FIELDS].join(', ')}`);
            fields[part.fieldname] = String(part.value);
          }
        }
      } catch (error) {
        // busboy rejects a malformed body (bad boundary, unterminated part) with a plain Error: the
        // client's mistake, not a server fault. Coded errors and Fastify's limits keep their codes.
        if (isPactwatchError(error) || (error instanceof Error && 'code' in error && String(error.code).startsWith('FST_'))) throw error;
        throw new PactwatchError('USAGE', `the multipart body is malformed: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (file === undefined) throw new PactwatchError('USAGE', 'no file: send it in the multipart field "file"');
      const format = fields['format'];
      if (format === undefined || format === '') throw new PactwatchError('USAGE', 'the field "format" is required (stix, misp-galaxy, csv, xlsx, json)');
      for (const name of BOOLEAN_FIELDS) if (fields[name] !== undefined && !['true', 'false'].includes(fields[name])) throw new PactwatchError('USAGE', `${name} must be true or false`);
      const job = await core.jobs.enqueueImport({
        fileName: file.name,
        content: file.content,
        format,
        principal: principalOf(request),
        ...(fields['mapping'] === undefined ? {} : { mapping: fields['mapping'] }),
        ...(fields['mappingText'] === undefined ? {} : { mappingText: fields['mappingText'] }),
        ...(fields['dataset'] === undefined ? {} : { dataset: fields['dataset'] }),
        ...(fields['dryRun'] === undefined ? {} : { dryRun: fields['dryRun'] === 'true' }),
        ...(fields['asDrafts'] === undefined ? {} : { asDrafts: fields['asDrafts'] === 'true' }),
      });
      return reply.code(202).header('location', `${API_PREFIX}/jobs/${job.id}`).send(job);
    },
  );

  app.post(
    `${API_PREFIX}/evaluations`,
    {
      config: { access: 'admin' },
      schema: { tags: ['data'], summary: 'Queue a re-evaluation of findings (admin); changes queue one automatically', body: z.object({ full: z.boolean().default(false) }).strict().optional(), response: { 202: jobResponse, ...writeErrorResponses } },
    },
    async (request, reply) => {
      const job = await core.jobs.enqueueEvaluation(auditContext(request).principal, 'requested through the API', { full: request.body?.full ?? false });
      return reply.code(202).header('location', `${API_PREFIX}/jobs/${job.id}`).send(job);
    },
  );

  app.post(
    `${API_PREFIX}/statistics/refresh`,
    { config: { access: 'admin' }, schema: { tags: ['statistics'], summary: 'Queue a refresh of every agreement\'s trend statistics (admin)', response: { 202: jobResponse, ...writeErrorResponses } } },
    async (request, reply) => {
      const job = await core.jobs.enqueueStatsRefresh(principalOf(request));
      return reply.code(202).header('location', `${API_PREFIX}/jobs/${job.id}`).send(job);
    },
  );

  app.get(
    `${API_PREFIX}/jobs`,
    { config: { access: 'analyst' }, schema: { tags: ['data'], summary: 'Jobs, newest first (analyst)', querystring: listQuery, response: { 200: jobPage, ...errorResponses } } },
    async (request) => {
      const { state, name, limit, cursor } = request.query;
      const page = await core.jobs.list({ limit, ...(state === undefined ? {} : { state }), ...(name === undefined ? {} : { name }), ...(cursor === undefined ? {} : { cursor }) });
      return { items: page.jobs, nextCursor: page.nextCursor };
    },
  );

  app.get(
    `${API_PREFIX}/jobs/dead`,
    { config: { access: 'analyst' }, schema: { tags: ['data'], summary: 'Dead letters: jobs that failed after all retries (analyst)', querystring: listQuery.omit({ state: true }), response: { 200: jobPage, ...errorResponses } } },
    async (request) => {
      const { name, limit, cursor } = request.query;
      const page = await core.jobs.deadLetters({ limit, ...(name === undefined ? {} : { name }), ...(cursor === undefined ? {} : { cursor }) });
      return { items: page.jobs, nextCursor: page.nextCursor };
    },
  );

  app.get(
    `${API_PREFIX}/jobs/:id`,
    { config: { access: 'analyst' }, schema: { tags: ['data'], summary: 'One job with its status, result or last error (analyst)', params: jobParams, response: { 200: jobResponse, ...errorResponses } } },
    async (request) => core.jobs.get(request.params.id),
  );

  app.post(
    `${API_PREFIX}/jobs/:id/retry`,
    { config: { access: 'admin' }, schema: { tags: ['data'], summary: 'Queue a failed or cancelled job again (admin)', params: jobParams, response: { 200: jobResponse, ...writeErrorResponses } } },
    async (request) => core.jobs.retry(request.params.id),
  );

  app.post(
    `${API_PREFIX}/jobs/:id/cancel`,
    { config: { access: 'admin' }, schema: { tags: ['data'], summary: 'Cancel a job that has not started (admin)', params: jobParams, response: { 200: jobResponse, ...writeErrorResponses } } },
    async (request) => core.jobs.cancel(request.params.id),
  );
}
