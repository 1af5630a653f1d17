import type { FastifyServerOptions } from 'fastify';

type LoggerSetting = FastifyServerOptions['logger'];
type LoggerOptions = Exclude<LoggerSetting, boolean | undefined>;

/**
 * Where a secret could sit in a log line, censored by pino before the line is written. Fastify's
 * own request serializer logs no headers or bodies, but an `err` or a `req` logged by hand (or a
 * later debug line) may carry them: credentials must never reach a log file, whatever is logged.
 */
export const REDACTED_LOG_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'req.headers["proxy-authorization"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["x-csrf-token"]',
  'headers["set-cookie"]',
  // Bodies are not logged today; if one ever is, its credential fields are censored.
  ...['password', 'currentPassword', 'newPassword', 'token', 'secret', 'csrfToken', 'sessionToken', 'smtpUrl'].flatMap((field) => [field, `*.${field}`, `req.body.${field}`, `body.${field}`]),
];

/** Query parameters whose values are secrets if a client ever sends one there. */
const SECRET_QUERY = /^(?:token|access_token|api_key|apikey|key|password|secret|session|csrf)$/i;

/** The URL as logged: the value of a secret-looking query parameter is replaced by [Redacted]. */
export function loggableUrl(url: string): string {
  const at = url.indexOf('?');
  if (at === -1) return url;
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals === -1 ? pair : pair.slice(0, equals);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // A malformed escape is logged as sent: the name is compared as it is.
      }
      return equals !== -1 && SECRET_QUERY.test(decoded) ? `${name}=[Redacted]` : pair;
    });
  return `${url.slice(0, at)}?${query.join('&')}`;
}

interface RequestLike {
  readonly method: string;
  readonly url: string;
  readonly hostname?: string;
  readonly ip?: string;
  readonly socket?: { readonly remotePort?: number | undefined } | undefined;
}

/** Fastify's default request fields, with the URL's secret query values censored. */
function requestSerializer(request: RequestLike): unknown {
  // Something else logged under `req` (a hand-written line) is kept as it is, for redaction.
  if (typeof request !== 'object' || request === null || typeof request.url !== 'string' || typeof request.method !== 'string') return request;
  return { method: request.method, url: loggableUrl(request.url), host: request.hostname, remoteAddress: request.ip, remotePort: request.socket?.remotePort };
}

/**
 * The API's logger setting: structured pino JSON (Fastify adds the request id as `reqId` to
 * every line logged for a request) with credentials redacted, whatever the caller passed.
 */
export function redactingLogger(setting: LoggerSetting): LoggerSetting {
  if (setting === undefined || setting === false) return false;
  const base: LoggerOptions = setting === true ? {} : setting;
  const given = base.redact;
  const paths = [...REDACTED_LOG_PATHS, ...(given === undefined ? [] : Array.isArray(given) ? given : given.paths)];
  return {
    ...base,
    redact: { paths, censor: '[Redacted]' },
    serializers: { req: requestSerializer as never, ...(base.serializers ?? {}) },
  };
}
