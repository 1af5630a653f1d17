import { ERROR_CATALOGUE, isPactwatchError, PactwatchError, type ErrorCode, type Problem } from '@pactwatch/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/**
 * Every error leaves as RFC 9457 problem+json carrying the stable code of docs/ERRORS.md; the HTTP
 * status comes from the one catalogue, exactly as the CLI's exit codes do.
 */
export function problemType(code: ErrorCode): string {
  return `https://github.com/pactwatch/pactwatch/blob/main/docs/ERRORS.md#${code.toLowerCase()}`;
}

const TITLES: Partial<Record<ErrorCode, string>> = {
  USAGE: 'Bad request',
  VALIDATION_FAILED: 'Invalid input',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Conflict',
  UNAUTHENTICATED: 'Not signed in',
  FORBIDDEN: 'Forbidden',
  ACCOUNT_LOCKED: 'Account locked',
  ACCOUNT_DISABLED: 'Account disabled',
  PRECONDITION_FAILED: 'Changed since read',
  PRECONDITION_REQUIRED: 'If-Match required',
  PAYLOAD_TOO_LARGE: 'Too large',
  RATE_LIMITED: 'Too many requests',
  INTERNAL: 'Internal error',
};

export function sendProblem(request: FastifyRequest, reply: FastifyReply, code: ErrorCode, detail: string, problems: readonly Problem[] = []): FastifyReply {
  const status = ERROR_CATALOGUE[code].httpStatus;
  return reply
    .code(status)
    .type('application/problem+json; charset=utf-8')
    .send(
      JSON.stringify({
        type: problemType(code),
        title: TITLES[code] ?? code,
        status,
        detail,
        instance: request.url,
        code,
        requestId: request.id,
        ...(problems.length === 0 ? {} : { problems }),
      }),
    );
}

/** Fastify's own errors (parsing, limits, validation) translated to catalogue codes. */
function fromFastify(error: FastifyError, request: FastifyRequest): PactwatchError {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const problems: Problem[] = error.validation.map((v) => ({ path: `${where}${v.instancePath === '' ? '' : v.instancePath}`, reason: v.message ?? 'invalid' }));
    // A malformed body is invalid data (422); a malformed query, path or header is a bad request (400).
    const code: ErrorCode = where === 'body' ? 'VALIDATION_FAILED' : 'USAGE';
    return new PactwatchError(code, `the request ${where} is not valid: ${problems.map((p) => `${p.path}: ${p.reason}`).slice(0, 5).join('; ')}`, { problems });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return new PactwatchError('PAYLOAD_TOO_LARGE', error.message);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new PactwatchError('USAGE', `unsupported content type ${request.headers['content-type'] ?? '(none)'}; send application/json`);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new PactwatchError('USAGE', `the body is not valid JSON: ${error.message}`);
    default:
      break;
  }
  if (error.statusCode === 429) return new PactwatchError('RATE_LIMITED', error.message);
  if (error instanceof SyntaxError || (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500)) {
    return new PactwatchError('USAGE', error.message);
  }
  return new PactwatchError('INTERNAL', 'an unexpected error occurred; it has been logged with the request id', { cause: error });
}

export function registerProblemDetails(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = isPactwatchError(error) ? error : fromFastify(error, request);
    if (problem.httpStatus >= 500) request.log.error({ err: error, code: problem.code }, 'request failed');
    else request.log.info({ code: problem.code, detail: problem.message }, 'request refused');
    if (problem.code === 'RATE_LIMITED') {
      const retry = reply.getHeader('retry-after');
      if (retry !== undefined) reply.header('retry-after', retry);
    }
    return sendProblem(request, reply, problem.code, problem.message, problem.problems);
  });
  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, 'NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0] ?? ''}; see /openapi.json`));
}
