import { createHash } from 'node:crypto';
import { USER_ORIGIN } from '@pactwatch/backend';
import { PactwatchError } from '@pactwatch/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Strong ETag of a stored record: its content hash, quoted. */
export function recordEtag(version: string): string {
  return `"${version}"`;
}

/** Strong ETag of a serialized body (lists, aggregates). */
export function bodyEtag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

function listed(header: string | undefined): string[] {
  if (header === undefined) return [];
  return header.split(',').map((t) => t.trim().replace(/^W\//, '')).filter((t) => t !== '');
}

/** True when If-None-Match names this ETag (or `*`): the caller's copy is current. */
export function notModified(request: FastifyRequest, etag: string): boolean {
  const tags = listed(request.headers['if-none-match']);
  return tags.includes('*') || tags.includes(etag);
}

/** Sends a JSON body with its ETag, or 304 when the caller already has it. */
export function sendJson(request: FastifyRequest, reply: FastifyReply, body: string, etag: string = bodyEtag(body)): FastifyReply {
  reply.header('etag', etag).header('cache-control', 'private, no-cache');
  if (notModified(request, etag)) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(body);
}

/**
 * The version an update or delete was based on, from If-Match. Required: without it two analysts
 * could overwrite each other silently. `*` is refused for the same reason.
 */
export function ifMatchVersion(request: FastifyRequest): string {
  const header = request.headers['if-match'];
  if (header === undefined || header.trim() === '') {
    throw new PactwatchError('PRECONDITION_REQUIRED', 'send If-Match with the ETag you read, so your change cannot overwrite someone else\'s silently');
  }
  const tags = listed(header);
  if (tags.length !== 1 || tags[0] === '*') throw new PactwatchError('PRECONDITION_REQUIRED', 'If-Match must be exactly one ETag as returned by a read');
  return (tags[0] ?? '').replace(/^"|"$/g, '');
}

/** Tells clients whether a record is editable here without a failed write: curated, imported or user. */
export const RECORD_ORIGIN_HEADER = 'x-record-origin';

/** The store's origin of a record (`dataset`, `user`, or an import's dataset) as the header states it. */
export function recordOriginLabel(origin: string): 'curated' | 'imported' | 'user' {
  return origin === 'dataset' ? 'curated' : origin === USER_ORIGIN ? 'user' : 'imported';
}
