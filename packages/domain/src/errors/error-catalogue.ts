/**
 * The one catalogue of stable error codes. Every layer throws `PactwatchError` with one of these
 * codes; the CLI maps them to exit codes and the API to HTTP statuses from this table only, so a
 * script can rely on both. docs/ERRORS.md is checked against this table by a test.
 */
export const ERROR_CATALOGUE = {
  USAGE: { exitCode: 2, httpStatus: 400, description: 'The command or request was malformed (unknown option, missing argument, bad value).' },
  VALIDATION_FAILED: { exitCode: 3, httpStatus: 422, description: 'Input data broke the schema or a domain rule; the message names the file, path or row and the reason.' },
  DATASET_QUARANTINED: { exitCode: 3, httpStatus: 422, description: 'A load finished but some records were kept in quarantine instead of stored; the report lists each one with its reason.' },
  INVALID_DATE: { exitCode: 3, httpStatus: 422, description: 'A date is not a valid EDTF (ISO 8601-2) string.' },
  UNKNOWN_COUNTRY: { exitCode: 3, httpStatus: 422, description: 'A country name or code could not be resolved to an ISO 3166-1 alpha-2 code.' },
  NOT_FOUND: { exitCode: 4, httpStatus: 404, description: 'The named agreement, commitment, incident or other record does not exist.' },
  CONFLICT: { exitCode: 5, httpStatus: 409, description: 'The change conflicts with the stored state (duplicate id, stale version).' },
  DATABASE_ERROR: { exitCode: 6, httpStatus: 503, description: 'The database could not be opened, migrated or written.' },
  DATABASE_TOO_NEW: { exitCode: 6, httpStatus: 503, description: 'The database was migrated by a newer pactwatch than this one; upgrade before using it.' },
  CONFIG_INVALID: { exitCode: 7, httpStatus: 500, description: 'An environment variable or setting is invalid; the message names it.' },
  FILE_ERROR: { exitCode: 8, httpStatus: 500, description: 'A file or folder could not be read or written; the message names it.' },
  STATS_INVALID_INPUT: { exitCode: 3, httpStatus: 422, description: 'Input to a statistical method is malformed (wrong lengths, negative or non-finite counts, options out of range).' },
  STATS_INSUFFICIENT_DATA: { exitCode: 9, httpStatus: 422, description: 'Too few observations for the statistical method (empty series, one point, no residual degrees of freedom).' },
  STATS_DEGENERATE_INPUT: { exitCode: 9, httpStatus: 422, description: 'The statistic is undefined for this input (e.g. every count is zero).' },
  STATS_SINGULAR_DESIGN: { exitCode: 9, httpStatus: 422, description: 'The regression design is rank deficient: some coefficient cannot be identified.' },
  STATS_SEPARATION: { exitCode: 9, httpStatus: 422, description: 'Fitted means ran to zero (e.g. no events after the break); use the exact rate-ratio test instead.' },
  STATS_NO_CONVERGENCE: { exitCode: 9, httpStatus: 422, description: 'An iterative fit (IRLS, theta, root finding) did not converge.' },
  UNAUTHENTICATED: { exitCode: 10, httpStatus: 401, description: 'No valid session, API token or password was given for an action that needs one.' },
  FORBIDDEN: { exitCode: 11, httpStatus: 403, description: "The signed-in account's role does not allow this action (viewer < analyst < admin), or the CSRF token is missing." },
  ACCOUNT_LOCKED: { exitCode: 11, httpStatus: 423, description: 'Too many failed logins: the account is locked for a while; the message says until when.' },
  ACCOUNT_DISABLED: { exitCode: 11, httpStatus: 403, description: 'The account or API token has been disabled or revoked.' },
  PRECONDITION_FAILED: { exitCode: 5, httpStatus: 412, description: 'The record changed since it was read (If-Match did not match its ETag); read it again and reapply the change.' },
  PRECONDITION_REQUIRED: { exitCode: 5, httpStatus: 428, description: 'An update or delete was sent without If-Match; send the ETag you read so changes cannot overwrite each other silently.' },
  PAYLOAD_TOO_LARGE: { exitCode: 3, httpStatus: 413, description: 'The request body or uploaded file is larger than the configured limit.' },
  RATE_LIMITED: { exitCode: 12, httpStatus: 429, description: 'Too many requests (logins or writes) in a short time; retry after the interval given.' },
  JOB_FAILED: { exitCode: 13, httpStatus: 500, description: 'A background job failed after all its retries; it is kept in the dead-letter list with its last error.' },
  FEED_UNREACHABLE: { exitCode: 14, httpStatus: 502, description: 'A feed could not be fetched: network error, timeout, HTTP error, too many redirects or a response over the size cap; the message names the feed URL.' },
  FEED_MALFORMED: { exitCode: 14, httpStatus: 502, description: 'A feed was fetched but is not well-formed RSS 2.0 or Atom; the message names the feed URL and the line and column.' },
  DEPENDENCY_MISSING: { exitCode: 15, httpStatus: 503, description: 'A program this action needs is not installed (e.g. Chromium for PDF reports); the message says how to install it or what to use instead.' },
  ALERT_DELIVERY_FAILED: { exitCode: 14, httpStatus: 502, description: 'An alert could not be delivered: the webhook answered with an error or could not be reached, or the SMTP server refused the message; the message names the rule, the target and the reason.' },
  INTERNAL: { exitCode: 1, httpStatus: 500, description: 'An unexpected failure: a bug. Please report it with the message.' },
} as const satisfies Record<string, { exitCode: number; httpStatus: number; description: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];
